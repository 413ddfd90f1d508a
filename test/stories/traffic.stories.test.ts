import * as stories from '../../stories/traffic.stories.js';
import { testStories } from './run-stories.js';

testStories(stories);
