import * as stories from '../../stories/response-actions.stories.js';
import { testStories } from './run-stories.js';

testStories(stories);
