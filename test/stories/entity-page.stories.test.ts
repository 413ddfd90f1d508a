import * as stories from '../../stories/entity-page.stories.js';
import { testStories } from './run-stories.js';

testStories(stories);
