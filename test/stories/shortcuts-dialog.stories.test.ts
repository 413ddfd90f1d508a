import * as stories from '../../stories/shortcuts-dialog.stories.js';
import { testStories } from './run-stories.js';

testStories(stories);
