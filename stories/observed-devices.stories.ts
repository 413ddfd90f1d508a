import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/observed-devices/ip-observed-devices.js';
import type { IpObservedDevices } from '../src/components/observed-devices/observed-devices.js';
import type { DeviceEvent, ObservedDevice } from '../src/data/model.js';
import { RestIpDataProvider } from '../src/providers/rest/rest-provider.js';
import { StaticIpDataProvider } from '../src/providers/static/static-provider.js';
import { IpDataset } from '../mocks/generator/dataset.js';
import { api, frame, FOREVER, HOSTILE } from './helpers.js';

interface Args {
  ip: string;
  range: string;
  theme?: 'light' | 'dark';
  density?: 'comfortable' | 'compact';
  search?: string;
}

const rest = new RestIpDataProvider({ baseUrl: '/api' });

function element(provider: unknown, a: Args, width?: string) {
  return frame(
    html`<div style="padding:16px"><ip-observed-devices .provider=${provider} ip=${a.ip} range=${a.range} theme=${a.theme ?? ''} density=${a.density ?? ''}
      search=${a.search ?? ''}></ip-observed-devices></div>`,
    a.theme,
    width,
  );
}

/** A static provider over the generated devices of an IP, edited by `edit`. */
function staticFrom(ip: string, edit: (devices: ObservedDevice[]) => ObservedDevice[]) {
  const ds = new IpDataset(ip);
  const devices = edit(ds.devices());
  const deviceEvents: Record<string, DeviceEvent[]> = {};
  for (const d of devices) deviceEvents[d.id] = ds.deviceEvents(d.id) ?? [];
  return new StaticIpDataProvider({ data: { [ip]: { devices, deviceEvents } } });
}

const meta: Meta<Args> = {
  title: 'Elements/ip-observed-devices',
  component: 'ip-observed-devices',
  args: { ip: '203.0.113.7', range: '30d' },
  argTypes: {
    range: { control: 'select', options: ['24h', '7d', '30d', '90d', '180d'] },
    theme: { control: 'select', options: [undefined, 'light', 'dark'] },
    density: { control: 'select', options: [undefined, 'comfortable', 'compact'] },
  },
  render: (a) => element(rest, a),
};
export default meta;
type Story = StoryObj<Args>;

/** The devices that talked to a command-and-control server, most recent first. */
export const Typical: Story = {};
/** 4,000 devices matched: the 100 most recent are listed, with a link to hunt for all of them. */
export const CappedAtHundred: Story = { args: { ip: '198.51.100.99', range: '180d' } };
/** The first device expanded into its timeline of 1,000 events with the IP. */
export const ThousandEventTimeline: Story = {
  args: { ip: '198.51.100.23', range: '180d' },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('ip-observed-devices') as IpObservedDevices;
    for (let i = 0; i < 100 && !el.shadowRoot?.querySelector('.row.device'); i++) await new Promise((r) => setTimeout(r, 50));
    const first = el.shadowRoot?.querySelector<HTMLElement>('.row.device');
    first?.click();
  },
};
/** A device expanded: its events and the alerts raised on it, by time; search "svchost" finds devices by an earlier event. */
export const TimelineWithAlerts: Story = {
  args: { search: 'svchost' },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('ip-observed-devices') as IpObservedDevices;
    for (let i = 0; i < 100 && !el.shadowRoot?.querySelector('.row.device'); i++) await new Promise((r) => setTimeout(r, 50));
    el.shadowRoot?.querySelector<HTMLElement>('.row.device')?.click();
  },
};
export const OneDevice: Story = { render: (a) => element(staticFrom(a.ip, (d) => d.slice(0, 1)), a) };
export const Empty: Story = { args: { ip: '192.0.2.200' } };
export const NoMatch: Story = { args: { search: 'no-such-device' } };
export const Error: Story = { args: { ip: '192.0.2.66' } };
export const Loading: Story = { parameters: api({ latencyMs: FOREVER }) };
/** 3 s per request: the skeleton, then the list; expanding a device shows its own skeleton. */
export const Slow: Story = { args: { ip: '192.0.2.77' } };
/** Long device names, command lines and URLs are cut with an ellipsis, whole on hover and copy. */
export const LongValues: Story = {
  render: (a) =>
    element(
      staticFrom(a.ip, (devices) =>
        devices.slice(0, 4).map((d, i) => ({
          ...d,
          name: i === 0 ? 'VERY-LONG-DEVICE-NAME-FOR-A-BUILD-AGENT-IN-THE-WEST-EUROPE-POOL-0042.corp.contoso.com' : d.name,
          lastEvent: {
            ...d.lastEvent,
            remoteUrl: 'https://cdn-update.litware-isp.example/a/very/long/path/that/keeps/going/and/going/payload.bin?session=9f8e7d6c5b4a',
            initiatingProcess: {
              ...d.lastEvent.initiatingProcess,
              fileName: 'powershell.exe',
              commandLine: `powershell.exe -NoProfile -ExecutionPolicy Bypass -EncodedCommand ${'SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA'.repeat(4)}`,
            },
          },
        })),
      ),
      a,
    ),
};
/** A provider without `listDeviceEvents`: rows do not expand. */
export const NoTimelines: Story = {
  render: (a) => {
    const base = staticFrom(a.ip, (d) => d);
    const provider = { ...Object.fromEntries(['getIpDetails', 'getSecuritySummary', 'getLogActivity', 'getPrevalence', 'listAlerts', 'listObservedDevices'].map((m) => [m, (base as unknown as Record<string, (...x: unknown[]) => unknown>)[m]!.bind(base)])) };
    return element(provider, a);
  },
};
export const Dark: Story = { args: { theme: 'dark' } };
export const Compact: Story = { args: { density: 'compact' } };
/** In a narrow column (a side panel): cells stack. */
export const Narrow: Story = { render: (a) => element(rest, a, '420px') };

/** Hostile text from the data source in device names, users, URLs and command lines: inert text; a `javascript:` URL is not a link. */
export const HostileStrings: Story = {
  render: (a) =>
    element(
      staticFrom(a.ip, (devices) =>
        devices.slice(0, 4).map((d, i) => ({
          ...d,
          name: [HOSTILE.markup, HOSTILE.script, HOSTILE.bidi, HOSTILE.formula][i]!,
          lastEvent: {
            ...d.lastEvent,
            remoteUrl: HOSTILE.url,
            initiatingProcess: { ...d.lastEvent.initiatingProcess, fileName: HOSTILE.bidi, commandLine: `${HOSTILE.script} ${HOSTILE.formula}`, accountName: HOSTILE.markup },
          },
        })),
      ),
      a,
    ),
};
