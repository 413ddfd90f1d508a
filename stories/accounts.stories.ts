import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/accounts/ip-accounts.js';
import { RestIpDataProvider } from '../src/providers/rest/rest-provider.js';
import { StaticIpDataProvider } from '../src/providers/static/static-provider.js';
import { api, frame, FOREVER } from './helpers.js';

interface Args {
  ip: string;
  theme?: 'light' | 'dark';
}

const rest = new RestIpDataProvider({ baseUrl: '/api' });
const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

function element(provider: unknown, a: Args) {
  return frame(html`<div style="padding:16px"><ip-accounts .provider=${provider} ip=${a.ip} theme=${a.theme ?? ''}></ip-accounts></div>`, a.theme);
}

const meta: Meta<Args> = {
  title: 'Elements/ip-accounts',
  component: 'ip-accounts',
  args: { ip: '2001:db8:85a3::8a2e:370:7334' },
  argTypes: { theme: { control: 'select', options: [undefined, 'light', 'dark'] } },
  render: (a) => element(rest, a),
};
export default meta;
type Story = StoryObj<Args>;

/** A password spray: dozens of Entra ID accounts failing, a few getting in (one without MFA). */
export const PasswordSpray: Story = {};
/** A command-and-control server a stolen session is replayed from: successes, MFA satisfied by the token. */
export const SessionReplay: Story = { args: { ip: '203.0.113.7' } };
/** A scanner guessing SSH and RDP passwords. */
export const Scanner: Story = { args: { ip: '198.51.100.4' } };
/** An internal host: Windows, Active Directory and SSH logons. */
export const InternalHost: Story = { args: { ip: '10.20.30.40' } };
/** 2,500 accounts, 100 at a time. */
export const Huge: Story = { args: { ip: '198.51.100.23' } };
/** No account signed in from the IP. */
export const Empty: Story = { args: { ip: '192.0.2.200' } };
export const Error: Story = { args: { ip: '192.0.2.66' } };
export const Loading: Story = { parameters: api({ latencyMs: FOREVER }) };
/** A data source without sign-in logs. */
export const NotAvailable: Story = { render: (a) => element(new StaticIpDataProvider({ data: {} }), a) };
/** Hostile strings from the data source stay inert text; a javascript: user link is not a link. */
export const HostileStrings: Story = {
  render: (a) =>
    element(
      new StaticIpDataProvider({
        data: {
          [a.ip]: {
            accounts: [
              { id: '1', account: '<img src=x onerror=alert(1)>@contoso.com', displayName: '<script>alert(1)</script>', source: 'Entra ID', signIns: 4, successes: 1, failures: 3, lastResult: 'success', failureReason: '=HYPERLINK("http://evil.example")', multiFactor: 0, applications: ['javascript:alert(1)'], firstSeen: ago(3), lastSeen: ago(1) },
              { id: '2', account: 'root\u202egpj.exe', source: 'SSH', signIns: 90, successes: 0, failures: 90, lastResult: 'failure', failureReason: 'Failed password', firstSeen: ago(2), lastSeen: ago(1) },
            ],
          },
        },
        links: { user: () => 'javascript:alert(1)' },
      }),
      a,
    ),
};
export const Dark: Story = { args: { theme: 'dark' } };
