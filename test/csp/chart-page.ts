// The chart with hostile data, under the page's strict CSP. The test drives it from outside.
import '../../src/components/prevalence-chart/ip-prevalence-chart.js';
import type { IpPrevalenceChart } from '../../src/components/prevalence-chart/prevalence-chart.js';
import type { Prevalence } from '../../src/data/model.js';

const start = Date.parse('2026-10-24T00:00:00.000Z');
const data: Prevalence = {
  bucket: 'day',
  buckets: Array.from({ length: 30 }, (_, i) => ({ start: new Date(start + i * 86_400_000).toISOString(), devices: (i * 7) % 13 })),
  totalDevices: 21,
  firstSeen: new Date(start).toISOString(),
  lastSeen: new Date(start + 29 * 86_400_000).toISOString(),
  alertMarks: Array.from({ length: 30 }, (_, i) => ({
    id: `a${i}`,
    title: `<img src=x onerror="window.__pwned=1"> {high|styled} alert ${i}`,
    severity: ['high', 'medium', 'low', 'informational'][i % 4]!,
    time: new Date(start + i * 86_400_000 + 3_600_000).toISOString(),
  })),
};

const chart = document.createElement('ip-prevalence-chart') as IpPrevalenceChart;
chart.style.display = 'block';
chart.style.width = '800px';
chart.data = data;
document.body.append(chart);
(window as unknown as { __chart: IpPrevalenceChart }).__chart = chart;
