import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/entity-page/ip-entity-page.js';
import type { IpDataProvider } from '../src/data/provider.js';
import { combineProviders } from '../src/providers/combine.js';
import { DefenderXdrProvider } from '../src/providers/defender/defender-provider.js';
import { SentinelProvider } from '../src/providers/sentinel/sentinel-provider.js';
import { createMicrosoftHandlers, type MicrosoftMockOptions } from '../mocks/microsoft.js';
import { createSentinelHandlers, DEMO_WORKSPACE_ID, type SentinelMockOptions } from '../mocks/sentinel.js';
import { frame } from './helpers.js';

/**
 * The page on the Microsoft providers, answered by mocks of the real APIs (Graph security, the
 * Defender for Endpoint API, Log Analytics, Sentinel's geodata) with their documented shapes.
 */
type Backend = 'defender' | 'sentinel' | 'both';

interface Args {
  ip: string;
  tab: string;
  backend: Backend;
}

const getToken = async () => 'storybook-token';

function providerFor(backend: Backend): IpDataProvider {
  const defender = () => new DefenderXdrProvider({ getToken, tenantId: 'contoso-storybook', defenderUrl: 'https://api.security.microsoft.com' });
  const sentinel = () =>
    new SentinelProvider({ getToken, workspaceId: DEMO_WORKSPACE_ID, subscriptionId: 'storybook', resourceGroup: 'soc', workspaceName: 'contoso-sentinel' });
  if (backend === 'defender') return defender();
  if (backend === 'sentinel') return sentinel();
  return combineProviders(defender(), sentinel());
}

/** MSW parameters: the Microsoft mocks, some of their answers failing. */
function microsoft(defender: MicrosoftMockOptions = {}, sentinel: SentinelMockOptions = {}) {
  return { msw: { handlers: [...createMicrosoftHandlers(defender), ...createSentinelHandlers(sentinel)] } };
}

const meta: Meta<Args> = {
  title: 'Providers/Microsoft Defender XDR and Sentinel',
  component: 'ip-entity-page',
  args: { ip: '203.0.113.7', tab: 'overview', backend: 'defender' },
  argTypes: {
    backend: { control: 'select', options: ['defender', 'sentinel', 'both'] },
    tab: { control: 'select', options: ['overview', 'alerts', 'devices', 'sentinel'] },
  },
  parameters: microsoft(),
  // A new provider per render: each story starts with empty caches, as a page load would.
  render: (a) => frame(html`<ip-entity-page .provider=${providerFor(a.backend)} ip=${a.ip} tab=${a.tab}></ip-entity-page>`),
};
export default meta;
type Story = StoryObj<Args>;

/** Defender XDR: overview from threat intelligence, IP statistics and advanced hunting (30 days at most). */
export const Defender: Story = {};

/** Defender XDR's incidents and alerts: found by hunting, details from Graph; status, classification and assignment editable. */
export const DefenderAlerts: Story = { args: { tab: 'alerts' } };

/** Sentinel alone: read-only; the Sentinel tab with its timeline and insights. */
export const Sentinel: Story = { args: { backend: 'sentinel', tab: 'sentinel' } };

/** Both products: every tab, Defender's actions, Sentinel's timeline and insights. */
export const DefenderAndSentinel: Story = { args: { backend: 'both' } };

/** An internal address: no threat-intelligence call; the devices that had it come from Defender for Endpoint. */
export const DefenderInternalAddress: Story = { args: { ip: '10.20.30.40' } };

/** Without a Defender Threat Intelligence license: the details block names the missing permission, the rest shows. */
export const DefenderWithoutThreatIntelligence: Story = { parameters: microsoft({ fail: { ti: 403, 'ti-whois': 403, 'ti-dns': 403 } }) };

/** Advanced hunting throttled (429): the sections that need it say so, with when to retry. */
export const DefenderThrottled: Story = {
  parameters: microsoft({ fail: { 'hunting:alerts': 429, 'hunting:devices': 429, 'hunting:prevalence': 429, 'hunting:log-activity': 429 } }),
};

/** One insight's table is refused: that insight shows the error, the others still show. */
export const SentinelInsightRefused: Story = { args: { backend: 'sentinel', tab: 'sentinel' }, parameters: microsoft({}, { fail: { 'insight-anomali': 403 } }) };

/**
 * Graph throttles the requests inside `$batch` and keeps doing so: the alerts are listed as
 * hunting knows them, and the list and the overview say how many Graph did not give.
 */
export const DefenderBatchThrottled: Story = { args: { tab: 'alerts' }, parameters: microsoft({ batchThrottle: { times: Infinity, retryAfter: 1 } }) };

/**
 * A slow tenant: every hunting query takes 90 seconds. After a few seconds each waiting section
 * says it is still loading, how long so far, and offers Cancel.
 */
export const DefenderSlowHunting: Story = { parameters: microsoft({ huntingDelayMs: 90_000 }) };

/** Log Analytics answers in part (PartialError): the alerts, the summary and an insight say what may be missing. */
export const SentinelPartialAnswers: Story = {
  args: { backend: 'both', tab: 'sentinel' },
  parameters: microsoft({}, { partial: ['insight-remote-connections', 'insight-network-traffic', 'timeline'] }),
};
