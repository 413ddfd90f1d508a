import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/overview/ip-overview.js';
import { RestIpDataProvider } from '../src/providers/rest/rest-provider.js';
import { api, frame, FOREVER } from './helpers.js';

interface Args {
  ip: string;
  range: string;
  theme?: 'light' | 'dark';
  density?: 'comfortable' | 'compact';
}

const provider = new RestIpDataProvider({ baseUrl: '/api' });

const meta: Meta<Args> = {
  title: 'Elements/ip-overview',
  component: 'ip-overview',
  args: { ip: '203.0.113.7', range: '30d' },
  argTypes: {
    range: { control: 'select', options: ['24h', '7d', '30d', '90d', '180d'] },
    theme: { control: 'select', options: [undefined, 'light', 'dark'] },
    density: { control: 'select', options: [undefined, 'comfortable', 'compact'] },
  },
  render: (a) =>
    frame(
      html`<div style="padding:16px"><ip-overview .provider=${provider} ip=${a.ip} range=${a.range} theme=${a.theme ?? ''} density=${a.density ?? ''}></ip-overview></div>`,
      a.theme,
    ),
};
export default meta;
type Story = StoryObj<Args>;

export const Typical: Story = {};
export const Loading: Story = { parameters: api({ latencyMs: FOREVER }) };
export const Error: Story = { args: { ip: '192.0.2.66' } };
export const PartialFailure: Story = { parameters: api({ fail: { summary: 503 } }) };
export const NotObserved: Story = { args: { ip: '192.0.2.200' } };
export const IPv6: Story = { args: { ip: '2001:db8:85a3::8a2e:370:7334' } };
export const PrivateWithLoggedHost: Story = { args: { ip: '10.20.30.40' } };
export const Dark: Story = { args: { theme: 'dark' } };
export const Compact: Story = { args: { density: 'compact' } };
