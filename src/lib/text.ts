/**
 * Invisible characters made visible. A file name `evil\u202Egpj.exe` shows as `evilgpj.exe`
 * reversed into `evilexe.jpg`: the right-to-left override turns the rest of the line around. In
 * command lines, file names, titles and paths, every bidirectional control, zero-width character
 * and C0/C1 control is shown as a visible mark instead, so what the analyst reads is what is
 * there. The exact value is kept for copying.
 */

/** Names of the characters that are shown as marks. */
const NAMED: Readonly<Record<number, readonly [short: string, name: string]>> = {
  0x00ad: ['SHY', 'Soft hyphen'],
  0x034f: ['CGJ', 'Combining grapheme joiner'],
  0x061c: ['ALM', 'Arabic letter mark'],
  0x115f: ['HCF', 'Hangul choseong filler'],
  0x1160: ['HJF', 'Hangul jungseong filler'],
  0x180e: ['MVS', 'Mongolian vowel separator'],
  0x200b: ['ZWSP', 'Zero-width space'],
  0x200c: ['ZWNJ', 'Zero-width non-joiner'],
  0x200d: ['ZWJ', 'Zero-width joiner'],
  0x200e: ['LRM', 'Left-to-right mark'],
  0x200f: ['RLM', 'Right-to-left mark'],
  0x2028: ['LS', 'Line separator'],
  0x2029: ['PS', 'Paragraph separator'],
  0x202a: ['LRE', 'Left-to-right embedding'],
  0x202b: ['RLE', 'Right-to-left embedding'],
  0x202c: ['PDF', 'Pop directional formatting'],
  0x202d: ['LRO', 'Left-to-right override'],
  0x202e: ['RLO', 'Right-to-left override'],
  0x2060: ['WJ', 'Word joiner'],
  0x2061: ['FA', 'Function application'],
  0x2062: ['IT', 'Invisible times'],
  0x2063: ['IS', 'Invisible separator'],
  0x2064: ['IP', 'Invisible plus'],
  0x2066: ['LRI', 'Left-to-right isolate'],
  0x2067: ['RLI', 'Right-to-left isolate'],
  0x2068: ['FSI', 'First strong isolate'],
  0x2069: ['PDI', 'Pop directional isolate'],
  0x206a: ['ISS', 'Inhibit symmetric swapping'],
  0x206b: ['ASS', 'Activate symmetric swapping'],
  0x206c: ['IAFS', 'Inhibit Arabic form shaping'],
  0x206d: ['AAFS', 'Activate Arabic form shaping'],
  0x206e: ['NADS', 'National digit shapes'],
  0x206f: ['NODS', 'Nominal digit shapes'],
  0x3164: ['HF', 'Hangul filler'],
  0xfeff: ['BOM', 'Zero-width no-break space'],
  0xffa0: ['HWHF', 'Halfwidth Hangul filler'],
  0xfff9: ['IAA', 'Interlinear annotation anchor'],
  0xfffa: ['IAS', 'Interlinear annotation separator'],
  0xfffb: ['IAT', 'Interlinear annotation terminator'],
};

/**
 * Every character shown as a mark: C0 (but tab and, where asked, line breaks), DEL, C1, the
 * named ones above (bidirectional controls, zero-width and invisible formatting characters,
 * fillers that render as nothing), and the tag characters U+E0000–U+E007F, which render as
 * nothing and can carry hidden text. The joiners are marked except where writing needs them
 * (see {@link isWritingJoiner}).
 */
const CLASS = '\\u00ad\\u034f\\u061c\\u115f\\u1160\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u2064\\u2066-\\u206f\\u3164\\ufeff\\uffa0\\ufff9-\\ufffb\\u{e0000}-\\u{e007f}';
const HIDDEN_ALL = new RegExp(`[\\u0000-\\u0008\\u000a-\\u001f\\u007f-\\u009f${CLASS}]`, 'gu');
/** The fast test: most text has none of them (a grid cell's text is checked on every render). */
const ANY_HIDDEN = new RegExp(`[\\u0000-\\u0008\\u000a-\\u001f\\u007f-\\u009f${CLASS}]`, 'u');
const HIDDEN_NO_NEWLINES = new RegExp(`[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f${CLASS}]`, 'gu');

/** A letter (with its combining marks) of a script other than Latin: where a joiner can be writing. */
const LETTER_BEFORE = /[^\P{L}\p{sc=Latn}]\p{M}*$/u;
const LETTER_AFTER = /^[^\P{L}\p{sc=Latn}]/u;
const EMOJI_BEFORE = /\p{Extended_Pictographic}[\u{1f3fb}-\u{1f3ff}\ufe0f]*$/u;
const EMOJI_AFTER = /^\p{Extended_Pictographic}/u;

/**
 * Whether the joiner at `index` is one writing needs: ZWNJ or ZWJ between letters of the scripts
 * that use them (Persian می‌خواهم, Indic conjuncts: any script but Latin), or ZWJ inside an emoji
 * sequence (👩‍💻). Anywhere else (`pay\u200Cpal`) a joiner only hides something, and is marked.
 */
function isWritingJoiner(text: string, index: number): boolean {
  const c = text.charCodeAt(index);
  if (c !== 0x200c && c !== 0x200d) return false;
  const before = text.slice(Math.max(0, index - 8), index);
  const after = text.slice(index + 1, index + 3);
  if (LETTER_BEFORE.test(before) && LETTER_AFTER.test(after)) return true;
  return c === 0x200d && EMOJI_BEFORE.test(before) && EMOJI_AFTER.test(after);
}

/** Each character of `text` that is shown as a mark, with where it is. */
function* hidden(text: string, keepNewlines = false): Generator<{ index: number; char: string }> {
  const pattern = keepNewlines ? HIDDEN_NO_NEWLINES : HIDDEN_ALL;
  for (const m of text.matchAll(pattern)) if (!isWritingJoiner(text, m.index)) yield { index: m.index, char: m[0] };
}

export interface ControlMark {
  /** The character itself. */
  char: string;
  /** Short visible form, e.g. `RLO` or `U+0007`. */
  short: string;
  /** What it is, e.g. `Right-to-left override (U+202E)`. */
  name: string;
}

function code(c: number): string {
  return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** What a hidden character is. */
export function describeControl(char: string): ControlMark {
  const c = char.codePointAt(0)!;
  const named = NAMED[c];
  if (named) return { char, short: named[0], name: `${named[1]} (${code(c)})` };
  if (c >= 0xe0000 && c <= 0xe007f) return { char, short: code(c), name: `Tag character ${code(c)}` };
  return { char, short: code(c), name: `Control character ${code(c)}` };
}

/** Whether the text holds a character {@link revealControls} would mark. */
export function hasHiddenCharacters(text: string): boolean {
  return ANY_HIDDEN.test(text) && !hidden(text).next().done;
}

/**
 * The text with each hidden character replaced by a visible mark (`⟦RLO⟧`), for places that
 * take plain text only (a `title` attribute, a canvas label, an export meant for reading).
 * `keepNewlines` leaves line breaks as they are (multi-line descriptions).
 */
export function revealControls(text: string, options: { keepNewlines?: boolean } = {}): string {
  const parts = splitControls(text, options);
  if (parts.length === 1 && typeof parts[0] === 'string') return parts[0];
  return parts.map((p) => (typeof p === 'string' ? p : `⟦${p.short}⟧`)).join('');
}

/** The text split into plain runs and marks, for templates that style the marks. */
export function splitControls(text: string, options: { keepNewlines?: boolean } = {}): Array<string | ControlMark> {
  if (!ANY_HIDDEN.test(text)) return [text];
  const out: Array<string | ControlMark> = [];
  let last = 0;
  for (const { index, char } of hidden(text, options.keepNewlines)) {
    if (index > last) out.push(text.slice(last, index));
    out.push(describeControl(char));
    last = index + char.length;
  }
  if (last === 0) return [text];
  if (last < text.length) out.push(text.slice(last));
  return out;
}
