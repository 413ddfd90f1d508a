import * as stories from '../../stories/prevalence-chart.stories.js';
import { testStories } from './run-stories.js';

testStories(stories);
