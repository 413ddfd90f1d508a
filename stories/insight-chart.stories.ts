import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/sentinel-events/ip-insight-chart.js';
import type { Insight } from '../src/data/model.js';
import { frame } from './helpers.js';

interface Args {
  type: 'bar' | 'line' | 'pie';
  rows: number;
  theme?: 'light' | 'dark';
}

function insight(a: Args): Insight {
  const day = 86_400_000;
  const now = Date.now();
  const pie = a.type === 'pie';
  return {
    id: 'story',
    title: pie ? 'Remote connections by protocol' : 'Anomalies by day',
    query: '',
    language: 'kql-sentinel',
    columns: pie ? [{ name: 'Protocol', type: 'string' }, { name: 'Connections', type: 'number' }] : [{ name: 'Day', type: 'datetime' }, { name: 'Anomalies', type: 'number' }],
    rows: Array.from({ length: a.rows }, (_, i) => (pie ? [['TCP/443', 'TCP/80', 'UDP/53', 'TCP/3389', 'TCP/22'][i % 5], [420, 130, 90, 12, 5][i % 5]] : [new Date(now - (a.rows - i) * day).toISOString(), Math.round(4 + 3 * Math.sin(i / 2))])),
    chart: pie ? { type: 'pie', x: 'Protocol', y: 'Connections' } : { type: a.type, x: 'Day', y: 'Anomalies' },
  };
}

const meta: Meta<Args> = {
  title: 'Elements/ip-sentinel-events/ip-insight-chart',
  component: 'ip-insight-chart',
  args: { type: 'bar', rows: 14 },
  argTypes: { type: { control: 'select', options: ['bar', 'line', 'pie'] }, theme: { control: 'select', options: [undefined, 'light', 'dark'] } },
  render: (a) => frame(html`<div style="padding:16px;max-width:420px" class=${a.theme ?? ''}><ip-insight-chart .insight=${insight(a)} theme=${a.theme ?? ''}></ip-insight-chart></div>`, a.theme),
};
export default meta;
type Story = StoryObj<Args>;

export const Bar: Story = {};
export const Line: Story = { args: { type: 'line', rows: 30 } };
export const Pie: Story = { args: { type: 'pie', rows: 5 } };
export const NoData: Story = { args: { rows: 0 } };
export const Dark: Story = { args: { theme: 'dark' } };
