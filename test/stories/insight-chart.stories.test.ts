import * as stories from '../../stories/insight-chart.stories.js';
import { testStories } from './run-stories.js';

testStories(stories);
