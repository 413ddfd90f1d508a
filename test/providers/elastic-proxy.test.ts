/**
 * The Elasticsearch and Kibana relay recipe of docs/providers/elastic.md (docs/examples/
 * elastic-proxy.mjs), mounted as it stands by the test server at /__es-proxy and /__kibana-proxy,
 * relaying to stand-ins that answer with the documented shapes (mocks/es-upstream.mjs).
 */
import { expect } from '@open-wc/testing';
import { ElasticSecurityProvider } from '../../src/providers/elastic/index.js';
import { guardProvider } from '../../src/providers/guard.js';
import { DAY_MS } from '../../src/lib/time-range.js';
import { NOW, useMockApi } from '../helpers/msw.js';

const IP = '203.0.113.7';
const range = { from: new Date(NOW - 30 * DAY_MS), to: new Date(NOW + 3_600_000) };
const o = () => ({ signal: new AbortController().signal });
/** The key the relay holds (the test server's configuration); the page never has it. */
const RELAY_KEY = 'ApiKey cmVsYXk6a2V5';

async function lastUpstream(service = 'elasticsearch'): Promise<{ service?: string; method?: string; path?: string; authorization?: string; cookie?: string; xsrf?: string; body?: string }> {
  return (await fetch(`/__fake-es/__last?service=${service}`)).json();
}

describe('the Elasticsearch and Kibana relay recipe', () => {
  useMockApi();

  it('relays the page’s calls with the relay’s key, never the browser’s credentials or cookies', async () => {
    document.cookie = 'portal-session=secret; path=/';
    try {
      // The page sends no key (or a wrong one): the relay replaces it.
      const p = guardProvider(new ElasticSecurityProvider({ elasticsearchUrl: '/__es-proxy', headers: { Authorization: 'Bearer browser-token' } }));
      const [log, alerts] = await Promise.all([p.getLogActivity(IP, range, o()), p.listAlerts(IP, { range, offset: 0, limit: 10 }, o())]);
      expect(log.sources).to.deep.equal([]);
      expect(alerts.total).to.equal(0);
      const seen = await lastUpstream();
      expect(seen.authorization).to.equal(RELAY_KEY);
      expect(seen.cookie, 'no cookie reaches the cluster').to.equal(undefined);
    } finally {
      document.cookie = 'portal-session=; path=/; max-age=0';
    }
  });

  it('relays a status change to Kibana with the relay’s key and its CSRF header', async () => {
    const p = guardProvider(new ElasticSecurityProvider({ elasticsearchUrl: '/__es-proxy', kibanaUrl: '/__kibana-proxy' }));
    await p.updateAlerts!(['a1'], { status: 'resolved' }, o());
    const seen = await lastUpstream('kibana');
    expect([seen.method, seen.path, seen.authorization, seen.xsrf]).to.deep.equal(['POST', '/api/detection_engine/signals/status', RELAY_KEY, 'ip-entity-page-relay']);
    expect(JSON.parse(seen.body!)).to.deep.equal({ signal_ids: ['a1'], status: 'closed' });
  });

  it('relays the threat intelligence search and Add to case', async () => {
    const p = guardProvider(new ElasticSecurityProvider({ elasticsearchUrl: '/__es-proxy', kibanaUrl: '/__kibana-proxy' }));
    expect(await p.listIndicators!(IP, o())).to.deep.equal([]);
    expect((await lastUpstream()).path).to.match(/^\/logs-ti_\*\/_search\?/);
    expect(await p.listCases!(IP, { range, search: '' }, o())).to.deep.equal([]);
    expect((await lastUpstream('kibana')).path).to.match(/^\/api\/cases\/_find\?/);
    const record = await p.addToCase!(IP, '31a2b3c4-0000-4000-8000-000000000001', 'Seen beaconing from two hosts.', o());
    expect(record.text).to.contain('Seen beaconing');
    const seen = await lastUpstream('kibana');
    expect([seen.method, seen.path, seen.authorization, seen.xsrf]).to.deep.equal(['POST', '/api/cases/31a2b3c4-0000-4000-8000-000000000001/comments', RELAY_KEY, 'ip-entity-page-relay']);
  });

  it('refuses every other call, paths that climb, and redirects', async () => {
    for (const [method, path] of [
      ['GET', '/__es-proxy/_cat/indices'],
      ['POST', '/__es-proxy/other-index/_search'],
      ['DELETE', '/__es-proxy/logs-*'],
      ['GET', '/__es-proxy/logs-*/../_cat/indices/_field_caps'],
      ['POST', '/__es-proxy/.alerts-security.alerts-default%2F..%2F_delete_by_query/_search'],
      ['POST', '/__kibana-proxy/api/cases'],
      ['DELETE', '/__kibana-proxy/api/cases'],
      ['POST', '/__es-proxy/logs-ti_*%2F..%2F_delete_by_query/_search'],
    ] as const) {
      const answer = await fetch(path, { method, ...(method === 'POST' ? { body: '{}', headers: { 'Content-Type': 'application/json' } } : {}) });
      expect(answer.status, `${method} ${path}`).to.be.oneOf([403, 404]);
    }
    const redirected = await fetch('/__es-proxy/_query?redirect=1', { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } });
    expect(redirected.status).to.equal(502);
    expect(((await redirected.json()) as { error: { reason: string } }).error.reason).to.contain('redirect');
  });
});
