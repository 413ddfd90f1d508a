/**
 * Putting values into KQL, safely. Every value that goes into a query the providers send is
 * either a canonical IP from `lib/ip` ({@link kqlIp}), a date ({@link kqlDatetime}), a whole
 * number ({@link kqlInt}) or text through {@link kqlString}, the one quoting function: a
 * double-quoted KQL string literal with `\` and `"` escaped and line breaks and tabs written as
 * escapes, so no value can end the literal and continue the query (`"; | … //`). Control
 * characters KQL has no escape for are refused. Nothing is concatenated otherwise.
 */
import { IpDataError } from '../../data/errors.js';
import { canonicalIp } from '../../lib/ip.js';

// C0 controls other than tab, LF and CR (which have escapes), DEL, and the Unicode line and
// paragraph separators: KQL documents no escape for them, so they are refused rather than guessed.
const UNQUOTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u2028\u2029]/;

/** A KQL string literal holding exactly `value`. */
export function kqlString(value: string): string {
  if (typeof value !== 'string') throw new IpDataError('invalid-input', 'A query value must be text.');
  if (UNQUOTABLE.test(value)) throw new IpDataError('invalid-input', 'A query value contains a control character that cannot be put in a query.');
  const body = value.replace(/[\\"\n\r\t]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\${c}`));
  return `"${body}"`;
}

/** The IP as a KQL string literal: canonical, checked (anything else is refused). */
export function kqlIp(ip: string): string {
  const canonical = canonicalIp(typeof ip === 'string' ? ip.trim() : '');
  if (!canonical) throw new IpDataError('invalid-input', `“${String(ip).slice(0, 64)}” is not a valid IP address.`, { reason: { id: 'invalid-ip', input: String(ip).slice(0, 64) } });
  return kqlString(canonical);
}

/**
 * The forms the Device* tables log an address in, as a KQL `dynamic` list for `in (…)`: the
 * canonical IP and, for IPv4, its IPv4-mapped IPv6 form (`::ffff:203.0.113.7`, logged for
 * dual-stack sockets with `RemoteIPType` `FourToSixMapping`).
 */
export function kqlIpForms(ip: string): string {
  const canonical = canonicalIp(typeof ip === 'string' ? ip.trim() : '');
  if (!canonical) throw new IpDataError('invalid-input', `“${String(ip).slice(0, 64)}” is not a valid IP address.`, { reason: { id: 'invalid-ip', input: String(ip).slice(0, 64) } });
  const forms = canonical.includes(':') ? [canonical] : [canonical, `::ffff:${canonical}`];
  return `dynamic([${forms.map(kqlString).join(', ')}])`;
}

/** A KQL `datetime(...)` literal of a date (UTC, ISO 8601). */
export function kqlDatetime(d: Date): string {
  const t = d instanceof Date ? d.getTime() : NaN;
  if (!Number.isFinite(t)) throw new IpDataError('invalid-input', 'A query date is not a valid date.');
  return `datetime(${new Date(t).toISOString()})`;
}

/** A whole number for `take`, `top` and the like. */
export function kqlInt(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new IpDataError('invalid-input', 'A query limit must be a whole number of zero or more.');
  return String(n);
}

/**
 * The first line of every query the providers send, naming it (`// ip-entity-page:devices`): it
 * shows in the tenant's query logs and lets the test mocks recognize each query.
 */
export function marker(name: string): string {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`Bad query marker “${name}”.`);
  return `// ip-entity-page:${name}`;
}

/** The marker name of a query text, if it has one. */
export function markerOf(query: string): string | undefined {
  return /^\s*\/\/ ip-entity-page:([a-z][a-z0-9-]*)\s*$/m.exec(query.split('\n', 1)[0] ?? '')?.[1];
}

/**
 * Text columns a query cuts, by name and most characters kept. Advanced hunting answers up to
 * 100,000 rows and Log Analytics 500,000, while this page reads at most 20 MB of an answer
 * (`http.ts`): a query whose rows carry command lines, paths, URLs or descriptions cuts each to a
 * size that keeps its largest possible answer under that (test/providers/kql-answer-size.test.ts
 * computes it from the analysed columns).
 */
export type Clips = Readonly<Record<string, number>>;

/**
 * The query's last `| extend` before its `top` / `take`: each `cut` column replaced by its first
 * n characters (`substring`), and each `whole` column (lists written as JSON, which a cut would
 * break) kept only when it is at most n characters long as text, else empty (`""` for a string
 * column, `dynamic(null)` for a dynamic one).
 */
export function kqlClipStage(cut: Clips, whole: Readonly<Record<string, { max: number; type: 'string' | 'dynamic' }>> = {}): string {
  const name = (c: string) => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(c)) throw new Error(`Bad column name “${c}”.`);
    return c;
  };
  const parts = [
    ...Object.entries(cut).map(([c, n]) => `${name(c)} = substring(${c}, 0, ${kqlInt(n)})`),
    ...Object.entries(whole).map(([c, w]) => `${name(c)} = iff(strlen(tostring(${c})) <= ${kqlInt(w.max)}, ${c}, ${w.type === 'dynamic' ? 'dynamic(null)' : '""'})`),
  ];
  if (!parts.length) throw new Error('A clip stage cuts at least one column.');
  return `| extend ${parts.join(', ')}`;
}

/** A value cut by {@link kqlClipStage}, with `…` added when it reached the cut (so it may be longer in the table). */
export function clipped(value: string | undefined, max: number): string | undefined {
  return value !== undefined && value.length >= max ? `${value}…` : value;
}
