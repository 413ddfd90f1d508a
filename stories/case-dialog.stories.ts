import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/case-dialog/ip-case-dialog.js';
import type { IpCaseDialog } from '../src/components/case-dialog/case-dialog.js';
import { RestIpDataProvider } from '../src/providers/rest/rest-provider.js';
import { StaticIpDataProvider } from '../src/providers/static/static-provider.js';
import { ElasticSecurityProvider } from '../src/providers/elastic/elastic-provider.js';
import { IpDataError } from '../src/data/errors.js';
import { createElasticHandlers, DEMO_ELASTICSEARCH_URL, DEMO_KIBANA_URL } from '../mocks/elastic.js';
import { api, frame, FOREVER, overriding } from './helpers.js';

interface Args {
  ip: string;
  theme?: 'light' | 'dark';
}

const rest = new RestIpDataProvider({ baseUrl: '/api' });
const ago = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

function element(provider: unknown, a: Args) {
  return frame(
    html`<div style="padding:16px">
      <button type="button" @click=${(e: Event) => ((e.currentTarget as HTMLElement).nextElementSibling as IpCaseDialog).show()}>Add to incident</button>
      <ip-case-dialog .provider=${provider} ip=${a.ip} theme=${a.theme ?? ''}></ip-case-dialog>
    </div>`,
    a.theme,
  );
}

const open = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const el = canvasElement.querySelector('ip-case-dialog') as IpCaseDialog;
  await el.updateComplete;
  el.show();
};

const meta: Meta<Args> = {
  title: 'Elements/ip-response-actions/ip-case-dialog',
  component: 'ip-case-dialog',
  args: { ip: '203.0.113.7' },
  argTypes: { theme: { control: 'select', options: [undefined, 'light', 'dark'] } },
  render: (a) => element(rest, a),
  play: open,
};
export default meta;
type Story = StoryObj<Args>;

/** The C2 server's open incidents (REST contract): the first involving it is chosen, the text begun. */
export const Typical: Story = {};
/** Elastic Security's cases (Kibana's cases API): an open case naming the IP, the campaign's case in progress. */
export const ElasticCases: Story = {
  parameters: { msw: { handlers: createElasticHandlers() } },
  render: (a) => element(new ElasticSecurityProvider({ elasticsearchUrl: DEMO_ELASTICSEARCH_URL, kibanaUrl: DEMO_KIBANA_URL }), a),
};
/** A busy IP: dozens of open incidents, the list scrolls. */
export const Huge: Story = { args: { ip: '198.51.100.23' } };
/** No open incident involves the IP: search for one. */
export const Empty: Story = { args: { ip: '192.0.2.200' } };
/** Listing fails: the reason and Retry. */
export const Error: Story = { args: { ip: '192.0.2.66' } };
export const Loading: Story = { parameters: api({ latencyMs: FOREVER }) };
/** Adding is refused: the choice and the text stay (click Add to incident). */
export const AddFails: Story = {
  render: (a) => element(overriding(rest, { addToCase: () => Promise.reject(new IpDataError('forbidden', 'Graph refused (403): SecurityIncident.ReadWrite.All is needed.')) }), a),
};
/** Hostile titles stay text. */
export const HostileStrings: Story = {
  render: (a) =>
    element(
      new StaticIpDataProvider({ data: { [a.ip]: { alerts: [{ id: '9', kind: 'incident', title: '<img src=x onerror=alert(1)> =HYPERLINK("http://evil.example")', description: '', severity: 'high', status: 'new', classification: null, determination: null, investigationState: 'unknown', category: 'x', assignedTo: null, impactedAssets: [], firstActivity: ago(5), lastActivity: ago(1), lastUpdated: ago(1) }] } }, links: { incident: () => 'javascript:alert(1)' } }),
      a,
    ),
};
/** Closed: a host button opens it with `show()`. */
export const Closed: Story = { play: undefined };
export const Dark: Story = { args: { theme: 'dark' } };
