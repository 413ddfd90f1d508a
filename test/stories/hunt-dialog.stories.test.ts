import * as stories from '../../stories/hunt-dialog.stories.js';
import { testStories } from './run-stories.js';

testStories(stories);
