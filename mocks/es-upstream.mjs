// @ts-check
/**
 * A stand-in for Elasticsearch and Kibana behind the relay recipe (docs/examples/elastic-proxy.mjs),
 * served by the test server under `/__fake-es` and `/__fake-kibana`: it answers each call the page
 * makes with the smallest answer of its documented shape (no data), and keeps the last request it
 * saw, so a test can check what the relay forwarded. A request with `?redirect=1` is answered with
 * a redirect, which the relay must not follow.
 */
import { readFileSync } from 'node:fs';

const ECS = JSON.parse(readFileSync(new URL('./elastic/ecs-types.json', import.meta.url), 'utf8')).fields;

/** The last request each stand-in saw. @type {Record<string, Record<string, unknown>>} */
const last = { elasticsearch: {}, kibana: {} };

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
export async function fakeElastic(req, res) {
  const url = new URL(req.url ?? '/', 'http://fake.invalid');
  const kibana = url.pathname.startsWith('/__fake-kibana');
  const path = url.pathname.replace(/^\/__fake-(es|kibana)/, '') || '/';
  const json = (status, body, headers = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  if (path === '/__last') return json(200, last[url.searchParams.get('service') ?? 'elasticsearch'] ?? {});
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  last[kibana ? 'kibana' : 'elasticsearch'] = { service: kibana ? 'kibana' : 'elasticsearch', method: req.method, path: `${path}${url.search}`, authorization: req.headers.authorization, cookie: req.headers.cookie, xsrf: req.headers['kbn-xsrf'], body: text };
  if (url.searchParams.get('redirect') === '1') return json(302, {}, { location: 'https://elsewhere.example/' });
  if (!/^ApiKey \S+$/.test(String(req.headers.authorization ?? ''))) return json(401, { error: { type: 'security_exception', reason: 'missing authentication credentials for REST request' }, status: 401 });
  // Kibana's cases API (x-pack/platform/plugins/shared/cases/docs/openapi): find answers a page of
  // cases, a comment answers the case with it.
  if (kibana && path === '/api/cases/_find') return json(200, { cases: [], page: 1, per_page: 20, total: 0, count_open_cases: 0, count_in_progress_cases: 0, count_closed_cases: 0 });
  const comment = kibana ? /^\/api\/cases\/([A-Za-z0-9_-]+)\/comments$/.exec(path) : null;
  if (comment) {
    const c = JSON.parse(text || '{}');
    return json(200, { id: comment[1], version: 'WzEsMV0=', title: 'Case', description: '', status: 'open', owner: c.owner, totalComment: 1, comments: [{ id: 'c1', type: c.type, comment: c.comment, owner: c.owner, created_at: '2026-01-01T00:00:00Z', created_by: { username: 'relay' }, version: 'WzIsMV0=' }] });
  }
  if (kibana) {
    const ids = (JSON.parse(text || '{}').signal_ids ?? []).length;
    return json(200, { took: 2, timed_out: false, total: ids, updated: ids, deleted: 0, batches: 1, version_conflicts: 0, noops: 0, failures: [] });
  }
  if (req.method === 'GET' && path === '/') return json(200, { name: 'es-1', cluster_name: 'fake', cluster_uuid: 'u', version: { number: '9.2.1', build_flavor: 'default' }, tagline: 'You Know, for Search' });
  if (path.endsWith('/_field_caps')) {
    const fields = Object.fromEntries((url.searchParams.get('fields') ?? '').split(',').filter((f) => ECS[f]).map((f) => [f, { [ECS[f].type]: { type: ECS[f].type, metadata_field: false, searchable: true, aggregatable: true } }]));
    return json(200, { indices: ['logs-fake'], fields });
  }
  if (path === '/_query') return json(200, { took: 1, is_partial: false, columns: [], values: [] });
  if (path.endsWith('/_pit')) return json(200, { id: 'fake-pit', _shards: { total: 1, successful: 1, skipped: 0, failed: 0 } });
  if (path.endsWith('/_search')) {
    const body = JSON.parse(text || '{}');
    return json(200, { took: 1, timed_out: false, hits: { total: { value: 0, relation: 'eq' }, max_score: null, hits: [] }, ...(body.aggs ? { aggregations: { severity: { buckets: [] }, hosts: { value: 0 } } } : {}) });
  }
  return json(404, { error: { type: 'resource_not_found_exception', reason: `The stand-in has no ${path}.` }, status: 404 });
}
