import * as stories from '../../stories/observed-devices.stories.js';
import { testStories } from './run-stories.js';

testStories(stories);
