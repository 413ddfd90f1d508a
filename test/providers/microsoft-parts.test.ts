import { expect } from '@open-wc/testing';
import { kqlDatetime, kqlInt, kqlIp, kqlString, marker, markerOf } from '../../src/providers/microsoft/kql.js';
import { RateLimiter } from '../../src/providers/microsoft/limiter.js';
import { SharedCache } from '../../src/providers/microsoft/shared-cache.js';
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
