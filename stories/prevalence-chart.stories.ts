import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/prevalence-chart/ip-prevalence-chart.js';
import type { IpPrevalenceChart } from '../src/components/prevalence-chart/prevalence-chart.js';
import { RestIpDataProvider } from '../src/providers/rest/rest-provider.js';
import { api, frame, FOREVER, overriding } from './helpers.js';
import type { IpDataProvider } from '../src/data/provider.js';

interface Args {
  ip: string;
  range: string;
  theme?: 'light' | 'dark';
  width?: string;
}

const provider = new RestIpDataProvider({ baseUrl: '/api' });

const meta: Meta<Args> = {
  title: 'Elements/ip-prevalence-chart',
  component: 'ip-prevalence-chart',
  args: { ip: '203.0.113.7', range: '30d' },
  argTypes: {
    range: { control: 'select', options: ['24h', '7d', '30d', '90d', '180d'] },
    theme: { control: 'select', options: [undefined, 'light', 'dark'] },
  },
  render: (a) =>
    frame(
      html`<div style=${`padding:16px;${a.width ? `max-width:${a.width}` : ''}`}>
        <ip-prevalence-chart .provider=${provider} ip=${a.ip} range=${a.range} theme=${a.theme ?? ''}
          @ip-range-select=${(e: CustomEvent) => console.info('ip-range-select', e.detail)}></ip-prevalence-chart>
      </div>`,
      a.theme,
    ),
};
export default meta;
type Story = StoryObj<Args>;

/** Hourly buckets. */
export const Last24Hours: Story = { args: { range: '24h' } };
export const Last30Days: Story = {};
export const Last180Days: Story = { args: { range: '180d' } };
/** Never observed: the empty state. */
export const NoData: Story = { args: { ip: '192.0.2.200' } };
export const Error: Story = { args: { ip: '192.0.2.66' } };
/** A busy IP: hundreds of alert markers. */
export const ManyAlerts: Story = { args: { ip: '198.51.100.23', range: '90d' } };
export const Dark: Story = { args: { theme: 'dark' } };
/** Narrow: no zoom slider, zoom with Shift+wheel or a pinch. */
export const Narrow: Story = { args: { width: '360px' } };
/** The data has not arrived: a skeleton of the chart's size, so nothing shifts when it does. */
export const Loading: Story = { parameters: api({ latencyMs: FOREVER }) };

/**
 * The devices behind a point: click a point, or press Enter on it, and its devices are listed
 * under the chart (one paged call over that day), most connections first. Escape closes the list.
 */
export const DevicesOfAPoint: Story = {
  args: { range: '7d' },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('ip-prevalence-chart') as IpPrevalenceChart;
    await el.rendered();
    const chart = el.shadowRoot!.querySelector<HTMLElement>('[part="chart"]')!;
    chart.focus();
    for (const key of ['End', 'ArrowLeft', 'Enter']) chart.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  },
};

/** Open the devices of the last point (End, Left, Enter on the focused chart). */
async function openLastPoint(canvasElement: HTMLElement) {
  const el = canvasElement.querySelector('ip-prevalence-chart') as IpPrevalenceChart;
  await el.rendered();
  const chart = el.shadowRoot!.querySelector<HTMLElement>('[part="chart"]')!;
  chart.focus();
  for (const key of ['End', 'ArrowLeft', 'Enter']) chart.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
}

function chartOver(p: IpDataProvider, a: Args) {
  return frame(html`<div style="padding:16px"><ip-prevalence-chart .provider=${p} ip=${a.ip} range=${a.range} theme=${a.theme ?? ''}></ip-prevalence-chart></div>`, a.theme);
}

/** A busy IP: hundreds of devices behind one day, paged under the chart. */
export const DevicesOfAPointHuge: Story = { args: { ip: '198.51.100.23', range: '7d' }, play: ({ canvasElement }) => openLastPoint(canvasElement) };

/** The point's devices cannot be listed: the list says why, with Retry; the chart stays. */
export const DevicesOfAPointFailing: Story = {
  args: { range: '7d' },
  render: (a) => chartOver(overriding(provider, { listObservedDevices: () => Promise.reject(new globalThis.Error('The device service is unavailable.')) }), a),
  play: ({ canvasElement }) => openLastPoint(canvasElement),
};

/** Device names the data source sent with markup and a `javascript:` link stay inert text. */
export const DevicesOfAPointHostile: Story = {
  args: { range: '7d' },
  render: (a) =>
    chartOver(
      overriding(provider, {
        listObservedDevices: async (ip: string, q: Parameters<IpDataProvider['listObservedDevices']>[1], o: Parameters<IpDataProvider['listObservedDevices']>[2]) => {
          const page = await provider.listObservedDevices(ip, q, o);
          return { ...page, items: page.items.map((d, i) => (i === 0 ? { ...d, name: '<img src=x onerror=alert(1)>' } : i === 1 ? { ...d, name: 'javascript:alert(1)' } : d)) };
        },
      }),
      a,
    ),
  play: ({ canvasElement }) => openLastPoint(canvasElement),
};
