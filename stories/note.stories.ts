import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/note/ip-note.js';
import { RestIpDataProvider } from '../src/providers/rest/rest-provider.js';
import { StaticIpDataProvider } from '../src/providers/static/static-provider.js';
import { api, frame, FOREVER } from './helpers.js';

interface Args {
  ip: string;
  theme?: 'light' | 'dark';
}

const rest = new RestIpDataProvider({ baseUrl: '/api' });
const ago = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

function element(provider: unknown, a: Args) {
  return frame(html`<div style="padding:16px"><ip-note .provider=${provider} ip=${a.ip} theme=${a.theme ?? ''}></ip-note></div>`, a.theme);
}

const meta: Meta<Args> = {
  title: 'Elements/ip-note',
  component: 'ip-note',
  args: { ip: '203.0.113.7' },
  argTypes: { theme: { control: 'select', options: [undefined, 'light', 'dark'] } },
  render: (a) => element(rest, a),
};
export default meta;
type Story = StoryObj<Args>;

/** A colleague's note from the last shift. */
export const Typical: Story = {};
/** No note yet: a button to add one. */
export const Empty: Story = { args: { ip: '198.51.100.23' } };
/** A long note over several lines. */
export const Long: Story = {
  render: (a) =>
    element(new StaticIpDataProvider({ data: { [a.ip]: { note: { text: `Seen in INC-41234 and INC-41301.\n${'Beacons every 60 s with 10 % jitter from WS-FIN hosts; the proxy logs show /jquery-3.3.1.min.js. '.repeat(12)}`, updatedAt: ago(26), updatedBy: 'ir-lead@contoso.com', version: '7' } } } }), a),
};
/** Hostile text stays text. */
export const HostileStrings: Story = {
  render: (a) => element(new StaticIpDataProvider({ data: { [a.ip]: { note: { text: '<script>alert(1)</script> =HYPERLINK("http://evil.example") evil\u202Egpj.exe', updatedAt: ago(1), updatedBy: '<img src=x onerror=alert(1)>' } } } }), a),
};
/** Loading the note fails: nothing shows (the page's other parts are unaffected). */
export const Error: Story = { args: { ip: '192.0.2.66' } };
export const Loading: Story = { parameters: api({ latencyMs: FOREVER }) };
export const Dark: Story = { args: { theme: 'dark' } };
