import * as stories from '../../stories/elastic-provider.stories.js';
import { testStories } from './run-stories.js';

testStories(stories);
