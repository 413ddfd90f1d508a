import * as stories from '../../stories/indicator-wizard.stories.js';
import { testStories } from './run-stories.js';

testStories(stories);
