import * as stories from '../../stories/alerts-flyout.stories.js';
import { testStories } from './run-stories.js';

testStories(stories);
