import * as stories from '../../stories/case-dialog.stories.js';
import { testStories } from './run-stories.js';

testStories(stories);
