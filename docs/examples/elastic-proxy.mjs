// @ts-check
/**
 * A minimal same-origin relay for Elasticsearch and Kibana, for
 * `new ElasticSecurityProvider({ elasticsearchUrl: '/es', kibanaUrl: '/kibana' })`.
 *
 * Why: the page then needs no CORS settings on the cluster or Kibana, and the API key never
 * reaches the browser: the relay holds it (from the server's environment) and adds it to each
 * request. Put the relay behind your portal's own sign-in — everyone who can reach it acts with
 * its key. It relays only the calls the page makes, to the indices it is given, never follows a
 * redirect, caps what it reads, and drops whatever credentials the browser sent.
 *
 * Node 18+ (global fetch), no dependencies. With Express: `app.use(elasticProxy({ … }))`; with
 * plain node:http: `http.createServer((req, res) => relay(req, res, () => { res.statusCode = 404; res.end(); }))`.
 * This file is tested as it stands: the test server mounts it (web-test-runner.config.mjs) and
 * test/providers/elastic-proxy.test.ts runs the provider through it.
 */

/**
 * @param {{
 *   elasticsearch: string; kibana?: string; apiKey: string; kibanaApiKey?: string;
 *   prefix?: string; kibanaPrefix?: string; eventIndices?: string; alertIndex?: string; threatIntelIndices?: string;
 *   fetch?: typeof fetch; maxBodyBytes?: number; timeoutMs?: number;
 * }} options
 *   `elasticsearch`, `kibana`: the upstreams; `apiKey` (and `kibanaApiKey`, default the same): the
 *   encoded API key (`POST /_security/api_key`'s `encoded`); `prefix` (default `/es`) and
 *   `kibanaPrefix` (default `/kibana`): where the page calls them; `eventIndices` (default
 *   `logs-*`), `alertIndex` (default `.alerts-security.alerts-default`) and `threatIntelIndices`
 *   (default `logs-ti_*`): the only indices relayed, as the provider's options name them; `maxBodyBytes` (default 256 KB); `timeoutMs` (default 200 s).
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next?: () => void) => Promise<void>}
 */
export function elasticProxy(options) {
  const prefix = (options.prefix ?? '/es').replace(/\/+$/, '');
  const kibanaPrefix = (options.kibanaPrefix ?? '/kibana').replace(/\/+$/, '');
  const events = encodeURIComponent(options.eventIndices ?? 'logs-*').replace(/%2C/gi, ',').replace(/%2A/gi, '*');
  const alerts = encodeURIComponent(options.alertIndex ?? '.alerts-security.alerts-default');
  const threatIntel = encodeURIComponent(options.threatIntelIndices ?? 'logs-ti_*').replace(/%2C/gi, ',').replace(/%2A/gi, '*');
  const doFetch = options.fetch ?? globalThis.fetch;
  const maxBodyBytes = options.maxBodyBytes ?? 256 * 1024;
  const timeoutMs = options.timeoutMs ?? 200_000;
  const quoted = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

  /** The calls the page makes, and nothing else: method and path below each upstream's root. */
  const ELASTICSEARCH = [
    ['GET', /^\/$/],
    ['GET', new RegExp(`^/${quoted(events)}/_field_caps$`)],
    ['POST', /^\/_query$/],
    ['POST', new RegExp(`^/${quoted(alerts)}/_search$`)],
    ['POST', new RegExp(`^/${quoted(alerts)}/_pit$`)],
    ['POST', /^\/_search$/],
    ['DELETE', /^\/_pit$/],
    // The threat intelligence integrations' indicator documents for the IP.
    ['POST', new RegExp(`^/${quoted(threatIntel)}/_search$`)],
  ];
  const KIBANA = [
    ['POST', /^\/api\/detection_engine\/signals\/status$/],
    // Add to case: find the open cases, comment on one.
    ['GET', /^\/api\/cases\/_find$/],
    ['POST', /^\/api\/cases\/[A-Za-z0-9_-]+\/comments$/],
  ];

  return async function relay(req, res, next) {
    const url = new URL(req.url ?? '/', 'http://relay.invalid');
    const target =
      url.pathname === prefix || url.pathname.startsWith(`${prefix}/`)
        ? { base: options.elasticsearch, key: options.apiKey, path: url.pathname.slice(prefix.length) || '/', allowed: ELASTICSEARCH, name: 'Elasticsearch' }
        : options.kibana && url.pathname.startsWith(`${kibanaPrefix}/`)
          ? { base: options.kibana, key: options.kibanaApiKey ?? options.apiKey, path: url.pathname.slice(kibanaPrefix.length), allowed: KIBANA, name: 'Kibana' }
          : undefined;
    if (!target) {
      if (next) return next();
      return send(res, 404, 'Not found.');
    }
    const method = req.method ?? 'GET';
    // `..` or an encoded slash could reach another path: refused before matching.
    if (/(^|\/)\.\.?(\/|$)|%2f|%5c/i.test(target.path) || !target.allowed.some(([m, pattern]) => m === method && pattern.test(target.path))) {
      return send(res, 403, `This relay passes on only the calls the IP entity page makes to ${target.name}.`);
    }
    let body;
    if (method !== 'GET') {
      body = await readBody(req, maxBodyBytes);
      if (body === undefined) return send(res, 413, `The request body is larger than ${maxBodyBytes} bytes.`);
    }
    let answer;
    try {
      answer = await doFetch(`${target.base.replace(/\/+$/, '')}${target.path}${url.search}`, {
        method,
        // The relay's key, never the browser's credentials; Kibana's CSRF header on its calls.
        headers: {
          Authorization: `ApiKey ${target.key}`,
          Accept: 'application/json',
          ...(body?.length ? { 'Content-Type': 'application/json' } : {}),
          ...(target.name === 'Kibana' ? { 'kbn-xsrf': 'ip-entity-page-relay' } : {}),
        },
        body: body?.length ? body : undefined,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      return send(res, timedOut ? 504 : 502, timedOut ? `${target.name} did not answer in time.` : `${target.name} could not be reached.`);
    }
    // A redirect is not followed: the key would go wherever it points.
    if (answer.status >= 300 && answer.status < 400) return send(res, 502, `${target.name} answered with a redirect, which this relay does not follow.`);
    const headers = {};
    for (const name of ['content-type', 'retry-after', 'warning']) {
      const value = answer.headers.get(name);
      if (value) headers[name] = value;
    }
    res.writeHead(answer.status, headers);
    res.end(Buffer.from(await answer.arrayBuffer()));
  };
}

/** The body as a Buffer, or `undefined` when it is larger than `max` bytes. */
async function readBody(req, max) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > max) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** An error in Elasticsearch's shape, so the page reads it like the cluster's own. */
function send(res, status, reason) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ error: { type: 'relay_exception', reason }, status }));
}
