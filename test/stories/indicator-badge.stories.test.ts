import * as stories from '../../stories/indicator-badge.stories.js';
import { testStories } from './run-stories.js';

testStories(stories);
