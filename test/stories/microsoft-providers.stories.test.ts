import * as stories from '../../stories/microsoft-providers.stories.js';
import { testStories } from './run-stories.js';

testStories(stories);
