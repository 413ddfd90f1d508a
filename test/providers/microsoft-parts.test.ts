import { expect } from '@open-wc/testing';
import { kqlDatetime, kqlInt, kqlIp, kqlString, marker, markerOf } from '../../src/providers/microsoft/kql.js';
import { RateLimiter } from '../../src/providers/microsoft/limiter.js';
import { SharedCache } from '../../src/providers/kit/shared-cache.js';
import { MicrosoftTransport } from '../../src/providers/microsoft/transport.js';
import { ConcurrencyQueue } from '../../src/providers/microsoft/queue.js';
import { DefenderGraph } from '../../src/providers/defender/graph.js';
import { base64Url, crc32, gzipStored } from '../../src/lib/gzip.js';
import { IpDataError } from '../../src/data/errors.js';

/**
 * A KQL lexer for double-quoted string literals, as the Kusto docs define them: returns the
 * value and where the literal ends. A quoting function is safe when the literal decodes to the
 * input and ends exactly at the end of what it produced (nothing after it is query text).
 */
function readLiteral(text: string): { value: string; end: number } {
  if (text[0] !== '"') throw new Error('not a literal');
  let value = '';
  for (let i = 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') return { value, end: i + 1 };
    if (c === '\n' || c === '\r') throw new Error('raw line break inside a literal');
    if (c === '\\') {
      const n = text[++i];
      const map: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', '"': '"', "'": "'" };
      if (n === undefined || !(n in map)) throw new Error(`unknown escape \\${n}`);
      value += map[n];
    } else value += c;
  }
  throw new Error('unterminated literal');
}

describe('KQL quoting', () => {
  it('keeps every hostile value inside one literal that decodes to it exactly', () => {
    const hostile = [
      'plain',
      'quote " inside',
      '"; DeviceEvents | take 1000000 //',
      'back\\slash and \\" escaped quote',
      'ends with a backslash \\',
      'new\nline and\r\nCRLF and\ttab',
      '| where 1 == 1 ; union *',
      "single 'quotes'",
      '/* comment */ // comment',
      '@"verbatim" and h"obfuscated"',
      'ünïcödé ‮ bidi and 東京',
      '',
    ];
    for (const value of hostile) {
      const literal = kqlString(value);
      const read = readLiteral(literal);
      expect(read.value, JSON.stringify(value)).to.equal(value);
      expect(read.end, `the literal of ${JSON.stringify(value)} ends where it should`).to.equal(literal.length);
    }
  });

  it('refuses control characters KQL has no escape for', () => {
    for (const bad of ['nul\u0000', 'bell\u0007', 'esc\u001b[31m', 'sep\u2028']) {
      expect(() => kqlString(bad)).to.throw(IpDataError);
    }
  });

  it('puts only a canonical, valid IP into a query', () => {
    expect(kqlIp('2001:DB8::0001')).to.equal('"2001:db8::1"');
    expect(kqlIp('::ffff:203.0.113.7')).to.equal('"203.0.113.7"');
    for (const bad of ['127.1', '1.2.3.4"; union *', '', '1.2.3.4/24']) expect(() => kqlIp(bad), bad).to.throw(IpDataError);
  });

  it('writes dates, numbers and markers strictly', () => {
    expect(kqlDatetime(new Date('2026-11-20T14:05:09Z'))).to.equal('datetime(2026-11-20T14:05:09.000Z)');
    expect(() => kqlDatetime(new Date('x'))).to.throw(IpDataError);
    expect(kqlInt(100)).to.equal('100');
    for (const bad of [-1, 1.5, NaN]) expect(() => kqlInt(bad)).to.throw(IpDataError);
    expect(markerOf(`${marker('devices')}\nlet ip = "1.2.3.4";`)).to.equal('devices');
    expect(markerOf('DeviceEvents | take 1')).to.equal(undefined);
  });
});

describe('RateLimiter', () => {
  it('lets calls through within each window, then waits, and fails at once past the longest wait', async () => {
    let now = 0;
    const limiter = new RateLimiter('test API', [{ max: 2, windowMs: 1_000 }, { max: 3, windowMs: 10_000 }], { maxWaitMs: 2_000, now: () => now });
    await limiter.acquire();
    await limiter.acquire();
    expect(limiter.waitMs()).to.equal(1_000);
    now = 1_000;
    await limiter.acquire();
    expect(limiter.waitMs(), 'the hour-like window is full').to.equal(9_000);
    let error: unknown;
    await limiter.acquire().catch((e: unknown) => (error = e));
    expect((error as IpDataError).kind).to.equal('rate-limited');
    expect((error as IpDataError).retryAfter).to.equal(9);
    now = 20_000;
    limiter.block(5);
    expect(limiter.waitMs()).to.equal(5_000);
  });

  it('waits abortably for a slot', async () => {
    const limiter = new RateLimiter('test API', [{ max: 1, windowMs: 60_000 }], { maxWaitMs: 120_000 });
    await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort();
    let error: unknown;
    await waiting.catch((e: unknown) => (error = e));
    expect((error as Error).name).to.equal('AbortError');
  });
});

describe('DefenderGraph.getMany', () => {
  const api = { name: 'Microsoft Graph', base: 'https://graph.example/v1.0', scope: 'https://graph.example/.default' };
  /** A Graph that answers every batch request with its URL, counting what it was asked. */
  function graphWith(quota: number) {
    const asked: string[] = [];
    const fetch = (async (_url: RequestInfo | URL, init?: RequestInit) => {
      const { requests } = JSON.parse(String(init?.body)) as { requests?: Array<{ id: string; url: string }> };
      if (!requests) return new Response('{}', { headers: { 'Content-Type': 'application/json' } });
      asked.push(...requests.map((r) => r.url));
      return new Response(JSON.stringify({ responses: requests.map((r) => ({ id: r.id, status: 200, body: { url: r.url } })) }), { headers: { 'Content-Type': 'application/json' } });
    }) as typeof globalThis.fetch;
    const transport = new MicrosoftTransport({ getToken: async () => 'token', fetch });
    const limiter = new RateLimiter('Graph', [{ max: quota, windowMs: 60_000 }], { maxWaitMs: 0 });
    const graph = new DefenderGraph(transport, api, { graph: limiter, hunting: limiter, threatIntel: limiter });
    return { graph, asked };
  }
  const signal = new AbortController().signal;

  it('counts each request of a batch against the quota, and gives what it could read with the rest marked unavailable', async () => {
    const { graph, asked } = graphWith(30);
    const paths = Array.from({ length: 50 }, (_, i) => `security/alerts_v2/a${i}`);
    const { bodies, unavailable } = await graph.getMany(paths, 'the alerts', 'SecurityAlert.Read.All', signal);
    // 20 + 20 would pass 30: the second batch waits for a quota that is not there, and is not sent.
    expect(asked.length).to.equal(20);
    expect(bodies.filter(Boolean).length).to.equal(20);
    expect(unavailable).to.equal(30);
  });

  it('does not ask again for an item it just read, unless it changed', async () => {
    const { graph, asked } = graphWith(100);
    await graph.getMany(['security/incidents/1', 'security/incidents/2'], 'the incidents', 'SecurityIncident.Read.All', signal);
    const again = await graph.getMany(['security/incidents/2', 'security/incidents/3'], 'the incidents', 'SecurityIncident.Read.All', signal);
    expect(again.bodies).to.deep.equal([{ url: '/security/incidents/2' }, { url: '/security/incidents/3' }]);
    expect(asked).to.deep.equal(['/security/incidents/1', '/security/incidents/2', '/security/incidents/3']);
    await graph.patch('incident', '2', { status: 'resolved' }, signal).catch(() => undefined);
    await graph.getMany(['security/incidents/2'], 'the incident', 'SecurityIncident.Read.All', signal);
    expect(asked.at(-1), 'a changed item is read again').to.equal('/security/incidents/2');
  });
});

describe('ConcurrencyQueue', () => {
  it('runs at most max tasks, starts the waiting ones first in first out, and drops one whose caller aborted', async () => {
    const queue = new ConcurrencyQueue(2);
    const order: string[] = [];
    const gates = new Map<string, () => void>();
    const task = (name: string) => () =>
      new Promise<string>((resolve) => {
        order.push(name);
        gates.set(name, () => resolve(name));
      });
    const signal = new AbortController().signal;
    const a = queue.run(task('a'), signal);
    const b = queue.run(task('b'), signal);
    const stop = new AbortController();
    const c = queue.run(task('c'), stop.signal);
    const d = queue.run(task('d'), signal);
    await Promise.resolve();
    expect(order).to.deep.equal(['a', 'b']);
    expect(queue.waiting).to.equal(2);
    stop.abort();
    expect(await c.then(() => 'ran', (e: Error) => e.name)).to.equal('AbortError');
    gates.get('a')!();
    await a;
    await waitUntilQueued(() => order.length === 3);
    expect(order, 'd takes the place; c never runs').to.deep.equal(['a', 'b', 'd']);
    // A newcomer while one waits does not overtake it.
    const e = queue.run(task('e'), signal);
    const f = queue.run(task('f'), signal);
    gates.get('b')!();
    await waitUntilQueued(() => order.length === 4);
    expect(order.at(-1)).to.equal('e');
    gates.get('d')!();
    gates.get('e')!();
    await waitUntilQueued(() => order.length === 5);
    gates.get('f')!();
    expect(await Promise.all([b, d, e, f])).to.deep.equal(['b', 'd', 'e', 'f']);
    expect(queue.running).to.equal(0);
  });
});

async function waitUntilQueued(done: () => boolean): Promise<void> {
  for (let i = 0; i < 50 && !done(); i++) await new Promise((r) => setTimeout(r, 0));
  expect(done(), 'the queue moved on').to.equal(true);
}

describe('SharedCache', () => {
  it('sends one request for callers of the same key, keeps the answer, and aborts only when every caller did', async () => {
    const cache = new SharedCache<number>();
    let loads = 0;
    const signals: AbortSignal[] = [];
    const load = (signal: AbortSignal) => {
      loads++;
      signals.push(signal);
      return new Promise<number>((resolve) => setTimeout(() => resolve(42), 30));
    };
    const a = new AbortController();
    const b = new AbortController();
    const first = cache.get('k', a.signal, load);
    const second = cache.get('k', b.signal, load);
    a.abort();
    await first.catch(() => undefined);
    expect(signals[0]!.aborted, 'one caller still waits').to.equal(false);
    expect(await second).to.equal(42);
    expect(await cache.get('k', new AbortController().signal, load)).to.equal(42);
    expect(loads).to.equal(1);

    const c = new AbortController();
    const lone = cache.get('other', c.signal, load);
    c.abort();
    await lone.catch(() => undefined);
    expect(signals[1]!.aborted, 'nobody waits: the request stops').to.equal(true);
    cache.update((v) => v + 1);
    expect(await cache.get('k', new AbortController().signal, load)).to.equal(43);
  });

  it('does not keep errors: the next call asks again', async () => {
    const cache = new SharedCache<number>();
    let n = 0;
    const load = async () => {
      n++;
      if (n === 1) throw new Error('first fails');
      return n;
    };
    await cache.get('k', new AbortController().signal, load).catch(() => undefined);
    expect(await cache.get('k', new AbortController().signal, load)).to.equal(2);
  });

  it('keeps an answer its ttlFor marks as short-lived only that long', async () => {
    let clock = 0;
    // Odd answers were built while throttled: kept for 10 ms instead of 1,000.
    const cache = new SharedCache<number>({ ttlMs: 1_000, now: () => clock, ttlFor: (v) => (v % 2 ? 10 : undefined) });
    let n = 0;
    const load = async () => ++n;
    const signal = new AbortController().signal;
    expect(await cache.get('k', signal, load)).to.equal(1);
    clock = 5;
    expect(await cache.get('k', signal, load), 'still fresh').to.equal(1);
    clock = 20;
    expect(await cache.get('k', signal, load), 'the short-lived answer is asked again').to.equal(2);
    clock = 500;
    expect(await cache.get('k', signal, load), 'a full answer is kept for ttlMs').to.equal(2);
    clock = 1_100;
    expect(await cache.get('k', signal, load)).to.equal(3);
  });
});

describe('lib/gzip', () => {
  it('makes gzip the browser can read back, and base64url without padding', async () => {
    const query = `// ip-entity-page:devices\nlet ip = "203.0.113.7";\n${'DeviceNetworkEvents | take 10\n'.repeat(3000)}`;
    const gz = gzipStored(new TextEncoder().encode(query));
    const back = await new Response(new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
    expect(back).to.equal(query);
    expect(crc32(new TextEncoder().encode('123456789'))).to.equal(0xcbf43926);
    expect(base64Url(new Uint8Array([0xfb, 0xff, 0xfe]))).to.equal('-__-');
  });
});
