import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/prevalence-chart/ip-prevalence-chart.js';
import type { IpPrevalenceChart } from '../src/components/prevalence-chart/prevalence-chart.js';
import { RestIpDataProvider } from '../src/providers/rest/rest-provider.js';
import { api, frame, FOREVER } from './helpers.js';

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
