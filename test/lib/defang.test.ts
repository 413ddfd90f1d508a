import { expect } from '@open-wc/testing';
import { defangIndicator, defangUrl, defangUrlsIn } from '../../src/lib/defang.js';

describe('lib/defang', () => {
  it('defangs a URL’s scheme and host, and leaves its path as it is', () => {
    expect(defangUrl('https://cdn-update.litware.example/x/a.php?y=a.b')).to.equal('hxxps://cdn-update[.]litware[.]example/x/a.php?y=a.b');
    expect(defangUrl('http://203.0.113.7:8080/')).to.equal('hxxp://203[.]0[.]113[.]7:8080/');
    expect(defangUrl('FTP://files.evil.example/a.zip')).to.equal('FxP://files[.]evil[.]example/a.zip');
    expect(defangUrl('not a url')).to.equal('not a url');
  });

  it('defangs indicators: addresses, host names, e-mail addresses; IPv6 has no dots to defang', () => {
    expect(defangIndicator('203.0.113.7')).to.equal('203[.]0[.]113[.]7');
    expect(defangIndicator('vps-7.nwcloud.example')).to.equal('vps-7[.]nwcloud[.]example');
    expect(defangIndicator('ops@evil.example')).to.equal('ops@evil[.]example');
    expect(defangIndicator('2001:db8::1')).to.equal('2001:db8::1');
    expect(defangIndicator('https://a.example/b.c')).to.equal('hxxps://a[.]example/b.c');
  });

  it('defangs the URLs in free text and nothing else (file names stay readable)', () => {
    expect(defangUrlsIn('Beacon to https://c2.evil.example/a.php from powershell.exe')).to.equal('Beacon to hxxps://c2[.]evil[.]example/a.php from powershell.exe');
  });
});
