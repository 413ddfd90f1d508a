// <ip-entity-page> with full, partly hostile data under the page's strict CSP.
import '../../src/components/entity-page/ip-entity-page.js';
import type { IpEntityPage } from '../../src/components/entity-page/entity-page.js';
import { StaticIpDataProvider } from '../../src/providers/static/static-provider.js';
import { fullData } from '../helpers/providers.js';

const data = fullData();
data.details!.organization = '<img src=x onerror="window.__pwned=1">';
const hour = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
data.timeline = [
  { id: 't1', kind: 'alert', time: hour(2), title: '<img src=x onerror="window.__pwned=5">', severity: 'high', alertId: 'a1', source: 'Microsoft Sentinel' },
  { id: 't2', kind: 'bookmark', time: hour(9), title: 'Beaconing', bookmarkedBy: 'kim@contoso.com', query: 'DeviceNetworkEvents | take 10' },
];
data.insights = [
  {
    id: 'chart',
    title: 'Anomalies by day',
    query: 'Anomalies',
    language: 'kql-sentinel',
    columns: [
      { name: 'Day', type: 'datetime' },
      { name: 'Anomalies', type: 'number' },
    ],
    rows: [
      [hour(48), 3],
      [hour(24), '{a|<b>}'],
    ],
    chart: { type: 'bar', x: 'Day', y: 'Anomalies' },
  },
];
const page = document.createElement('ip-entity-page') as IpEntityPage;
page.provider = new StaticIpDataProvider({ data: { '203.0.113.7': data } });
page.ip = '203.0.113.7';
document.body.append(page);
(window as unknown as { __page: IpEntityPage }).__page = page;
