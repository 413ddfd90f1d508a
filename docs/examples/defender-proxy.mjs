// @ts-check
/**
 * A minimal same-origin relay for the Microsoft Defender for Endpoint API, for
 * `new DefenderXdrProvider({ defenderUrl: '/defender-api', … })`.
 *
 * Why: no Microsoft document says `api.security.microsoft.com` answers a browser's CORS preflight
 * (every sample calls it from a server), so the page reaches it through its own origin. The relay
 * holds no secret: it forwards the analyst's own delegated token, so Defender applies the
 * analyst's permissions and device-group scope exactly as in the portal. It relays only the six
 * calls the page makes, never follows a redirect, caps what it reads, and forwards no cookie.
 *
 * Node 18+ (global fetch), no dependencies. With Express: `app.use(defenderProxy())`; with plain
 * node:http: `http.createServer((req, res) => relay(req, res, () => { res.statusCode = 404; res.end(); }))`.
 * This file is tested as it stands: the test server mounts it (web-test-runner.config.mjs) and
 * test/providers/defender-proxy.test.ts runs the provider through it.
 */

/** The calls the page makes, and nothing else: method and path below the API root. */
const ALLOWED = [
  ['GET', /^\/api\/ips\/[^/]+\/stats$/],
  ['GET', /^\/api\/machines\/findbyip\([^/]*\)$/],
  ['GET', /^\/api\/exposureScore\/ByMachineGroups$/],
  ['GET', /^\/api\/indicators$/],
  ['POST', /^\/api\/indicators$/],
  ['DELETE', /^\/api\/indicators\/[0-9]+$/],
];

/** Headers of the answer passed back to the page. */
const ANSWER_HEADERS = ['content-type', 'retry-after'];

/**
 * @param {{ prefix?: string; upstream?: string; fetch?: typeof fetch; maxBodyBytes?: number; timeoutMs?: number }} [options]
 *   `prefix`: where the page calls it (default `/defender-api`); `upstream`: the API (default
 *   `https://api.security.microsoft.com`, or a regional host); `maxBodyBytes`: the largest
 *   request body relayed (default 64 KB; an indicator is under 4 KB); `timeoutMs`: how long the
 *   API may take (default 60 s).
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next?: () => void) => Promise<void>}
 */
export function defenderProxy(options = {}) {
  const prefix = (options.prefix ?? '/defender-api').replace(/\/+$/, '');
  const upstream = (options.upstream ?? 'https://api.security.microsoft.com').replace(/\/+$/, '');
  const doFetch = options.fetch ?? globalThis.fetch;
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024;
  const timeoutMs = options.timeoutMs ?? 60_000;

  return async function relay(req, res, next) {
    const url = new URL(req.url ?? '/', 'http://relay.invalid');
    if (!url.pathname.startsWith(`${prefix}/`)) {
      if (next) return next();
      return send(res, 404, 'NotFound', 'Not found.');
    }
    const path = url.pathname.slice(prefix.length);
    const method = req.method ?? 'GET';
    // `..` or an encoded slash could reach another path of the API: refused before matching.
    if (/(^|\/)\.\.?(\/|$)|%2f|%5c/i.test(path) || !ALLOWED.some(([m, pattern]) => m === method && pattern.test(path))) {
      return send(res, 403, 'NotRelayed', 'This relay passes on only the calls the IP entity page makes to the Defender for Endpoint API.');
    }
    const authorization = req.headers.authorization ?? '';
    if (!/^Bearer [A-Za-z0-9._~+/-]+=*$/.test(authorization)) return send(res, 401, 'Unauthorized', 'A bearer token for the Defender for Endpoint API is needed.');

    let body;
    if (method === 'POST') {
      body = await readBody(req, maxBodyBytes);
      if (body === undefined) return send(res, 413, 'PayloadTooLarge', `The request body is larger than ${maxBodyBytes} bytes.`);
    }
    let answer;
    try {
      answer = await doFetch(`${upstream}${path}${url.search}`, {
        method,
        headers: { Authorization: authorization, Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}) },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      return send(res, timedOut ? 504 : 502, timedOut ? 'GatewayTimeout' : 'BadGateway', timedOut ? 'The Defender for Endpoint API did not answer in time.' : 'The Defender for Endpoint API could not be reached.');
    }
    // A redirect is not followed: the token would go wherever it points.
    if (answer.status >= 300 && answer.status < 400) return send(res, 502, 'BadGateway', 'The Defender for Endpoint API answered with a redirect, which this relay does not follow.');
    const headers = {};
    for (const name of ANSWER_HEADERS) {
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

/** An error in the API's own shape, so the page reads it like one of Microsoft's. */
function send(res, status, code, message) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ error: { code, message } }));
}
