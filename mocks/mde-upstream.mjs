// @ts-check
/**
 * A stand-in for the Defender for Endpoint API behind the proxy recipe (docs/examples/
 * defender-proxy.mjs), served by the test server under `/__fake-mde`: it answers with the API
 * reference's own examples (IP statistics, exposure score by machine group, the indicator entity,
 * listed and deleted as the reference has it) and keeps the last request it saw, so a test can check what the relay forwarded.
 * The statistics of 192.0.2.99 answer a redirect, which the relay must not follow.
 */

/** defender-docs, defender-endpoint/api/get-ip-statistics.md. */
const IP_STATS = { '@odata.context': 'https://api.security.microsoft.com/api/$metadata#microsoft.windowsDefenderATP.api.InOrgIPStats', organizationPrevalence: 63515, orgFirstSeen: '2017-07-30T13:36:06Z', orgLastSeen: '2017-08-29T13:32:59Z' };

/** defender-docs, defender-endpoint/api/get-machine-group-exposure-score.md. */
const EXPOSURE = {
  '@odata.context': 'https://api.securitycenter.microsoft.com/api/$metadata#ExposureScore',
  value: [
    { time: '2019-12-03T09:51:28.214338Z', score: 41.38041766305988, rbacGroupName: 'GroupOne' },
    { time: '2019-12-03T09:51:28.2143399Z', score: 37.403726933165366, rbacGroupName: 'GroupTwo' },
  ],
};

/** @type {{ method?: string; path?: string; authorization?: string; cookie?: string; body?: string } } */
let last = {};
/** The indicators posted through the relay, by value. @type {Map<string, Record<string, unknown>>} */
const indicators = new Map();
let posted = 0;

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
export async function fakeMde(req, res) {
  const url = new URL(req.url ?? '/', 'http://fake.invalid');
  const path = url.pathname.replace(/^\/__fake-mde/, '');
  const json = (status, body, headers = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  if (path === '/__last') return json(200, last);
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  last = { method: req.method, path: `${path}${url.search}`, authorization: req.headers.authorization, cookie: req.headers.cookie, body: Buffer.concat(chunks).toString('utf8') };
  if (!/^Bearer \S+$/.test(req.headers.authorization ?? '')) return json(401, { error: { code: 'Unauthorized', message: 'Authorization header is missing.' } });
  const stats = /^\/api\/ips\/([^/]+)\/stats$/.exec(path);
  if (stats?.[1] === '192.0.2.99') return json(302, {}, { location: 'https://attacker.invalid/collect' });
  if (stats && req.method === 'GET') return json(200, { ...IP_STATS, ipAddress: decodeURIComponent(stats[1] ?? '') });
  if (path === '/api/exposureScore/ByMachineGroups' && req.method === 'GET') return json(200, EXPOSURE);
  if (path.startsWith('/api/machines/findbyip(') && req.method === 'GET') return json(200, { value: [] });
  if (path === '/api/indicators' && req.method === 'POST') {
    const input = JSON.parse(last.body || '{}');
    // The indicator entity's shape (defender-endpoint/api/ti-indicator.md); a second one for the same value replaces it (post-ti-indicator.md).
    const id = indicators.get(String(input.indicatorValue))?.id ?? String(995 + posted++);
    const indicator = { id, ...input, source: 'analyst@contoso.com', sourceType: 'User', createdBy: 'analyst@contoso.com', creationTimeDateTimeUtc: '2026-01-01T00:00:00Z', lastUpdateTime: '2026-01-01T00:00:00Z', lastUpdatedBy: null };
    indicators.set(String(input.indicatorValue), indicator);
    return json(200, indicator);
  }
  // List Indicators with `$filter=indicatorValue eq '…'` (get-ti-indicators-collection.md: an OData collection).
  if (path === '/api/indicators' && req.method === 'GET') {
    const value = /^indicatorValue eq '([^']*)'$/.exec(url.searchParams.get('$filter') ?? '')?.[1];
    if (value === undefined) return json(400, { error: { code: 'BadRequest', message: 'The mock filters on indicatorValue only.' } });
    const found = indicators.get(value);
    return json(200, { '@odata.context': 'https://api.securitycenter.microsoft.com/api/$metadata#Indicators', value: found ? [found] : [] });
  }
  // Delete Indicator (delete-ti-indicator-by-id.md): 204 without content, 404 when there is none.
  const deleted = /^\/api\/indicators\/([0-9]+)$/.exec(path);
  if (deleted && req.method === 'DELETE') {
    const entry = [...indicators.entries()].find(([, i]) => i.id === deleted[1]);
    if (!entry) return json(404, { error: { code: 'NotFound', message: `Indicator ${deleted[1]} was not found.` } });
    indicators.delete(entry[0]);
    res.writeHead(204);
    return res.end();
  }
  return json(404, { error: { code: 'NotFound', message: `No ${req.method} ${path}.` } });
}
