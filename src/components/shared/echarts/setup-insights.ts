/**
 * The ECharts build of the insight cards: the shared build (see `setup.ts`) plus bar and pie
 * charts. Loaded only with a dynamic `import()` (see `load.ts`), so the prevalence chart never
 * pays for them and the page never pays for either before a chart is visible.
 */
import { echarts } from './setup.js';
import { BarChart, PieChart } from 'echarts/charts';

echarts.use([BarChart, PieChart]);

export { echarts };
