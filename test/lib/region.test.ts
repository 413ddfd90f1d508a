import { expect } from '@open-wc/testing';
import { region } from '../../src/lib/region.js';
import { regionText } from '../../src/lib/region-text.js';

describe('region: countries by name in the page’s language, with their code', () => {
  it('names a code in English, German and Arabic, keeping the code', () => {
    expect(regionText({ code: 'SG' }, 'en-US')).to.equal('Singapore (SG)');
    expect(regionText({ code: 'SG' }, 'de-DE')).to.equal('Singapur (SG)');
    expect(regionText({ code: 'de' }, 'en-US'), 'a lower-case code').to.equal('Germany (DE)');
    const arabic = region({ code: 'EG' }, 'ar');
    expect(arabic.code).to.equal('EG');
    expect(arabic.name).to.match(/[\u0600-\u06FF]/);
  });

  it('takes a two-letter name as the code it is (Defender’s and Graph’s countryOrRegion)', () => {
    expect(region({ name: 'SG' }, 'de-DE')).to.deep.equal({ name: 'Singapur', code: 'SG' });
  });

  it('finds the code of an English name (Sentinel’s geodata), so it reads in German too', () => {
    expect(regionText({ name: 'Singapore' }, 'de-DE')).to.equal('Singapur (SG)');
    expect(regionText({ name: 'germany' }, 'en-US')).to.equal('Germany (DE)');
    expect(regionText({ name: 'Netherlands', code: 'NL' }, 'de')).to.equal('Niederlande (NL)');
  });

  it('keeps what it cannot place as the source wrote it, without a code', () => {
    expect(region({ name: 'Atlantis' }, 'en')).to.deep.equal({ name: 'Atlantis' });
    expect(region({ name: 'Atlantis', code: 'Q1' }, 'en'), 'a code that is no code').to.deep.equal({ name: 'Atlantis' });
    expect(region({ code: '<b>' }, 'en')).to.deep.equal({ name: '<b>' });
    expect(region({}, 'en')).to.deep.equal({ name: undefined });
    expect(regionText({ name: '  ' }, 'en')).to.equal(undefined);
  });

  it('falls back to English names for a language the browser does not know', () => {
    expect(regionText({ code: 'SG' }, 'x-klingon')).to.match(/\(SG\)$/);
  });
});
