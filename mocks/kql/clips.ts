/**
 * The cuts a query makes to its text columns in its last stage, read as KQL reads them:
 * `X = substring(X, 0, n)` keeps the first n characters; `X = iff(strlen(tostring(X)) <= n, X, "")`
 * (or `dynamic(null)`) keeps a value of at most n characters and empties a longer one. Only a
 * stage after which the query merely orders and limits its rows (`order by`, `sort by`, `top`,
 * `take`, `limit`) counts: a cut made earlier can be undone by a later stage. The mocks apply the
 * cuts to what they answer, as the service would; the answer-size test reads the bounds.
 */

export interface Clip {
  max: number;
  /** Kept whole or emptied (lists written as JSON), rather than cut. */
  whole: boolean;
}

const TAIL = /^\|\s*(order by|sort by|top|take|limit)\b/;

/** Splits `a, b(c, d), e` at its top-level commas. */
function topLevel(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(list.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(list.slice(start).trim());
  return parts;
}

/** The cuts of the query's final `| extend` (see above), by column. */
export function finalClips(query: string): Map<string, Clip> {
  const clips = new Map<string, Clip>();
  const lines = query.split('\n').map((l) => l.trim());
  let i = lines.length - 1;
  while (i >= 0 && TAIL.test(lines[i]!)) i--;
  const stage = /^\|\s*extend\s+(.*)$/.exec(lines[i] ?? '');
  if (!stage) return clips;
  for (const part of topLevel(stage[1]!)) {
    const cut = /^(\w+) = substring\((\w+), 0, (\d+)\)$/.exec(part);
    if (cut && cut[1] === cut[2]) clips.set(cut[1]!, { max: Number(cut[3]), whole: false });
    const whole = /^(\w+) = iff\(strlen\(tostring\((\w+)\)\) <= (\d+), (\w+), (?:""|dynamic\(null\))\)$/.exec(part);
    if (whole && whole[1] === whole[2] && whole[1] === whole[4]) clips.set(whole[1]!, { max: Number(whole[3]), whole: true });
  }
  return clips;
}

/**
 * Rows as the service answers them after the query's last stages: its final cuts, then a last
 * `| top N by Column [asc|desc]` (sorted, descending unless asked, nulls last) or `| take N`.
 */
export function applyTail<R extends Readonly<Record<string, unknown>>>(query: string, rows: readonly R[]): R[] {
  const out = applyClips(query, rows);
  const last = query.trim().split('\n').at(-1)!.trim();
  const top = /^\|\s*top\s+(\d+)\s+by\s+(\w+)(?:\s+(asc|desc))?$/.exec(last);
  if (top) {
    const [, n, column, order] = top;
    const sign = order === 'asc' ? 1 : -1;
    const key = (r: R) => r[column!] as string | number | null | undefined;
    out.sort((a, b) => {
      const x = key(a);
      const y = key(b);
      if (x === y) return 0;
      if (x === null || x === undefined) return 1;
      if (y === null || y === undefined) return -1;
      return (x < y ? -1 : 1) * sign;
    });
    return out.slice(0, Number(n));
  }
  const take = /^\|\s*(?:take|limit)\s+(\d+)$/.exec(last);
  return take ? out.slice(0, Number(take[1])) : out;
}

/** Rows as the service answers them after the query's final cuts. */
export function applyClips<R extends Readonly<Record<string, unknown>>>(query: string, rows: readonly R[]): R[] {
  const clips = finalClips(query);
  if (!clips.size) return [...rows];
  return rows.map((row) => {
    const out: Record<string, unknown> = { ...row };
    for (const [column, clip] of clips) {
      const value = out[column];
      if (value === null || value === undefined) continue;
      const asText = typeof value === 'string' ? value : JSON.stringify(value);
      // KQL counts characters as .NET does (UTF-16 code units), as String.prototype.length does.
      if (clip.whole) out[column] = asText.length <= clip.max ? value : typeof value === 'string' ? '' : null;
      else out[column] = asText.slice(0, clip.max);
    }
    return out as R;
  });
}
