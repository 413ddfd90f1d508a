import { expect } from '@open-wc/testing';
import { describeControl, hasHiddenCharacters, revealControls, splitControls } from '../../src/lib/text.js';

describe('lib/text', () => {
  it('shows a right-to-left override as a mark, so a file name cannot pose as an image', () => {
    const name = 'evil\u202Egpj.exe';
    expect(hasHiddenCharacters(name)).to.equal(true);
    expect(revealControls(name)).to.equal('evil⟦RLO⟧gpj.exe');
    expect(splitControls(name)).to.deep.equal(['evil', { char: '\u202E', short: 'RLO', name: 'Right-to-left override (U+202E)' }, 'gpj.exe']);
  });

  it('marks every bidi control, zero-width and control character, and leaves real text alone', () => {
    for (const c of ['\u202A', '\u202B', '\u202C', '\u202D', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C', '\u200B', '\uFEFF', '\u0000', '\u0007', '\u001B', '\u0085']) {
      expect(hasHiddenCharacters(`a${c}b`), `U+${c.codePointAt(0)!.toString(16)}`).to.equal(true);
    }
    expect(describeControl('\u0007').short).to.equal('U+0007');
    for (const text of ['C:\\Windows\\System32\\cmd.exe /c "whoami"', 'שלום עולם', 'مرحبا', '東京', 'tab\tseparated', '👩‍💻']) {
      expect(revealControls(text)).to.equal(text);
    }
  });

  it('keeps line breaks when asked (multi-line descriptions)', () => {
    expect(revealControls('one\ntwo')).to.equal('one⟦U+000A⟧two');
    expect(revealControls('one\ntwo\u202E', { keepNewlines: true })).to.equal('one\ntwo⟦RLO⟧');
  });
});
