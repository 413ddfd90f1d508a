import { expect } from '@open-wc/testing';
import { canonicalIp, fullIpv6Form, isExternalScope, isValidIp, parseIp, type IpErrorCode, type IpScope } from '../../src/lib/ip.js';
import { ipProblemText } from '../../src/components/shared/ip-problem.js';

type Valid = [input: string, canonical: string, scope: IpScope, version?: 4 | 6];

const VALID: Valid[] = [
  // IPv4, canonical dotted quad
  ['8.8.8.8', '8.8.8.8', 'public'],
  ['1.1.1.1', '1.1.1.1', 'public'],
  ['0.0.0.0', '0.0.0.0', 'unspecified'],
  ['0.1.2.3', '0.1.2.3', 'reserved'],
  ['10.0.0.1', '10.0.0.1', 'private'],
  ['10.255.255.255', '10.255.255.255', 'private'],
  ['172.16.0.1', '172.16.0.1', 'private'],
  ['172.31.255.254', '172.31.255.254', 'private'],
  ['172.32.0.1', '172.32.0.1', 'public'],
  ['192.168.1.1', '192.168.1.1', 'private'],
  ['127.0.0.1', '127.0.0.1', 'loopback'],
  ['127.255.255.254', '127.255.255.254', 'loopback'],
  ['169.254.10.20', '169.254.10.20', 'link-local'],
  ['100.64.0.1', '100.64.0.1', 'cgnat'],
  ['100.127.255.255', '100.127.255.255', 'cgnat'],
  ['100.128.0.1', '100.128.0.1', 'public'],
  ['192.0.2.1', '192.0.2.1', 'documentation'],
  ['198.51.100.23', '198.51.100.23', 'documentation'],
  ['203.0.113.7', '203.0.113.7', 'documentation'],
  ['192.0.0.8', '192.0.0.8', 'reserved'],
  ['198.18.0.1', '198.18.0.1', 'reserved'],
  ['224.0.0.251', '224.0.0.251', 'multicast'],
  ['239.255.255.250', '239.255.255.250', 'multicast'],
  ['240.0.0.1', '240.0.0.1', 'reserved'],
  ['255.255.255.255', '255.255.255.255', 'reserved'],
  // IPv6, every RFC 4291 text form → RFC 5952
  ['2001:db8::1', '2001:db8::1', 'documentation', 6],
  ['2001:DB8::1', '2001:db8::1', 'documentation', 6],
  ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1', 'documentation', 6],
  ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1', 'documentation', 6],
  ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1', 'documentation', 6],
  ['2001:db8:0:0:1:0:0:0', '2001:db8:0:0:1::', 'documentation', 6], // the longer run, not the first
  ['2001:db8:ABCD:0:0:0:0:FFFF', '2001:db8:abcd::ffff', 'documentation', 6],
  ['1:0:0:0:0:0:0:0', '1::', 'reserved', 6],
  ['2606:4700:0:0:0:0:0:1111', '2606:4700::1111', 'public', 6],
  ['2001:db8:85a3::8a2e:370:7334', '2001:db8:85a3::8a2e:370:7334', 'documentation', 6],
  ['2606:4700:4700::1111', '2606:4700:4700::1111', 'public', 6],
  ['2a00:1450:4001:80b::200e', '2a00:1450:4001:80b::200e', 'public', 6],
  ['::1', '::1', 'loopback', 6],
  ['0:0:0:0:0:0:0:1', '::1', 'loopback', 6],
  ['000:0:0000::01', '::1', 'loopback', 6],
  ['::', '::', 'unspecified', 6],
  ['fe80::1', 'fe80::1', 'link-local', 6],
  ['fd12:3456:789a::1', 'fd12:3456:789a::1', 'private', 6],
  ['fc00::1', 'fc00::1', 'private', 6],
  ['ff02::1', 'ff02::1', 'multicast', 6],
  ['3fff::1', '3fff::1', 'documentation', 6],
  // IPv4 inside IPv6 (NAT64, 6to4, Teredo): the scope of the IPv4 address inside
  ['64:ff9b::c000:221', '64:ff9b::c000:221', 'documentation', 6], // 192.0.2.33
  ['64:ff9b::808:808', '64:ff9b::808:808', 'public', 6], // 8.8.8.8
  ['64:ff9b::a00:1', '64:ff9b::a00:1', 'private', 6], // 10.0.0.1
  ['64:ff9b::10.0.0.1', '64:ff9b::a00:1', 'private', 6],
  ['2002:808:808::1', '2002:808:808::1', 'public', 6], // 6to4 of 8.8.8.8
  ['2002:c0a8:101::1', '2002:c0a8:101::1', 'private', 6], // 6to4 of 192.168.1.1
  ['2001:0:4136:e378:8000:63bf:f7f7:f7f7', '2001:0:4136:e378:8000:63bf:f7f7:f7f7', 'public', 6], // Teredo client 8.8.8.8
  ['2001:0:4136:e378:8000:63bf:f5ff:fffe', '2001:0:4136:e378:8000:63bf:f5ff:fffe', 'private', 6], // Teredo client 10.0.0.1
  ['100::1', '100::1', 'reserved', 6],
  ['fec0::1', 'fec0::1', 'reserved', 6],
  ['::a00:1', '::a00:1', 'reserved', 6],
  ['2001:db8::192.0.2.33', '2001:db8::c000:221', 'documentation', 6],
  // IPv4-mapped IPv6 → the IPv4 address, classified as IPv4
  ['::ffff:203.0.113.7', '203.0.113.7', 'documentation', 4],
  ['::fFFf:127.0.0.1', '127.0.0.1', 'loopback', 4],
  ['::ffff:7f00:1', '127.0.0.1', 'loopback', 4],
  ['::ffff:10.1.2.3', '10.1.2.3', 'private', 4],
  ['0:0:0:0:0:ffff:808:808', '8.8.8.8', 'public', 4],
];

type Invalid = [input: string, code: IpErrorCode];

const INVALID: Invalid[] = [
  ['', 'empty'],
  [' 8.8.8.8', 'whitespace'],
  ['8.8.8.8 ', 'whitespace'],
  ['8.8. 8.8', 'whitespace'],
  ['10.0.0.0/8', 'cidr'],
  ['2001:db8::/32', 'cidr'],
  ['192.168.1.5/24', 'cidr'],
  ['fe80::1%eth0', 'zone-id'],
  ['fe80::1%25eth0', 'zone-id'],
  ['[2001:db8::1]', 'brackets'],
  // inet_aton forms and the `ip` package bypasses (CVE-2023-42282, CVE-2024-29415)
  ['127.1', 'shorthand'],
  ['10.1', 'shorthand'],
  ['127.0.1', 'shorthand'],
  ['0x7f.0.0.1', 'hex'],
  ['0x7f.1', 'hex'],
  ['0X7F.0.0.1', 'hex'],
  ['0177.0.0.1', 'leading-zero'],
  ['012.1.2.3', 'leading-zero'],
  ['1.2.3.04', 'leading-zero'],
  ['00.0.0.0', 'leading-zero'],
  ['2130706433', 'integer'],
  ['017700000001', 'integer'],
  ['01200034567', 'integer'],
  ['0', 'integer'],
  ['256.1.1.1', 'octet-range'],
  ['1.2.3.999', 'octet-range'],
  ['1.2.3.4.5', 'invalid'],
  ['1..2.3', 'invalid'],
  ['1.2.3.', 'invalid'],
  ['abc', 'invalid'],
  ['localhost', 'invalid'],
  ['example.com', 'invalid'],
  ['<script>alert(1)</script>', 'invalid'],
  ['javascript:alert(1)', 'invalid-ipv6'],
  ['2001:db8:::1', 'invalid-ipv6'],
  ['2001:db8::1::1', 'invalid-ipv6'],
  ['12345::1', 'invalid-ipv6'],
  ['2001:db8:0:0:0:0:0:0:1', 'invalid-ipv6'],
  ['gggg::1', 'invalid-ipv6'],
  ['::ffff:127.1', 'shorthand'],
  ['::ffff:0177.0.0.1', 'leading-zero'],
  ['::ffff:256.0.0.1', 'octet-range'],
];

describe('lib/ip parseIp', () => {
  it('has at least 60 vectors', () => {
    expect(VALID.length + INVALID.length).to.be.at.least(60);
  });

  for (const [input, canonical, scope, version] of VALID) {
    it(`accepts ${JSON.stringify(input)} as ${canonical} (${scope})`, () => {
      const r = parseIp(input);
      if (!r.ok) throw new Error(`rejected: ${ipProblemText(r)}`);
      expect(r.ip.canonical).to.equal(canonical);
      expect(r.ip.scope).to.equal(scope);
      expect(r.ip.version).to.equal(version ?? (canonical.includes(':') ? 6 : 4));
      expect(r.ip.input).to.equal(input);
    });
  }

  for (const [input, code] of INVALID) {
    it(`rejects ${JSON.stringify(input)} (${code}) with a message that quotes it`, () => {
      const r = parseIp(input);
      if (r.ok) throw new Error(`accepted as ${r.ip.canonical}`);
      expect(r.code).to.equal(code);
      expect(ipProblemText(r)).to.be.a('string').and.not.empty;
      if (input) expect(ipProblemText(r)).to.contain(`“${input.length > 64 ? input.slice(0, 64) : input}`);
    });
  }

  it('names the IPv4 address inside NAT64, 6to4 and Teredo addresses', () => {
    const at = (text: string) => (parseIp(text) as { ip: { embedded?: unknown } }).ip.embedded;
    expect(at('64:ff9b::808:808')).to.deep.equal({ kind: 'nat64', ipv4: '8.8.8.8' });
    expect(at('2002:c0a8:101::1')).to.deep.equal({ kind: '6to4', ipv4: '192.168.1.1' });
    expect(at('2001:0:4136:e378:8000:63bf:f7f7:f7f7')).to.deep.equal({ kind: 'teredo', ipv4: '8.8.8.8' });
    expect(at('2001:db8::1')).to.equal(undefined);
    expect(at('64:ff9b:1::a00:1')).to.equal(undefined);
  });

  it('keeps both forms of an IPv4-mapped address', () => {
    const r = parseIp('::ffff:203.0.113.7');
    expect(r.ok && r.ip.mapped).to.equal('::ffff:203.0.113.7');
    const plain = parseIp('203.0.113.7');
    expect(plain.ok && plain.ip.mapped).to.equal(undefined);
  });

  it('never misclassifies the ip-package bypass strings as public', () => {
    for (const s of ['127.1', '0x7f.1', '017700000001', '012.1.2.3', '000:0:0000::01', '::fFFf:127.0.0.1', '::ffff:7f00:1', '0', '01200034567']) {
      const r = parseIp(s);
      expect(r.ok ? r.ip.scope : 'rejected', s).to.not.equal('public');
    }
  });

  it('explains leading zeros without guessing what was meant', () => {
    const r = parseIp('012.1.2.3');
    expect(!r.ok && ipProblemText(r)).to.match(/leading zero/i);
    expect(!r.ok && ipProblemText(r)).to.not.contain('10.1.2.3');
    expect(!r.ok && ipProblemText(r)).to.not.contain('12.1.2.3 ');
  });

  it('truncates a huge paste in the message', () => {
    const huge = 'a'.repeat(5000);
    const r = parseIp(huge);
    expect(r.ok).to.equal(false);
    expect(!r.ok && ipProblemText(r).length).to.be.below(300);
  });

  it('does not throw on non-string input', () => {
    expect(parseIp(undefined as unknown as string).ok).to.equal(false);
    expect(parseIp(42 as unknown as string).ok).to.equal(false);
  });

  it('gives every caller the same answer: one a caller cannot change for the next', () => {
    const first = parseIp('2001:db8::5');
    expect(first.ok && first.ip.canonical).to.equal('2001:db8::5');
    expect(() => ((first as { ok: boolean }).ok = false), 'the result').to.throw(TypeError);
    expect(() => first.ok && ((first.ip as { canonical: string }).canonical = 'x'), 'the address').to.throw(TypeError);
    const again = parseIp('2001:db8::5');
    expect(again.ok && again.ip.canonical).to.equal('2001:db8::5');
    const bad = parseIp('10.0.0.1/8');
    expect(() => !bad.ok && ((bad.problem as { reason: string }).reason = 'empty'), 'a problem').to.throw(TypeError);
    expect(Object.isFrozen(parseIp(42 as unknown as string))).to.equal(true);
  });

  it('says when an IPv6 group has more than four hex digits', () => {
    const r = parseIp('2001:db8::12345');
    expect(!r.ok && r.problem).to.deep.equal({ reason: 'ipv6-group' });
  });

  it('writes every IPv6 group out for the services that want all eight', () => {
    expect(fullIpv6Form('2001:4860:4860::8888')).to.equal('2001:4860:4860:0:0:0:0:8888');
    expect(fullIpv6Form('::1')).to.equal('0:0:0:0:0:0:0:1');
    expect(fullIpv6Form('::ffff:8.8.8.8')).to.equal('8.8.8.8');
    expect(fullIpv6Form('203.0.113.7')).to.equal('203.0.113.7');
    expect(fullIpv6Form('nope')).to.equal(undefined);
  });

  it('helpers agree with parseIp', () => {
    expect(isValidIp('8.8.8.8')).to.equal(true);
    expect(isValidIp('8.8.8')).to.equal(false);
    expect(canonicalIp('2001:0DB8::0001')).to.equal('2001:db8::1');
    expect(canonicalIp('nope')).to.equal(undefined);
  });

  it('treats public and documentation addresses as external, internal ranges not', () => {
    expect(isExternalScope('public')).to.equal(true);
    expect(isExternalScope('documentation')).to.equal(true);
    for (const s of ['private', 'loopback', 'link-local', 'cgnat', 'multicast', 'reserved', 'unspecified'] as const) {
      expect(isExternalScope(s), s).to.equal(false);
    }
  });
});
