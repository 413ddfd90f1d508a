import * as stories from '../../stories/note.stories.js';
import { testStories } from './run-stories.js';

testStories(stories);
