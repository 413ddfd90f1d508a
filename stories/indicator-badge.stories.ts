import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/response-actions/ip-indicator-badge.js';
import type { Indicator } from '../src/data/model.js';
import { RestIpDataProvider } from '../src/providers/rest/rest-provider.js';
import { StaticIpDataProvider } from '../src/providers/static/static-provider.js';
import { api, frame, FOREVER } from './helpers.js';

interface Args {
  ip: string;
  theme?: 'light' | 'dark';
}

const rest = new RestIpDataProvider({ baseUrl: '/api' });
const day = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();
const indicator = (over: Partial<Indicator>): Indicator => ({ id: 'i', indicatorValue: '203.0.113.7', indicatorType: 'IpAddress', action: 'Block', title: 'C2 server', description: 'C2', generateAlert: true, creationTimeDateTimeUtc: day(-3), ...over });
const withIndicators = (indicators: Indicator[]) => new StaticIpDataProvider({ data: { '203.0.113.7': { indicators } } });

function element(provider: unknown, a: Args) {
  return frame(html`<div style="padding:16px"><ip-indicator-badge .provider=${provider} ip=${a.ip} theme=${a.theme ?? ''} interactive></ip-indicator-badge></div>`, a.theme);
}

const meta: Meta<Args> = {
  title: 'Elements/ip-indicator-badge',
  component: 'ip-indicator-badge',
  args: { ip: '203.0.113.7' },
  argTypes: { theme: { control: 'select', options: [undefined, 'light', 'dark'] } },
  render: (a) => element(rest, a),
};
export default meta;
type Story = StoryObj<Args>;

/** A C2 server blocked on every device. */
export const Blocked: Story = {};
/** Allowed on the servers, audited elsewhere: the strongest in force, with the count. */
export const Several: Story = { render: (a) => element(withIndicators([indicator({ id: 'a', action: 'Allowed', title: 'Partner' }), indicator({ id: 'b', action: 'Audit', title: 'Watch' })]), a) };
/** Only in threat intelligence (Sentinel's indicators enforce nothing). */
export const InThreatIntel: Story = { render: (a) => element(withIndicators([indicator({ action: 'ThreatIntel', title: 'Known C2' })]), a) };
/** Every indicator has expired. */
export const Expired: Story = { render: (a) => element(withIndicators([indicator({ expirationTime: day(-2) })]), a) };
/** No indicator: nothing shows. */
export const Empty: Story = { render: (a) => element(withIndicators([]), a) };
/** Listing fails: nothing shows (the response bar is where indicators are managed). */
export const Error: Story = { args: { ip: '192.0.2.66' } };
export const Loading: Story = { parameters: api({ latencyMs: FOREVER }) };
/** A hostile title stays out of the badge (it names the action only). */
export const HostileStrings: Story = { render: (a) => element(withIndicators([indicator({ action: '<img src=x onerror=alert(1)>', title: '<script>alert(1)</script>' })]), a) };
export const Dark: Story = { args: { theme: 'dark' } };
