import * as stories from '../../stories/alerts-list.stories.js';
import { testStories } from './run-stories.js';

testStories(stories);
