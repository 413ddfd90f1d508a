import * as stories from '../../stories/overview.stories.js';
import { testStories } from './run-stories.js';

testStories(stories);
