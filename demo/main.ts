/**
 * The demo: the page on generated data. The MSW worker serves the REST contract from the
 * deterministic generator; it must run before the element upgrades (it fetches on upgrade).
 */
import { worker } from '../mocks/browser.js';
import { DEMO_IPS } from '../mocks/generator/profiles.js';

await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
await import('../src/components/entity-page/ip-entity-page.js');

const params = new URLSearchParams(location.search);
const page = document.querySelector('ip-entity-page')!;
const ipSelect = document.querySelector<HTMLSelectElement>('#demo-ip')!;
const themeSelect = document.querySelector<HTMLSelectElement>('#demo-theme')!;

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
  history.replaceState(null, '', url);
}

showIp(params.get('ip') ?? DEMO_IPS[0]!.ip);
const tab = params.get('tab');
if (tab === 'overview' || tab === 'alerts' || tab === 'devices' || tab === 'sentinel') page.tab = tab;
const range = params.get('range');
if (range === '24h' || range === '7d' || range === '30d' || range === '90d' || range === '180d') page.range = range;
applyTheme(params.get('theme') ?? '');
if (params.get('density') === 'compact') page.density = 'compact';

ipSelect.addEventListener('change', () => {
  if (ipSelect.value) showIp(ipSelect.value);
  syncUrl();
});
themeSelect.addEventListener('change', () => applyTheme(themeSelect.value));
page.addEventListener('ip-change', (e) => {
  ipSelect.value = DEMO_IPS.some((d) => d.ip === e.detail.ip) ? e.detail.ip : '';
  syncUrl();
});
page.addEventListener('ip-tab-change', syncUrl);
page.addEventListener('ip-range-change', syncUrl);
page.addEventListener('ip-navigate', (e) => {
  // A real portal would route here; the demo shows what was asked for.
  if (e.detail.href) return;
  e.preventDefault();
  console.info('ip-navigate', e.detail);
});
