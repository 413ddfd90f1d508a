import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/overview/ip-overview.js';
import { RestIpDataProvider } from '../src/providers/rest/rest-provider.js';
import type { IpDataProvider } from '../src/data/provider.js';
import { api, frame, FOREVER, overriding } from './helpers.js';

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

/** A host's own provider answering with the wrong shape: only that block fails, naming the method and the field. */
const broken: IpDataProvider = overriding(provider, {
  getLogActivity: async () => ({ sources: [], loggedHosts: 'SRV-APP-07' }),
  getSecuritySummary: async () => ({ openIncidents: -1, activeAlerts: 'many' }),
});
export const BrokenProvider: Story = {
  render: (a) => frame(html`<div style="padding:16px"><ip-overview .provider=${broken} ip=${a.ip} range=${a.range}></ip-overview></div>`),
};

/** Provider text with markup, a `javascript:` link and a right-to-left override: all shown as inert text, the override as a mark. */
const hostile: IpDataProvider = overriding(provider, {
  getIpDetails: async () => ({
    ip: '203.0.113.7',
    organization: '<img src=x onerror=alert(1)> Evil\u202Egpj.exe Hosting',
    city: 'javascript:alert(1)',
    reverseDns: ['mail\u202Emoc.example', '<script>alert(1)</script>'],
  }),
});
export const HostileStrings: Story = {
  render: (a) => frame(html`<div style="padding:16px"><ip-overview .provider=${hostile} ip=${a.ip} range=${a.range}></ip-overview></div>`),
};

/** A busy IP whose source gives status only for its most recent alerts (Defender: the 100 listed with their details): the open figures are lower bounds, and say so. */
const busy: IpDataProvider = overriding(provider, {
  getSecuritySummary: async (ip: string, range: { from: Date; to: Date }, o: { signal: AbortSignal }) => ({ ...(await provider.getSecuritySummary(ip, range, o)), countedOver: { counted: 100, matched: 2345 } }),
});
export const CountsAtLeast: Story = {
  render: (a) => frame(html`<div style="padding:16px"><ip-overview .provider=${busy} ip=${a.ip} range=${a.range}></ip-overview></div>`),
};

/** A country given only by its English name (Sentinel's geodata), on a German page: Singapur (SG). */
const named: IpDataProvider = overriding(provider, {
  getIpDetails: async (ip: string, o: { signal: AbortSignal }) => ({ ...(await provider.getIpDetails(ip, o)), country: 'Singapore', countryCode: undefined }),
});
export const CountryInGerman: Story = {
  render: (a) => frame(html`<div style="padding:16px" lang="de-DE"><ip-overview .provider=${named} ip=${a.ip} range=${a.range}></ip-overview></div>`),
};
