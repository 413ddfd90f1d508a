import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/traffic/ip-traffic.js';
import { RestIpDataProvider } from '../src/providers/rest/rest-provider.js';
import { StaticIpDataProvider } from '../src/providers/static/static-provider.js';
import type { DeviceEvent } from '../src/data/model.js';
import { api, frame, FOREVER, overriding } from './helpers.js';

interface Args {
  ip: string;
  theme?: 'light' | 'dark';
}

const rest = new RestIpDataProvider({ baseUrl: '/api' });

function element(provider: unknown, a: Args) {
  return frame(html`<div style="padding:16px"><ip-traffic .provider=${provider} ip=${a.ip} theme=${a.theme ?? ''} eager></ip-traffic></div>`, a.theme);
}

/** Connections every `sleep` seconds (± `jitter` share) for the last `hours` hours. */
function beacon(sleep: number, jitter: number, hours: number, extra: Partial<DeviceEvent> = {}): DeviceEvent[] {
  const out: DeviceEvent[] = [];
  let t = Date.now() - 60_000;
  let k = 1;
  while (t > Date.now() - hours * 3_600_000) {
    out.push({ timestamp: new Date(t).toISOString(), actionType: 'ConnectionSuccess', direction: 'outbound', remoteIp: '203.0.113.7', remotePort: 443, protocol: 'Tcp', ...extra });
    k = (k * 7919) % 1009;
    t -= sleep * 1000 * (1 + jitter * ((k / 1009) * 2 - 1));
  }
  return out;
}

const meta: Meta<Args> = {
  title: 'Elements/ip-traffic',
  component: 'ip-traffic',
  args: { ip: '203.0.113.7' },
  argTypes: { theme: { control: 'select', options: [undefined, 'light', 'dark'] } },
  render: (a) => element(rest, a),
};
export default meta;
type Story = StoryObj<Args>;

/** A command-and-control server: a few devices call back every 5, 10 and 15 minutes, the others come and go. */
export const Typical: Story = {};
/** 160 devices, the 50 most like a beacon listed. */
export const Huge: Story = { args: { ip: '198.51.100.23' } };
/** No device connected with the IP. */
export const Empty: Story = { args: { ip: '192.0.2.200' } };
export const Error: Story = { args: { ip: '192.0.2.66' } };
export const Loading: Story = { parameters: api({ latencyMs: FOREVER }) };
/** A data source that does not report traffic. */
export const NotAvailable: Story = { render: (a) => element(new StaticIpDataProvider({ data: {} }), a) };
/** Computed in the browser from the events a static provider holds. */
export const ComputedInBrowser: Story = {
  render: (a) =>
    element(
      new StaticIpDataProvider({
        data: {
          [a.ip]: {
            devices: [],
            deviceEvents: { 'dev-1': beacon(60, 0.05, 24), 'dev-2': beacon(3600, 0.5, 24 * 20, { remotePort: 8443 }), 'dev-3': beacon(20, 0, 2) },
          },
        },
      }),
      a,
    ),
};
/** Hostile strings from the data source stay inert text; a javascript: device link is not a link. */
export const HostileStrings: Story = {
  render: (a) =>
    element(
      new StaticIpDataProvider({
        data: { [a.ip]: { devices: [], deviceEvents: { '<img src=x onerror=alert(1)>': beacon(300, 0.1, 24, { protocol: '<script>alert(1)</script>' }), '=HYPERLINK("http://evil.example")': beacon(900, 0.6, 48) } } },
        links: { device: () => 'javascript:alert(1)' },
      }),
      a,
    ),
};
/** A host only the firewall saw (Sentinel: not onboarded), beaconing beside a device: marked, with no device page to open. */
export const FirewallOnlyHost: Story = {
  render: (a) => {
    const now = Date.now();
    const iso = (hoursAgo: number) => new Date(now - hoursAgo * 3_600_000).toISOString();
    return element(
      overriding(new StaticIpDataProvider({ data: {} }), {
        getTraffic: async () => ({
          computedBy: 'backend',
          total: 2,
          devices: [
            { deviceId: 'ip:10.250.7.21', deviceName: '10.250.7.21', unmanaged: true, connections: 428, firstSeen: iso(72), lastSeen: iso(1), ports: [{ port: 443, protocol: 'Tcp', connections: 428 }], bytesSent: 148_480, bytesReceived: 88_576, beacon: { intervals: 427, medianSeconds: 600, jitterSeconds: 17, regularity: 1, score: 0.99 } },
            { deviceId: 'dev-9', deviceName: 'WS-HR-0139', connections: 31, firstSeen: iso(500), lastSeen: iso(2), ports: [{ port: 443, protocol: 'Tcp', connections: 31 }], bytesSent: 63_700, bytesReceived: 1_300_000, beacon: { intervals: 30, medianSeconds: 21_000, jitterSeconds: 6_200, regularity: 0.3, score: 0.39 } },
          ],
        }),
        getCapabilities: async () => ({ traffic: true }),
      }),
      a,
    );
  },
};
export const Dark: Story = { args: { theme: 'dark' } };
