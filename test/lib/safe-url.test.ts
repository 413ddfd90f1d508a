import { expect } from '@open-wc/testing';
import { isSafeHref, safeHref } from '../../src/lib/safe-url.js';

const BASE = 'https://portal.example.com/ip/203.0.113.7';

describe('lib/safe-url', () => {
  it('keeps absolute http and https URLs, normalized', () => {
    expect(safeHref('https://www.virustotal.com/gui/search/203.0.113.7', BASE)).to.equal('https://www.virustotal.com/gui/search/203.0.113.7');
    expect(safeHref('http://example.net/a b'.replace(' ', '%20'), BASE)).to.equal('http://example.net/a%20b');
    expect(safeHref('HTTPS://Example.NET/Path', BASE)).to.equal('https://example.net/Path');
    expect(safeHref('https://example.net/?a=1&b=2', BASE)).to.equal('https://example.net/?a=1&b=2');
  });

  it('keeps same-origin relative links, resolved against the page', () => {
    expect(safeHref('/devices/42', BASE)).to.equal('https://portal.example.com/devices/42');
    expect(safeHref('details?id=1', BASE)).to.equal('https://portal.example.com/ip/details?id=1');
    expect(safeHref('#alerts', BASE)).to.equal('https://portal.example.com/ip/203.0.113.7#alerts');
  });

  const refused = [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    ' javascript:alert(1)',
    '\u0000javascript:alert(1)',
    'javascript&colon;alert(1)',
    '&#106;avascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.net/file',
    '//evil.example/phish',
    '\\\\evil.example\\share',
    '/\\evil.example',
    'https://user:pass@example.net/',
    'https://',
    '',
    'https://example.net/\u2028',
  ];
  for (const url of refused) {
    it(`refuses ${JSON.stringify(url)}`, () => {
      expect(safeHref(url, BASE)).to.equal(undefined);
      expect(isSafeHref(url, BASE)).to.equal(false);
    });
  }

  it('refuses non-strings and huge values', () => {
    expect(safeHref(undefined, BASE)).to.equal(undefined);
    expect(safeHref({ toString: () => 'https://example.net' }, BASE)).to.equal(undefined);
    expect(safeHref(`https://example.net/${'a'.repeat(5000)}`, BASE)).to.equal(undefined);
  });

  it('resolves relative links against location by default', () => {
    expect(safeHref('/x')).to.equal(new URL('/x', location.href).href);
  });

  it('refuses relative links when there is no base', () => {
    expect(safeHref('/x', null)).to.equal(undefined);
    expect(safeHref('https://example.net/x', null)).to.equal('https://example.net/x');
  });
});
