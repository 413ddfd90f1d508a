import * as stories from '../../stories/accounts.stories.js';
import { testStories } from './run-stories.js';

testStories(stories);
