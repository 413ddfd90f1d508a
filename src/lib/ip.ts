/**
 * Strict parsing, canonicalization and classification of the IP address an entity page is about.
 *
 * Why strict: the same string means different hosts to different parsers. `inet_aton` reads
 * `127.1`, `0x7f.0.0.1`, `0177.0.0.1` and `2130706433` as 127.0.0.1, and `012.1.2.3` as 10.1.2.3;
 * other parsers read leading zeros as decimal. An investigation must never guess, so only the
 * unambiguous forms are accepted (four-part decimal IPv4, RFC 4291 IPv6 text) and everything else
 * is rejected with a message that says what is wrong. Output is the RFC 5952 canonical text.
 *
 * Pure functions, no DOM. @chainsafe/is-ip parses the text into bytes (a port of Rust's strict
 * std::net parser, 1 kB where ipaddr.js took 5 kB of the first paint); the classification, the
 * RFC 5952 text and the prefix matching over those bytes are the few lines below.
 */
import { parseIPv6 } from '@chainsafe/is-ip/parse';

/** What kind of address it is, for the badge and for rules such as "only external IPs can be indicators". */
export type IpScope =
  | 'public'
  | 'private'
  | 'loopback'
  | 'link-local'
  | 'cgnat'
  | 'multicast'
  | 'documentation'
  | 'reserved'
  | 'unspecified';


/** An IPv6 address that carries an IPv4 address inside it, and how. */
export interface EmbeddedIpv4 {
  /** `nat64`: 64:ff9b::/96 (RFC 6052); `6to4`: 2002::/16 (RFC 3056); `teredo`: 2001::/32 (RFC 4380, the client's mapped address). */
  kind: 'nat64' | '6to4' | 'teredo';
  /** The IPv4 address it stands for. */
  ipv4: string;
}


/** A valid address. */
export interface ParsedIp {
  /** The text that was parsed, unchanged. */
  readonly input: string;
  /** RFC 5952 canonical text; for an IPv4-mapped IPv6 address, the IPv4 address. */
  readonly canonical: string;
  readonly version: 4 | 6;
  readonly scope: IpScope;
  /** For IPv4-mapped IPv6 input (`::ffff:a.b.c.d`): the canonical IPv6 form, kept for display. */
  readonly mapped?: string;
  /** For NAT64, 6to4 and Teredo addresses: the IPv4 address inside; `scope` is that address's scope. */
  readonly embedded?: EmbeddedIpv4;
}

export type IpErrorCode =
  | 'empty'
  | 'whitespace'
  | 'cidr'
  | 'zone-id'
  | 'brackets'
  | 'leading-zero'
  | 'shorthand'
  | 'hex'
  | 'integer'
  | 'octet-range'
  | 'invalid-ipv6'
  | 'invalid';

export type IpParseResult =
  | { readonly ok: true; readonly ip: ParsedIp }
  | { readonly ok: false; readonly input: string; readonly code: IpErrorCode; readonly problem: IpProblem };

/**
 * Why a text is not an address, with what a message needs to say so (the words, in the page's
 * language, are `ipProblemText` in components/shared/ip-text.ts).
 */
export type IpProblem =
  | { readonly reason: 'empty' | 'whitespace' | 'too-long' | 'cidr' | 'brackets' | 'not-an-address' | 'empty-part' | 'hex' | 'integer' | 'leading-zero' | 'octet-range' | 'invalid-ipv6' | 'ipv6-group' }
  | { readonly reason: 'zone-id'; readonly zone: string }
  | { readonly reason: 'part-count' | 'shorthand'; readonly parts: number }
  | { readonly reason: 'ipv4-tail'; readonly inner: IpProblem };

function fail(input: string, code: IpErrorCode, problem: IpProblem): IpParseResult {
  return { ok: false, input, code, problem };
}

const IPV4_RANGES: ReadonlyArray<readonly [string, IpScope]> = [
  ['0.0.0.0/32', 'unspecified'],
  ['0.0.0.0/8', 'reserved'], // "this network"
  ['10.0.0.0/8', 'private'],
  ['100.64.0.0/10', 'cgnat'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local'],
  ['172.16.0.0/12', 'private'],
  ['192.0.0.0/24', 'reserved'], // IETF protocol assignments
  ['192.0.2.0/24', 'documentation'], // TEST-NET-1
  ['192.88.99.0/24', 'reserved'], // deprecated 6to4 relay anycast
  ['192.168.0.0/16', 'private'],
  ['198.18.0.0/15', 'reserved'], // benchmarking
  ['198.51.100.0/24', 'documentation'], // TEST-NET-2
  ['203.0.113.0/24', 'documentation'], // TEST-NET-3
  ['224.0.0.0/4', 'multicast'],
  ['240.0.0.0/4', 'reserved'], // future use, includes the limited broadcast address
];

const IPV6_RANGES: ReadonlyArray<readonly [string, IpScope]> = [
  ['::/128', 'unspecified'],
  ['::1/128', 'loopback'],
  ['64:ff9b:1::/48', 'private'], // local-use NAT64
  ['64:ff9b::/96', 'public'], // well-known NAT64 prefix: stands for global IPv4 addresses
  ['100::/64', 'reserved'], // discard-only
  ['2001:2::/48', 'reserved'], // benchmarking
  ['2001:10::/28', 'reserved'], // ORCHID (deprecated)
  ['2001:20::/28', 'reserved'], // ORCHIDv2
  ['2001:db8::/32', 'documentation'],
  ['3fff::/20', 'documentation'], // RFC 9637
  ['2000::/3', 'public'], // global unicast
  ['fc00::/7', 'private'], // unique local
  ['fe80::/10', 'link-local'],
  ['fec0::/10', 'reserved'], // site-local (deprecated)
  ['ff00::/8', 'multicast'],
];

/** An address as bytes (4 for IPv4, 16 for IPv6) and a prefix length, from CIDR text we write. */
type Prefix = readonly [bytes: Uint8Array, bits: number];

function v4Bytes(text: string): Uint8Array {
  return Uint8Array.from(text.split('.'), Number);
}

function prefix(cidr: string): Prefix {
  const [addr, bits] = cidr.split('/') as [string, string];
  return [addr.includes(':') ? parseIPv6(addr)! : v4Bytes(addr), Number(bits)];
}

/** Whether `bytes` starts with the first `bits` bits of the prefix (same family). */
function within(bytes: Uint8Array, [net, bits]: Prefix): boolean {
  if (bytes.length !== net.length) return false;
  let i = 0;
  for (; bits >= 8; bits -= 8, i++) if (bytes[i] !== net[i]) return false;
  return bits === 0 || ((bytes[i]! ^ net[i]!) & (0xff << (8 - bits)) & 0xff) === 0;
}

const compiledV4: ReadonlyArray<readonly [Prefix, IpScope]> = IPV4_RANGES.map(([c, s]) => [prefix(c), s]);
const compiledV6: ReadonlyArray<readonly [Prefix, IpScope]> = IPV6_RANGES.map(([c, s]) => [prefix(c), s]);

function classify(bytes: Uint8Array, ranges: ReadonlyArray<readonly [Prefix, IpScope]>, otherwise: IpScope): IpScope {
  for (const [range, scope] of ranges) if (within(bytes, range)) return scope;
  return otherwise;
}

const classifyV4 = (bytes: Uint8Array): IpScope => classify(bytes, compiledV4, 'public');
// Outside 2000::/3 and the special blocks: unallocated.
const classifyV6 = (bytes: Uint8Array): IpScope => classify(bytes, compiledV6, 'reserved');

const MAPPED = prefix('::ffff:0:0/96');
const NAT64_WKP = prefix('64:ff9b::/96');
const SIX_TO_FOUR = prefix('2002::/16');
const TEREDO = prefix('2001::/32');

const v4Text = (bytes: ArrayLike<number>): string => Array.from(bytes).join('.');

/** The eight 16-bit groups of an IPv6 address. */
function groups(bytes: Uint8Array): number[] {
  return Array.from({ length: 8 }, (_, i) => (bytes[2 * i]! << 8) | bytes[2 * i + 1]!);
}

/**
 * RFC 5952 section 4: lowercase hex without leading zeros; the longest run of two or more zero
 * groups (the first of equal runs) becomes `::`; a single zero group stays `0`.
 */
function rfc5952(bytes: Uint8Array): string {
  const g = groups(bytes);
  let best = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    let end = i;
    while (end < 8 && g[end] === 0) end++;
    if (end - i > bestLength) [best, bestLength] = [i, end - i];
    i = Math.max(end, i + 1);
  }
  const hex = (from: number, to: number) => g.slice(from, to).map((n) => n.toString(16)).join(':');
  return best < 0 ? hex(0, 8) : `${hex(0, best)}::${hex(best + bestLength, 8)}`;
}

/**
 * The IPv4 address inside a NAT64, 6to4 or Teredo address. Such an address reaches exactly that
 * IPv4 host, so it takes that host's scope: a NAT64 address of 10.0.0.1 is as private as 10.0.0.1
 * (RFC 6052 forbids the well-known prefix for non-global addresses; RFC 3056 and RFC 4380 embed
 * the host's public address). The local-use NAT64 prefix 64:ff9b:1::/48 stays private.
 */
function embeddedV4(bytes: Uint8Array): { kind: EmbeddedIpv4['kind']; v4: Uint8Array } | undefined {
  if (within(bytes, NAT64_WKP)) return { kind: 'nat64', v4: bytes.slice(12) };
  if (within(bytes, SIX_TO_FOUR)) return { kind: '6to4', v4: bytes.slice(2, 6) };
  // Teredo: the client's mapped address is stored with every bit inverted.
  if (within(bytes, TEREDO)) return { kind: 'teredo', v4: bytes.slice(12).map((b) => ~b & 0xff) };
  return undefined;
}

const FOUR_PART_DECIMAL = /^(0|[1-9]\d{0,2})(\.(0|[1-9]\d{0,2})){3}$/;
const DOTTED_LIKE = /^[0-9a-fA-FxX.]+$/;

/** Explain why a string that looks like IPv4 is not canonical four-part decimal. */
function explainIpv4(input: string): IpParseResult {
  const parts = input.split('.');
  if (parts.some((p) => p === '')) {
    return fail(input, 'invalid', { reason: 'empty-part' });
  }
  if (parts.some((p) => /^0[xX]/.test(p))) {
    return fail(input, 'hex', { reason: 'hex' });
  }
  if (parts.some((p) => !/^\d+$/.test(p))) {
    return fail(input, 'invalid', { reason: 'not-an-address' });
  }
  if (parts.length === 1) {
    return fail(input, 'integer', { reason: 'integer' });
  }
  if (parts.length > 4) {
    return fail(input, 'invalid', { reason: 'part-count', parts: parts.length });
  }
  if (parts.length !== 4) {
    return fail(input, 'shorthand', { reason: 'shorthand', parts: parts.length });
  }
  if (parts.some((p) => p.length > 1 && p.startsWith('0'))) {
    return fail(input, 'leading-zero', { reason: 'leading-zero' });
  }
  if (parts.some((p) => Number(p) > 255)) {
    return fail(input, 'octet-range', { reason: 'octet-range' });
  }
  return fail(input, 'invalid', { reason: 'not-an-address' });
}

/** Check the dotted-quad tail of an IPv6 address (`::ffff:1.2.3.4`) as strictly as IPv4. */
function embeddedIpv4Problem(input: string): IpParseResult | undefined {
  const lastColon = input.lastIndexOf(':');
  const tail = input.slice(lastColon + 1);
  if (!tail.includes('.')) return undefined;
  if (FOUR_PART_DECIMAL.test(tail) && tail.split('.').every((p) => Number(p) <= 255)) return undefined;
  const inner = explainIpv4(tail);
  if (inner.ok) return undefined;
  return fail(input, inner.code, { reason: 'ipv4-tail', inner: inner.problem });
}

function formatMapped(v4: string): string {
  return `::ffff:${v4}`;
}

/**
 * Parse an entity IP strictly. Never throws.
 *
 * Accepts canonical dotted-quad IPv4 and every RFC 4291 IPv6 text form. Rejects, with a message:
 * empty input, whitespace, CIDR, zone ids, brackets, leading zeros, `inet_aton` shorthand, hex and
 * integer forms, out-of-range parts and anything else. Callers that accept pasted text trim it first.
 * The result is frozen, and the same object for the same input (it is read once and kept).
 */
export function parseIp(input: string): IpParseResult {
  // Any input is kept by what it is: text by its value, anything else (a caller's mistake) by identity.
  let result = parsed.get(input);
  if (!result) {
    result = freeze(parseText(input));
    // The page, its response actions and its provider each read the same IP on every change.
    if (parsed.size >= 256) parsed.clear();
    parsed.set(input, result);
  }
  return result;
}

/** Results already read, by input (immutable: the same object goes to every caller). */
const parsed = new Map<string, IpParseResult>();

function freeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) freeze(v);
  }
  return value;
}

function parseText(input: string): IpParseResult {
  if (typeof input !== 'string' || input.length === 0) {
    return fail(String(input ?? ''), 'empty', { reason: 'empty' });
  }
  if (/\s/.test(input)) {
    return fail(input, 'whitespace', { reason: 'whitespace' });
  }
  if (input.length > 100) {
    return fail(input, 'invalid', { reason: 'too-long' });
  }
  if (/^[0-9a-fA-F:.]+\/\d{1,3}$/.test(input)) {
    return fail(input, 'cidr', { reason: 'cidr' });
  }
  if (input.startsWith('[') || input.endsWith(']')) {
    return fail(input, 'brackets', { reason: 'brackets' });
  }
  if (input.includes('%')) {
    const zone = input.slice(input.indexOf('%'));
    return fail(input, 'zone-id', { reason: 'zone-id', zone });
  }

  if (!input.includes(':')) {
    if (!DOTTED_LIKE.test(input)) return fail(input, 'invalid', { reason: 'not-an-address' });
    const v4 = v4Bytes(input);
    if (!FOUR_PART_DECIMAL.test(input) || v4.length !== 4 || input.split('.').some((p) => Number(p) > 255)) return explainIpv4(input);
    return { ok: true, ip: { input, canonical: v4Text(v4), version: 4, scope: classifyV4(v4) } };
  }

  const tailProblem = embeddedIpv4Problem(input);
  if (tailProblem) return tailProblem;
  const v6 = /^[0-9a-fA-F:.]+$/.test(input) ? parseIPv6(input) : undefined;
  if (!v6) {
    // The parser reads at most four hex digits a group, as RFC 4291 does; say so when that is why.
    const longGroup = input.split(':').some((g) => !g.includes('.') && g.length > 4 && /^[0-9a-fA-F]+$/.test(g));
    return fail(input, 'invalid-ipv6', { reason: longGroup ? 'ipv6-group' : 'invalid-ipv6' });
  }
  if (within(v6, MAPPED)) {
    const canonical = v4Text(v6.slice(12));
    return { ok: true, ip: { input, canonical, version: 4, scope: classifyV4(v6.slice(12)), mapped: formatMapped(canonical) } };
  }
  const inner = embeddedV4(v6);
  if (inner) {
    return { ok: true, ip: { input, canonical: rfc5952(v6), version: 6, scope: classifyV4(inner.v4), embedded: { kind: inner.kind, ipv4: v4Text(inner.v4) } } };
  }
  return { ok: true, ip: { input, canonical: rfc5952(v6), version: 6, scope: classifyV6(v6) } };
}

/** True when `input` is a valid IP address in a form {@link parseIp} accepts. */
export function isValidIp(input: string): boolean {
  return parseIp(input).ok;
}

/** The canonical text of `input`, or `undefined` when it is not a valid IP address. */
export function canonicalIp(input: string): string | undefined {
  const result = parseIp(input);
  return result.ok ? result.ip.canonical : undefined;
}

/**
 * Whether an address is outside every organization's own network: public addresses, and the
 * documentation blocks (which stand in for public addresses in examples and demos).
 * Private, loopback, link-local, CGNAT, multicast, reserved and unspecified addresses are not.
 */
export function isExternalScope(scope: IpScope): boolean {
  return scope === 'public' || scope === 'documentation';
}

/**
 * The address with every IPv6 group written out (`2001:4860:4860:0:0:0:0:8888`), as Defender for
 * Endpoint's indicators require ("For IPv6 addresses, specify all 8 segments"); IPv4 as it is.
 * Undefined when it is not a valid address.
 */
export function fullIpv6Form(input: string): string | undefined {
  const canonical = canonicalIp(input);
  if (!canonical || !canonical.includes(':')) return canonical;
  return groups(parseIPv6(canonical)!).map((n) => n.toString(16)).join(':');
}
