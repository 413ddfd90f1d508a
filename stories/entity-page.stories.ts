import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/entity-page/ip-entity-page.js';
import { api, frame, FOREVER } from './helpers.js';

interface Args {
  ip: string;
  range: string;
  tab: string;
  theme?: 'light' | 'dark';
  density?: 'comfortable' | 'compact';
}

const meta: Meta<Args> = {
  title: 'Elements/ip-entity-page',
  component: 'ip-entity-page',
  args: { ip: '203.0.113.7', range: '30d', tab: 'overview' },
  argTypes: {
    range: { control: 'select', options: ['24h', '7d', '30d', '90d', '180d'] },
    tab: { control: 'select', options: ['overview', 'alerts', 'devices', 'intel', 'sentinel'] },
    theme: { control: 'select', options: [undefined, 'light', 'dark'] },
    density: { control: 'select', options: [undefined, 'comfortable', 'compact'] },
  },
  render: (a) =>
    frame(
      html`<ip-entity-page api-base="/api" ip=${a.ip} range=${a.range} tab=${a.tab} theme=${a.theme ?? ''} density=${a.density ?? ''}></ip-entity-page>`,
      a.theme,
    ),
};
export default meta;
type Story = StoryObj<Args>;

/** Link templates set as attributes: every device, alert and incident link, and the Activity log and cloud app actions, open the host's URLs. */
export const LinkTemplates: Story = {
  args: { tab: 'devices' },
  render: (a) =>
    frame(
      html`<ip-entity-page api-base="/api" ip=${a.ip} range=${a.range} tab=${a.tab} theme=${a.theme ?? ''}
        device-href="https://portal.example/devices/{id}" alert-href="https://portal.example/alerts/{id}" incident-href="https://portal.example/incidents/{id}"
        hunting-href="https://portal.example/hunting?query={query}" activity-log-href="https://portal.example/activity?ip={ip}"
        cloud-app-settings-href="https://portal.example/settings/ip-ranges?ip={ip}"></ip-entity-page>`,
      a.theme,
    ),
};

/** A command-and-control server: ≈50 alerts, ≈40 devices. */
export const Typical: Story = {};

/** Every request takes forever: the skeletons, shaped like the content. */
export const Loading: Story = { parameters: api({ latencyMs: FOREVER }) };

/** Every request fails: each section shows the error and a Retry. */
export const Error: Story = { args: { ip: '192.0.2.66' } };

/** One section fails, the others still work. */
export const PartialFailure: Story = { parameters: api({ fail: { 'log-activity': 503, details: 500 } }) };

/** Never seen in the organization: said plainly, enrichment still shown. */
export const NotObserved: Story = { args: { ip: '192.0.2.200' } };

export const IPv6: Story = { args: { ip: '2001:db8:85a3::8a2e:370:7334' } };

export const IPv4MappedIPv6: Story = { args: { ip: '::ffff:203.0.113.7' } };

export const PrivateAddress: Story = { args: { ip: '10.20.30.40' } };

/** 100,000 alerts. */
export const Huge: Story = { args: { ip: '198.51.100.23' } };

export const InvalidIp: Story = { args: { ip: '0x7f.0.0.1' } };

export const Dark: Story = { args: { theme: 'dark' } };

export const Compact: Story = { args: { density: 'compact' } };

export const Narrow: Story = {
  render: (a) => frame(html`<ip-entity-page api-base="/api" ip=${a.ip}></ip-entity-page>`, undefined, '390px'),
};

export const NoProvider: Story = {
  render: (a) => frame(html`<ip-entity-page ip=${a.ip}></ip-entity-page>`),
};

/** `?` opens the list of keyboard shortcuts (`/` search, `r` range, `1`–`5` tabs, `i` Add indicator, `h` Go hunt). */
export const KeyboardShortcuts: Story = {
  play: async ({ canvasElement }) => {
    const page = canvasElement.querySelector('ip-entity-page')!;
    await page.updateComplete;
    await page.showShortcuts();
  },
};
/** The host turned the shortcuts off (`shortcuts="off"`): no key does anything. */
export const ShortcutsOff: Story = {
  render: (a) => frame(html`<ip-entity-page api-base="/api" ip=${a.ip} shortcuts="off"></ip-entity-page>`),
};
/** `locale="de"`: every word in German, and German date and number formats. */
export const German: Story = {
  render: (a) => frame(html`<ip-entity-page api-base="/api" ip=${a.ip} locale="de"></ip-entity-page>`),
};
/** The pseudo-locale `en-XA`: every translated word accented, 40 % longer and in brackets; plain text did not go through msg(), and nothing may be cut off. */
export const PseudoLocale: Story = {
  render: (a) => frame(html`<ip-entity-page api-base="/api" ip=${a.ip} locale="en-XA"></ip-entity-page>`),
};
/** Right to left (`dir="rtl"` on a wrapper): the layout mirrors; data values (addresses, ranges, names) keep their own order. */
export const RightToLeft: Story = {
  render: (a) => frame(html`<div dir="rtl"><ip-entity-page api-base="/api" ip=${a.ip}></ip-entity-page></div>`),
};
