/**
 * Invisible characters made visible. A file name `evil\u202Egpj.exe` shows as `evilgpj.exe`
 * reversed into `evilexe.jpg`: the right-to-left override turns the rest of the line around. In
 * command lines, file names, titles and paths, every bidirectional control, zero-width character
 * and C0/C1 control is shown as a visible mark instead, so what the analyst reads is what is
 * there. The exact value is kept for copying.
 */

/** Names of the characters that are shown as marks. */
const NAMED: Readonly<Record<number, readonly [short: string, name: string]>> = {
  0x061c: ['ALM', 'Arabic letter mark'],
  0x200b: ['ZWSP', 'Zero-width space'],
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
  0x2066: ['LRI', 'Left-to-right isolate'],
  0x2067: ['RLI', 'Right-to-left isolate'],
  0x2068: ['FSI', 'First strong isolate'],
  0x2069: ['PDI', 'Pop directional isolate'],
  0xfeff: ['BOM', 'Zero-width no-break space'],
};

// C0 (but tab), DEL, C1, and the named ones above.
const HIDDEN = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;
const HIDDEN_ALL = new RegExp(HIDDEN.source, 'g');
const HIDDEN_NO_NEWLINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

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
  return { char, short: code(c), name: `Control character ${code(c)}` };
}

/** Whether the text holds a character {@link revealControls} would mark. */
export function hasHiddenCharacters(text: string): boolean {
  return HIDDEN.test(text);
}

/**
 * The text with each hidden character replaced by a visible mark (`⟦RLO⟧`), for places that
 * take plain text only (a `title` attribute, an export meant for reading). `keepNewlines` leaves
 * line breaks as they are (multi-line descriptions).
 */
export function revealControls(text: string, options: { keepNewlines?: boolean } = {}): string {
  if (!HIDDEN.test(text)) return text;
  return text.replace(options.keepNewlines ? HIDDEN_NO_NEWLINES : HIDDEN_ALL, (ch) => `⟦${describeControl(ch).short}⟧`);
}

/** The text split into plain runs and marks, for templates that style the marks. */
export function splitControls(text: string, options: { keepNewlines?: boolean } = {}): Array<string | ControlMark> {
  if (!HIDDEN.test(text)) return [text];
  const pattern = options.keepNewlines ? HIDDEN_NO_NEWLINES : HIDDEN_ALL;
  const out: Array<string | ControlMark> = [];
  let last = 0;
  for (const m of text.matchAll(new RegExp(pattern.source, 'g'))) {
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push(describeControl(m[0]));
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}
