import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/sentinel-events/ip-sentinel-events.js';
import { RestIpDataProvider } from '../src/providers/rest/rest-provider.js';
import { StaticIpDataProvider } from '../src/providers/static/static-provider.js';
import { resolveRange } from '../src/lib/time-range.js';
import { IpDataset } from '../mocks/generator/dataset.js';
import { api, frame, FOREVER, HOSTILE } from './helpers.js';

interface Args {
  ip: string;
  range: string;
  sections: string;
  theme?: 'light' | 'dark';
}

const rest = new RestIpDataProvider({ baseUrl: '/api' });

function element(provider: unknown, a: Args) {
  return frame(
    html`<div style="padding:16px"><ip-sentinel-events .provider=${provider} ip=${a.ip} range=${a.range} sections=${a.sections} theme=${a.theme ?? ''}></ip-sentinel-events></div>`,
    a.theme,
  );
}

const meta: Meta<Args> = {
  title: 'Elements/ip-sentinel-events',
  component: 'ip-sentinel-events',
  args: { ip: '203.0.113.7', range: '30d', sections: 'timeline insights' },
  argTypes: {
    range: { control: 'select', options: ['24h', '7d', '30d', '90d', '180d'] },
    sections: { control: 'select', options: ['timeline insights', 'timeline', 'insights'] },
    theme: { control: 'select', options: [undefined, 'light', 'dark'] },
  },
  render: (a) => element(rest, a),
};
export default meta;
type Story = StoryObj<Args>;

/** The timeline and the insights of a command-and-control server. */
export const FullTab: Story = {};
export const TimelineOnly: Story = { args: { sections: 'timeline' } };
export const InsightsOnly: Story = { args: { sections: 'insights' } };
/** One insight could not be computed: it shows its error and Retry; the others render. */
export const OneInsightFailing: Story = {
  render: (a) => {
    const ds = new IpDataset(a.ip);
    const range = resolveRange('30d');
    const insights = ds.insights(range).map((i, k) => (k === 2 ? { ...i, rows: [], error: 'The Anomalies table is not connected to this workspace.' } : i));
    return element(new StaticIpDataProvider({ data: { [a.ip]: { timeline: ds.timeline(range), insights } } }), a);
  },
};
/** An IP nothing involved. */
export const Empty: Story = { args: { ip: '192.0.2.200' } };
export const Error: Story = { args: { ip: '192.0.2.66' } };
export const Loading: Story = { parameters: api({ latencyMs: FOREVER }) };
/** 10,000 timeline events, virtualized. */
export const TenThousandEvents: Story = { args: { ip: '198.51.100.23', range: '180d', sections: 'timeline' } };
export const Dark: Story = { args: { theme: 'dark' } };

/** Hostile text in timeline events and insight cells: inert text. */
export const HostileStrings: Story = {
  render: (a) => {
    const ds = new IpDataset(a.ip);
    const range = resolveRange('30d');
    const timeline = ds.timeline(range).slice(0, 20).map((e, i) => (i < 4 ? { ...e, title: [HOSTILE.markup, HOSTILE.script, HOSTILE.formula, HOSTILE.bidi][i]!, description: HOSTILE.url } : e));
    const insights = ds.insights(range).slice(0, 3).map((ins) => ({ ...ins, title: `${ins.title} ${HOSTILE.markup}`, rows: ins.rows.slice(0, 3).map((r) => r.map((c, j) => (j === 0 && typeof c === 'string' ? `${HOSTILE.formula} ${c}` : c))) }));
    return element(new StaticIpDataProvider({ data: { [a.ip]: { timeline, insights } } }), a);
  },
};
/** A phone-width column: the cards stack. */
export const Narrow: Story = {
  render: (a) => frame(html`<div style="padding:8px"><ip-sentinel-events .provider=${rest} ip=${a.ip} range=${a.range} sections=${a.sections}></ip-sentinel-events></div>`, a.theme, '390px'),
};
