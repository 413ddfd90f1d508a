import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/alerts-list/ip-alerts-list.js';
import type { IpAlertsList } from '../src/components/alerts-list/alerts-list.js';
import type { AlertColumn } from '../src/components/alerts-list/columns.js';
import { RestIpDataProvider } from '../src/providers/rest/rest-provider.js';
import { StaticIpDataProvider } from '../src/providers/static/static-provider.js';
import { IpDataset } from '../mocks/generator/dataset.js';
import { api, frame, FOREVER, HOSTILE } from './helpers.js';

interface Args {
  ip: string;
  range: string;
  theme?: 'light' | 'dark';
  density?: 'comfortable' | 'compact';
  filter?: string;
}

const rest = new RestIpDataProvider({ baseUrl: '/api' });

const meta: Meta<Args> = {
  title: 'Elements/ip-alerts-list',
  component: 'ip-alerts-list',
  args: { ip: '203.0.113.7', range: '90d' },
  argTypes: {
    range: { control: 'select', options: ['24h', '7d', '30d', '90d', '180d'] },
    theme: { control: 'select', options: [undefined, 'light', 'dark'] },
    density: { control: 'select', options: [undefined, 'comfortable', 'compact'] },
  },
  render: (a) =>
    frame(
      html`<div style="padding:16px"><ip-alerts-list .provider=${rest} ip=${a.ip} range=${a.range} theme=${a.theme ?? ''} density=${a.density ?? ''}
        filter=${a.filter ?? ''} current-user="you@contoso.com" storage-key="storybook"></ip-alerts-list></div>`,
      a.theme,
    ),
};
export default meta;
type Story = StoryObj<Args>;

/** About 50 incidents and alerts of a command-and-control server. */
export const Typical: Story = {};
/** Deep-linked from a severity card: `filter="severity:high"`. */
export const FilteredToHigh: Story = { args: { filter: 'severity:high' } };
export const Empty: Story = { args: { ip: '192.0.2.200' } };
export const Error: Story = { args: { ip: '192.0.2.66' } };
export const Loading: Story = { parameters: api({ latencyMs: FOREVER }) };
/** 100,000 rows, paged from the mock server as you scroll. */
export const HundredThousand: Story = { args: { ip: '198.51.100.23', range: '180d' } };
/** 1,000,000 rows: Ctrl+End (or the scrollbar) reaches the last one. */
export const OneMillion: Story = { args: { ip: '198.51.100.99', range: '180d' } };
export const Dark: Story = { args: { theme: 'dark' } };
export const Compact: Story = { args: { density: 'compact' } };

/** A provider without `updateAlerts`: the panel shows details only. */
export const ReadOnly: Story = {
  render: () => {
    const ds = new IpDataset('203.0.113.7');
    const provider = new StaticIpDataProvider({ data: { '203.0.113.7': { alerts: Array.from({ length: ds.alertCount }, (_, i) => ds.alert(i)) } }, readOnly: true });
    return frame(html`<div style="padding:16px"><ip-alerts-list .provider=${provider} ip="203.0.113.7" range="90d"></ip-alerts-list></div>`);
  },
};

/** One alert selected: the panel with its details and the manage form. */
export const FlyoutOpen: Story = {
  render: (a) => {
    const ds = new IpDataset('203.0.113.7');
    const alerts = Array.from({ length: ds.alertCount }, (_, i) => ds.alert(i));
    const provider = new StaticIpDataProvider({ data: { '203.0.113.7': { alerts } }, currentUser: 'you@contoso.com' });
    return frame(html`<div style="padding:16px"><ip-alerts-list .provider=${provider} ip=${a.ip} range="90d" current-user="you@contoso.com"></ip-alerts-list></div>`);
  },
  play: async ({ canvasElement }) => {
    const list = canvasElement.querySelector('ip-alerts-list') as IpAlertsList;
    await list.updateComplete;
    const alert = new IpDataset('203.0.113.7').alert(1);
    list.selectIds([alert.id]);
  },
};

/** Hostile text from the data source (markup, a script, a formula, a right-to-left override) in titles, assets, tags and people: inert text, the override shown as a mark. */
export const HostileStrings: Story = {
  render: (a) => {
    const ds = new IpDataset('203.0.113.7');
    const alerts = Array.from({ length: 12 }, (_, i) => ds.alert(i)).map((item, i) =>
      i > 3
        ? item
        : {
            ...item,
            title: [HOSTILE.markup, HOSTILE.script, HOSTILE.formula, `Payload ${HOSTILE.bidi} ran`][i]!,
            assignedTo: HOSTILE.formula,
            tags: [HOSTILE.url, HOSTILE.markup],
            impactedAssets: [{ kind: 'device' as const, name: HOSTILE.script }, { kind: 'user' as const, name: HOSTILE.bidi }],
          },
    );
    const provider = new StaticIpDataProvider({ data: { '203.0.113.7': { alerts } } });
    return frame(html`<div style="padding:16px"><ip-alerts-list .provider=${provider} ip="203.0.113.7" range="90d" theme=${a.theme ?? ''}></ip-alerts-list></div>`, a.theme);
  },
};
/**
 * Two columns of the host's own (`extraColumns`): a risk score and a ticket from the SIEM, read
 * from each item's `extensions`. They are chosen, ordered, resized and exported like the others.
 */
export const HostColumns: Story = {
  render: (a) => {
    const ds = new IpDataset('203.0.113.7');
    const alerts = Array.from({ length: ds.alertCount }, (_, i) => ({ ...ds.alert(i), extensions: { riskScore: (i * 37) % 100, ticket: i % 3 ? `SOC-${4100 + i}` : null } }));
    const provider = new StaticIpDataProvider({ data: { '203.0.113.7': { alerts } } });
    const columns: AlertColumn[] = [
      {
        id: 'riskScore',
        header: 'Risk score',
        width: 120,
        sort: 'severity',
        render: (item) => html`<strong>${item.extensions?.['riskScore']}</strong>&nbsp;/ 100`,
        value: (item) => item.extensions?.['riskScore'] as number,
      },
      { id: 'ticket', header: 'Ticket', width: 120, render: (item) => (item.extensions?.['ticket'] as string | null) ?? '—' },
    ];
    const visible = ['title', 'severity', 'riskScore', 'ticket', 'status', 'lastActivity'];
    return frame(
      html`<div style="padding:16px"><ip-alerts-list .provider=${provider} ip="203.0.113.7" range="90d" theme=${a.theme ?? ''} .extraColumns=${columns}
        .columns=${visible.map((id) => ({ id, visible: true, width: id === 'title' ? 360 : 130 }))}></ip-alerts-list></div>`,
      a.theme,
    );
  },
};

/** A phone-width column: the toolbar wraps, the grid scrolls sideways. */
export const Narrow: Story = {
  render: (a) =>
    frame(html`<div style="padding:8px"><ip-alerts-list .provider=${rest} ip=${a.ip} range=${a.range}></ip-alerts-list></div>`, a.theme, '390px'),
};
/** `lang="de"`: the list's words, filters, columns and counts in German, German dates and numbers. */
export const German: Story = {
  render: (a) => frame(html`<div style="padding:16px" lang="de"><ip-alerts-list .provider=${rest} ip=${a.ip} range=${a.range}></ip-alerts-list></div>`, a.theme),
};
/** Right to left: the grid mirrors; each value keeps its own order and is cut at its own end. */
export const RightToLeft: Story = {
  render: (a) => frame(html`<div style="padding:16px" dir="rtl"><ip-alerts-list .provider=${rest} ip=${a.ip} range=${a.range}></ip-alerts-list></div>`, a.theme),
};
