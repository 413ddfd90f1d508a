import * as stories from '../../stories/controls.stories.js';
import { testStories } from './run-stories.js';

testStories(stories);
