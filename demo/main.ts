/**
 * The demo: the page on generated data. The MSW worker serves the REST contract from the
 * deterministic generator; it must run before the element upgrades (it fetches on upgrade).
 */
import { worker } from '../mocks/browser.js';
import { DEMO_IPS } from '../mocks/generator/profiles.js';
import { DEMO_WORKSPACE_ID } from '../mocks/sentinel.js';
import type { IpDataProvider } from '../src/data/provider.js';

await worker.start({ onUnhandledRequest: 'bypass', quiet: true });

const params = new URLSearchParams(location.search);
const page = document.querySelector('ip-entity-page')!;
// The provider is in place before the element upgrades, as a portal would mount it: the page's
// first questions go to the chosen backend (not to the REST contract, then again).
const firstBackend = knownBackend(params.get('backend'));
page.provider = await providerFor(firstBackend);
await import('../src/components/entity-page/ip-entity-page.js');
const ipSelect = document.querySelector<HTMLSelectElement>('#demo-ip')!;
const themeSelect = document.querySelector<HTMLSelectElement>('#demo-theme')!;
const backendSelect = document.querySelector<HTMLSelectElement>('#demo-backend')!;

/**
 * The page on each backend the library speaks, all answered by the mock worker: the REST
 * contract (api-base), Microsoft's own APIs through the Defender and Sentinel providers, or
 * Elasticsearch through the Elastic Security provider.
 */
async function providerFor(backend: string): Promise<IpDataProvider | undefined> {
  if (backend === 'elastic') {
    const [{ ElasticSecurityProvider }, { DEMO_ELASTICSEARCH_URL }] = await Promise.all([import('../src/providers/elastic/elastic-provider.js'), import('../mocks/elastic.js')]);
    // A portal would send its API key, or call a same-origin proxy that adds it.
    return new ElasticSecurityProvider({ elasticsearchUrl: DEMO_ELASTICSEARCH_URL, headers: { Authorization: 'ApiKey ZGVtbzprZXk=' }, kibanaUrl: 'https://kibana.example' });
  }
  if (backend !== 'defender' && backend !== 'sentinel' && backend !== 'both') return undefined;
  // A portal would pass its MSAL acquireTokenSilent here; the mocks only check that a token comes.
  const getToken = async () => 'demo-token';
  const [{ DefenderXdrProvider }, { SentinelProvider }, { combineProviders }] = await Promise.all([
    import('../src/providers/defender/defender-provider.js'),
    import('../src/providers/sentinel/sentinel-provider.js'),
    import('../src/providers/combine.js'),
  ]);
  const defender = new DefenderXdrProvider({ getToken, tenantId: 'contoso-demo', defenderUrl: '/defender-api' });
  const sentinel = new SentinelProvider({ getToken, workspaceId: DEMO_WORKSPACE_ID, subscriptionId: 'demo-subscription', resourceGroup: 'soc', workspaceName: 'contoso-sentinel', noteWatchlist: 'IpNotes' });
  return backend === 'defender' ? defender : backend === 'sentinel' ? sentinel : combineProviders(defender, sentinel);
}

function knownBackend(backend: string | null): string {
  return backend && ['rest', 'defender', 'sentinel', 'both', 'elastic'].includes(backend) ? backend : 'rest';
}

async function useBackend(backend: string) {
  const known = knownBackend(backend);
  backendSelect.value = known;
  page.provider = await providerFor(known);
}

for (const d of DEMO_IPS) ipSelect.add(new Option(`${d.ip} — ${d.label}`, d.ip));
ipSelect.add(new Option('Other (type it in the page’s search box)', ''));

function showIp(ip: string) {
  page.ip = ip;
  ipSelect.value = DEMO_IPS.some((d) => d.ip === ip) ? ip : '';
}

function applyTheme(theme: string) {
  if (theme === 'light' || theme === 'dark') {
    page.theme = theme;
    document.documentElement.dataset['theme'] = theme;
  } else {
    page.removeAttribute('theme');
    delete document.documentElement.dataset['theme'];
  }
  themeSelect.value = theme;
}

function syncUrl() {
  const url = new URL(location.href);
  url.searchParams.set('ip', page.ip);
  url.searchParams.set('tab', page.tab);
  url.searchParams.set('range', page.range);
  url.searchParams.set('backend', backendSelect.value);
  history.replaceState(null, '', url);
}

showIp(params.get('ip') ?? DEMO_IPS[0]!.ip);
const tab = params.get('tab');
if (tab === 'overview' || tab === 'alerts' || tab === 'devices' || tab === 'accounts' || tab === 'intel' || tab === 'sentinel') page.tab = tab;
const range = params.get('range');
// A preset or a custom window (`from/to`); the page falls back to 30 days on anything else.
if (range) page.range = range as typeof page.range;
const filter = params.get('filter');
if (filter) page.setAttribute('alerts-filter', filter);
applyTheme(params.get('theme') ?? '');
backendSelect.value = firstBackend;
if (params.get('density') === 'compact') page.density = 'compact';
// ?locale=de (or en-XA, the pseudo-locale) and ?dir=rtl.
const locale = params.get('locale');
if (locale) page.locale = locale;
if (params.get('dir') === 'rtl') document.documentElement.dir = 'rtl';

ipSelect.addEventListener('change', () => {
  if (ipSelect.value) showIp(ipSelect.value);
  syncUrl();
});
themeSelect.addEventListener('change', () => applyTheme(themeSelect.value));
backendSelect.addEventListener('change', () => {
  void useBackend(backendSelect.value);
  syncUrl();
});
page.addEventListener('ip-change', (e) => {
  ipSelect.value = DEMO_IPS.some((d) => d.ip === e.detail.ip) ? e.detail.ip : '';
  syncUrl();
});
page.addEventListener('ip-tab-change', syncUrl);
page.addEventListener('ip-range-change', syncUrl);
/**
 * Link templates, as a portal sets them: here every link opens a demo route (a hash, so the page
 * stays) and the bar above the page says what the portal would have opened.
 */
const TEMPLATES: Record<string, string> = {
  'device-href': '#/portal/device/{id}',
  'user-href': '#/portal/user/{id}',
  'alert-href': '#/portal/alert/{id}',
  'incident-href': '#/portal/incident/{id}',
  'hunting-href': '#/portal/hunting/{language}?query={query}',
  'activity-log-href': '#/portal/activity-log/{ip}',
  'cloud-app-settings-href': '#/portal/cloud-app-ip-ranges/{ip}',
};
for (const [name, template] of Object.entries(TEMPLATES)) page.setAttribute(name, template);
// Copy link: this demo's own URL for the view (the demo reads ip, tab, range and filter back).
page.setAttribute('share-href', `${location.origin}${location.pathname}?ip={ip}&tab={tab}&range={range}&filter={filter}`);
const opened = document.querySelector<HTMLElement>('#demo-opened')!;
function showOpened() {
  const m = /^#\/portal\/([\w-]+)\/([^?]*)(?:\?query=(.*))?$/.exec(location.hash);
  opened.hidden = !m;
  if (!m) return;
  const [, what, id, query] = m;
  opened.textContent = `The portal would open: ${what!.replace(/-/g, ' ')} ${decodeURIComponent(id!)}${query ? ` with the query (${decodeURIComponent(query).split('\n').length} lines)` : ''}.`;
}
window.addEventListener('hashchange', showOpened);
showOpened();

page.addEventListener('ip-navigate', (e) => {
  // A real portal would route here; the demo shows what was asked for.
  if (e.detail.href) return;
  e.preventDefault();
  console.info('ip-navigate', e.detail);
});
