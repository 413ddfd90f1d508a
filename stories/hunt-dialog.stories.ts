import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/hunt-dialog/ip-hunt-dialog.js';
import type { IpHuntDialog } from '../src/components/hunt-dialog/hunt-dialog.js';
import type { QueryLanguage } from '../src/data/model.js';
import { RestIpDataProvider } from '../src/providers/rest/rest-provider.js';
import { StaticIpDataProvider } from '../src/providers/static/static-provider.js';
import { frame, overriding } from './helpers.js';

interface Args {
  ip: string;
  language: QueryLanguage;
  range: string;
  theme?: 'light' | 'dark';
}

const rest = new RestIpDataProvider({ baseUrl: '/api' });

function element(provider: unknown, a: Args) {
  return frame(
    html`<div style="padding:16px">
      <button type="button" @click=${(e: Event) => ((e.currentTarget as HTMLElement).nextElementSibling as IpHuntDialog).show()}>Go hunt</button>
      <ip-hunt-dialog .provider=${provider} ip=${a.ip} range=${a.range} language=${a.language} theme=${a.theme ?? ''}></ip-hunt-dialog>
    </div>`,
    a.theme,
  );
}

const open = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const el = canvasElement.querySelector('ip-hunt-dialog') as IpHuntDialog;
  await el.updateComplete;
  el.show();
};

const meta: Meta<Args> = {
  title: 'Elements/ip-response-actions/ip-hunt-dialog',
  component: 'ip-hunt-dialog',
  args: { ip: '203.0.113.7', language: 'kql-defender', range: '30d' },
  argTypes: {
    language: { control: 'select', options: ['kql-defender', 'kql-sentinel', 'esql', 'spl'] },
    range: { control: 'select', options: ['24h', '7d', '30d', '90d', '180d'] },
    theme: { control: 'select', options: [undefined, 'light', 'dark'] },
  },
  render: (a) => element(rest, a),
  play: open,
};
export default meta;
type Story = StoryObj<Args>;

/** Closed: a host button opens it with `show()`. */
export const Closed: Story = { play: undefined };
/** The Defender advanced hunting query (no hunting link: Open in hunting fires `ip-navigate` for the host). */
export const Defender: Story = {};
export const Sentinel: Story = { args: { language: 'kql-sentinel', range: '7d' } };
export const Elastic: Story = { args: { language: 'esql' } };
export const Splunk: Story = { args: { language: 'spl', ip: '2001:db8::1' } };
/** The provider has its own query and a hunting link: Open in hunting is a real link. */
export const ProviderQueryAndLink: Story = {
  render: (a) =>
    element(
      overriding(new StaticIpDataProvider({ data: {} }), {
        huntingQuery: (ip: string) => `// The SOC's saved query\nDeviceNetworkEvents\n| where RemoteIP == "${ip}"\n| summarize count() by DeviceName`,
        links: { hunting: (q: string) => `https://security.example/hunting?query=${encodeURIComponent(q)}` },
      }),
      a,
    ),
};
/** No valid IP: the dialog says so. */
export const InvalidIp: Story = { args: { ip: '999.1.1.1' } };
export const Dark: Story = { args: { theme: 'dark' } };
