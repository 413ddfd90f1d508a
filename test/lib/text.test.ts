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

  it('marks the invisible characters that were missing: soft hyphen, joiners, invisible operators, fillers, tags', () => {
    const cases: Array<[string, string]> = [
      ['\u00AD', 'SHY'], ['\u200C', 'ZWNJ'], ['\u200D', 'ZWJ'], ['\u2061', 'FA'], ['\u2062', 'IT'], ['\u2063', 'IS'], ['\u2064', 'IP'],
      ['\u206A', 'ISS'], ['\u206F', 'NODS'], ['\uFFF9', 'IAA'], ['\uFFFB', 'IAT'], ['\u180E', 'MVS'], ['\u3164', 'HF'], ['\u034F', 'CGJ'],
      ['\u{E0041}', 'U+E0041'], ['\u{E0000}', 'U+E0000'], ['\u{E007F}', 'U+E007F'],
    ];
    for (const [c, short] of cases) {
      expect(revealControls(`pay${c}pal`), short).to.equal(`pay⟦${short}⟧pal`);
      expect(hasHiddenCharacters(`pay${c}pal`), short).to.equal(true);
    }
    // Text hidden in tag characters shows as marks, one per character, never as nothing.
    expect(revealControls('ok\u{E0068}\u{E0069}')).to.equal('ok⟦U+E0068⟧⟦U+E0069⟧');
    expect(describeControl('\u{E0068}').name).to.equal('Tag character U+E0068');
    // Where writing needs a joiner it stays: Persian, an Indic conjunct, an emoji sequence.
    for (const text of ['می\u200Cخواهم', 'क्\u200Dष', '👩\u200D💻', '👍🏽\u200D']) expect(revealControls(text), text).to.equal(text.endsWith('\u200D') && text.startsWith('👍') ? '👍🏽⟦ZWJ⟧' : text);
    expect(revealControls('a\u200Dم')).to.equal('a⟦ZWJ⟧م');
  });

  it('keeps line breaks when asked (multi-line descriptions)', () => {
    expect(revealControls('one\ntwo')).to.equal('one⟦U+000A⟧two');
    expect(revealControls('one\ntwo\u202E', { keepNewlines: true })).to.equal('one\ntwo⟦RLO⟧');
  });
});
