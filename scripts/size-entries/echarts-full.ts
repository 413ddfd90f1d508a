// For comparison only (npm run size): what importing all of ECharts would cost.
import * as echarts from 'echarts';

export default echarts;
