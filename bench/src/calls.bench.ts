/**
 * What one page open costs the tenant: the API calls and hunting queries `<ip-entity-page>` makes
 * with the Defender, Sentinel, combined and Elastic providers, per tab on its first visit (for
 * Elastic also the largest answer, and the demo IP with a million alerts), and again for
 * a second page open of the same IP (served from the providers' caches). The mocks answer through
 * MSW's `getResponse` (no service worker), so every call is counted, including those inside a
 * Graph `$batch`. The goal: no call a visible section does not need, and a busy analyst well
 * inside the advanced-hunting quota (45 a minute, 1,500 an hour).
 */
import { getResponse } from 'msw';
import '../../src/components/entity-page/ip-entity-page.js';
import type { IpEntityPage } from '../../src/components/entity-page/entity-page.js';
import type { IpDataProvider } from '../../src/data/provider.js';
import { DefenderXdrProvider } from '../../src/providers/defender/defender-provider.js';
import { SentinelProvider } from '../../src/providers/sentinel/sentinel-provider.js';
import { combineProviders } from '../../src/providers/combine.js';
import { createMicrosoftHandlers } from '../../mocks/microsoft.js';
import { createSentinelHandlers, DEMO_WORKSPACE_ID } from '../../mocks/sentinel.js';
import { createElasticHandlers, DEMO_ELASTICSEARCH_URL } from '../../mocks/elastic.js';
import { ElasticSecurityProvider } from '../../src/providers/elastic/elastic-provider.js';
import { publish, until, type BenchCount } from './harness.js';

const NOW = Math.floor(Date.now() / 3_600_000) * 3_600_000;
const IP = '203.0.113.7';
/** The demo IP with a million alerts. */
const BIG = '198.51.100.99';
const handlers = [...createMicrosoftHandlers({ now: NOW }), ...createSentinelHandlers({ now: NOW }), ...createElasticHandlers({ now: NOW })];
/** The largest answer body so far, in bytes, and which request it answered. */
let largest = 0;
let largestOf = '';

/** Calls by kind: `hunting`, `graph` (each request inside a $batch counts), `ti`, `mde`, `log-analytics`, `arm`. */
let calls = new Map<string, number>();
const add = (kind: string, n = 1) => calls.set(kind, (calls.get(kind) ?? 0) + n);

const countingFetch: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  const url = new URL(request.url);
  const body = request.method === 'GET' ? '' : await request.clone().text();
  if (url.pathname.endsWith('/runHuntingQuery')) add('hunting');
  else if (url.pathname.endsWith('/$batch')) add('graph', (JSON.parse(body) as { requests: unknown[] }).requests.length);
  else if (url.pathname.includes('/threatIntelligence/')) add('ti');
  else if (url.hostname.includes('graph.microsoft.com')) add('graph');
  else if (url.hostname.includes('api.security.microsoft.com')) add('mde');
  else if (url.hostname.includes('loganalytics')) add(`log-analytics`);
  else if (url.hostname.includes('management.azure.com')) add('arm');
  else if (url.pathname.endsWith('/_query')) add('es|ql');
  else if (url.pathname.endsWith('/_search')) add('search');
  // What the Elastic provider asks once per provider: the cluster's version and the event indices' fields.
  else if (url.pathname.endsWith('/_field_caps') || (url.hostname.startsWith('elasticsearch') && url.pathname === '/')) add('cluster');
  const response = await getResponse(handlers, request);
  const bytes = response ? (await response.clone().arrayBuffer()).byteLength : 0;
  if (bytes > largest) {
    largest = bytes;
    largestOf = url.pathname.endsWith('/_query') ? (/^\/\/ ip-entity-page:([a-z-]+)/.exec(body.slice(10))?.[1] ?? (/ip-entity-page:([a-z-]+)/.exec(body)?.[1] ?? 'ES|QL')) : url.pathname.split('/').pop()!;
  }
  return response ?? new Response(JSON.stringify({ error: { message: `no mock for ${url.href}` } }), { status: 404 });
};

const getToken = async () => 'bench-token';

/** The analyst of the issue: 30 IPs an hour, every tab of each opened once. */
const IPS_AN_HOUR = 30;

/**
 * Each kind of call's documented quota, as calls an hour (a per-minute limit times 60), and whose
 * quota it is. Sources: advanced hunting limits (45 a minute, 1,500 an hour, per tenant); Graph
 * throttling limits, security detections and incidents (150 requests a minute per app per
 * tenant); the Defender for Endpoint APIs (100 a minute, 1,500 an hour); Log Analytics query API
 * (200 requests per 30 s per user); Sentinel geodata (100 calls per user per hour). Threat
 * intelligence has no documented per-API quota beyond Graph's global limits.
 */
const QUOTAS: Record<string, { perHour: number; of: string }> = {
  hunting: { perHour: 1_500, of: 'the tenant' },
  graph: { perHour: 150 * 60, of: 'the app in the tenant' },
  mde: { perHour: 1_500, of: 'the app in the tenant' },
  'log-analytics': { perHour: 200 * 120, of: 'the user' },
  arm: { perHour: 100, of: 'the user' },
};

function quotaShares(all: Map<string, number>): string {
  const parts: string[] = [];
  for (const [kind, quota] of Object.entries(QUOTAS)) {
    const n = all.get(kind) ?? 0;
    if (!n) continue;
    const used = n * IPS_AN_HOUR;
    parts.push(`${kind} ${used}/${quota.perHour.toLocaleString('en')} an hour of ${quota.of} (${((100 * used) / quota.perHour).toFixed(1)}%)`);
  }
  return parts.join('; ');
}

function providers(): Record<string, [() => IpDataProvider, string]> {
  const defender = () => new DefenderXdrProvider({ getToken, fetch: countingFetch, defenderUrl: 'https://api.security.microsoft.com' });
  const sentinel = () => new SentinelProvider({ getToken, fetch: countingFetch, workspaceId: DEMO_WORKSPACE_ID, subscriptionId: 'bench', resourceGroup: 'soc', workspaceName: 'bench' });
  const elastic = () => new ElasticSecurityProvider({ elasticsearchUrl: DEMO_ELASTICSEARCH_URL, headers: { Authorization: 'ApiKey YmVuY2g6a2V5' }, fetch: countingFetch });
  return {
    'Defender XDR': [defender, IP],
    Sentinel: [sentinel, IP],
    'Defender XDR + Sentinel': [() => combineProviders(defender(), sentinel()), IP],
    Elastic: [elastic, IP],
    'Elastic, the 1,000,000-alert IP': [elastic, BIG],
  };
}

function busy(root: Node): boolean {
  const walk = (n: Node): boolean => {
    if (n instanceof Element) {
      if (n.getAttribute('aria-busy') === 'true') return true;
      if (n.shadowRoot && walk(n.shadowRoot)) return true;
    }
    for (const c of n.childNodes) if (walk(c)) return true;
    return false;
  };
  return walk(root);
}

/** Until nothing is loading and no call was made for a while. */
async function settle(page: IpEntityPage): Promise<void> {
  let last = -1;
  let quietSince = performance.now();
  await until(() => {
    const total = [...calls.values()].reduce((a, b) => a + b, 0);
    if (total !== last || busy(page)) {
      last = total;
      quietSince = performance.now();
      return false;
    }
    return performance.now() - quietSince > 400;
  });
}

const snapshot = () => new Map(calls);
function delta(before: Map<string, number>): string {
  const parts: string[] = [];
  let total = 0;
  for (const [k, v] of calls) {
    const d = v - (before.get(k) ?? 0);
    if (d) parts.push(`${k} ${d}`);
    total += d;
  }
  return `${total} (${parts.join(', ') || 'none'})`;
}

async function main() {
  const counts: BenchCount[] = [];
  for (const [name, [make, ip]] of Object.entries(providers())) {
    calls = new Map();
    largest = 0;
    largestOf = '';
    const provider = make();
    const open = async (label: string) => {
      const page = document.createElement('ip-entity-page') as IpEntityPage;
      page.provider = provider;
      page.ip = ip;
      document.body.append(page);
      let before = snapshot();
      await settle(page);
      counts.push({ name: `${name}: ${label}, Overview`, value: delta(before) });
      const has = (tab: string) => Boolean(page.shadowRoot!.getElementById(`tab-${tab}`));
      const tabs: Array<'alerts' | 'devices' | 'accounts' | 'sentinel'> = ['alerts', 'devices', ...(has('accounts') ? (['accounts'] as const) : []), ...(has('sentinel') ? (['sentinel'] as const) : [])];
      for (const tab of tabs) {
        before = snapshot();
        page.tab = tab;
        await settle(page);
        counts.push({ name: `${name}: ${label}, ${tab === 'alerts' ? 'Incidents and alerts' : tab === 'devices' ? 'Observed in organization' : tab === 'accounts' ? 'Accounts' : 'Sentinel events'}`, value: delta(before) });
      }
      page.remove();
    };
    await open('first open');
    const all = snapshot();
    await open('same IP again');
    if (name.startsWith('Elastic')) counts.push({ name: `${name}: largest answer`, value: `${(largest / 1024).toFixed(1)} KiB (${largestOf})` });
    const hunting = all.get('hunting') ?? 0;
    if (hunting) counts.push({ name: `${name}: hunting queries for a first open of every tab`, value: `${hunting}: ${Math.floor(1_500 / hunting)} such page opens an hour fit the 1,500-an-hour quota` });
    const shares = quotaShares(all);
    if (shares) counts.push({ name: `${name}: share of each documented quota, an analyst opening ${IPS_AN_HOUR} IPs an hour (every tab)`, value: shares });
  }
  publish({ description: 'API calls of one page open, per tab (first visit), with the Microsoft and Elastic providers over the mocks', cases: [], counts });
}

void main();
