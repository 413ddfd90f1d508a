import * as stories from '../../stories/sentinel-events.stories.js';
import { testStories } from './run-stories.js';

testStories(stories);
