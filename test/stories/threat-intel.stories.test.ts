import * as stories from '../../stories/threat-intel.stories.js';
import { testStories } from './run-stories.js';

testStories(stories);
