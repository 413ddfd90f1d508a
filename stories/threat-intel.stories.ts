import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/threat-intel/ip-threat-intel.js';
import '../src/components/threat-intel/ip-reputation-badge.js';
import { RestIpDataProvider } from '../src/providers/rest/rest-provider.js';
import { StaticIpDataProvider } from '../src/providers/static/static-provider.js';
import { api, frame, FOREVER, overriding } from './helpers.js';

interface Args {
  ip: string;
  theme?: 'light' | 'dark';
}

const rest = new RestIpDataProvider({ baseUrl: '/api' });

function element(provider: unknown, a: Args) {
  return frame(html`<div style="padding:16px"><ip-threat-intel .provider=${provider} ip=${a.ip} theme=${a.theme ?? ''}></ip-threat-intel></div>`, a.theme);
}

const meta: Meta<Args> = {
  title: 'Elements/ip-threat-intel',
  component: 'ip-threat-intel',
  args: { ip: '203.0.113.7' },
  argTypes: { theme: { control: 'select', options: [undefined, 'light', 'dark'] } },
  render: (a) => element(rest, a),
};
export default meta;
type Story = StoryObj<Args>;

/** A command-and-control server: malicious, the rules that fired, its certificates and passive DNS. */
export const Malicious: Story = {};
/** A mass scanner: suspicious. */
export const Suspicious: Story = { args: { ip: '198.51.100.4' } };
/** Hundreds of passive DNS resolutions, ten at a time. */
export const ManyResolutions: Story = { args: { ip: '198.51.100.23' } };
/** An IP nothing saw: no reputation, empty lists. */
export const Empty: Story = { args: { ip: '192.0.2.200' } };
export const Error: Story = { args: { ip: '192.0.2.66' } };
export const Loading: Story = { parameters: api({ latencyMs: FOREVER }) };
/** One list fails (certificates); the reputation and the other lists still show. */
export const OneListFailing: Story = {
  render: (a) =>
    element(
      overriding(rest, {
        listThreatIntel: (ip: string, relation: string, page: { offset: number; limit: number }, o: { signal: AbortSignal }) =>
          relation === 'certificates' ? Promise.reject(new globalThis.Error('The certificates service is unavailable.')) : rest.listThreatIntel(ip, relation as 'passiveDns', page, o),
      }),
      a,
    ),
};
/** Hostile strings from the data source stay inert text; a javascript: rule link is not a link. */
export const HostileStrings: Story = {
  render: (a) =>
    element(
      new StaticIpDataProvider({
        data: {
          [a.ip]: {
            threatIntel: {
              summary: {
                counts: { passiveDns: 1 },
                hostingProvider: '<img src=x onerror=alert(1)>',
                reputation: { classification: 'malicious"><script>alert(1)</script>', score: 99, rules: [{ name: '=HYPERLINK("http://evil.example")', severity: 'high', relatedDetailsUrl: 'javascript:alert(1)' }] },
              },
              lists: { passiveDns: [{ hostname: '<b>evil</b>.example\\u202egpj.exe', lastSeen: new Date(Date.now() - 3 * 86_400_000).toISOString() }] },
            },
          },
        },
      }),
      a,
    ),
};
/** A workspace's own feeds (Sentinel, Elastic): only the lists they keep, no reputation or host view. */
export const FeedsOnly: Story = {
  render: (a) =>
    element(
      new StaticIpDataProvider({
        data: {
          [a.ip]: {
            threatIntel: {
              summary: { counts: {}, lists: ['profiles', 'articles'] },
              lists: {
                profiles: [
                  { id: 'intrusion-set--1', name: 'Storm-0000', kind: 'actor', aliases: ['DEV-0000'], summary: 'Invoice-themed phishing, then Cobalt Strike on rented VPS hosts.', source: 'MISP, Mandiant Advantage', lastSeen: new Date(Date.now() - 86_400_000).toISOString() },
                  { id: 'tool--1', name: 'Cobalt Strike', kind: 'tool', source: 'AlienVault OTX' },
                  { id: 'x--1', name: '<img src=x onerror=alert(1)>', kind: 'intrusion set', link: 'javascript:alert(1)' },
                ],
                articles: [{ id: 'misp:1', title: 'Invoice-themed phishing stages Cobalt Strike', tags: ['MISP'] }],
              },
            },
          },
        },
      }),
      a,
    ),
};
export const Dark: Story = { args: { theme: 'dark' } };
/** The header badge alone. */
export const Badge: Story = {
  render: (a) => frame(html`<div style="padding:16px;display:flex;gap:12px"><ip-reputation-badge .provider=${rest} ip=${a.ip}></ip-reputation-badge>
    <ip-reputation-badge .provider=${rest} ip="198.51.100.4" interactive></ip-reputation-badge></div>`, a.theme),
};
/** A phone-width column: the cards stack, wide lists scroll in their box. */
export const Narrow: Story = {
  render: (a) => frame(html`<div style="padding:8px"><ip-threat-intel .provider=${rest} ip=${a.ip}></ip-threat-intel></div>`, a.theme, '390px'),
};
