/**
 * A Graph object read field by field: only the properties Microsoft's published types
 * (`@microsoft/microsoft-graph-types`, a dev dependency: types only, nothing at run time) name can
 * be read, so a property Graph renamed or never had fails the typecheck; each value stays
 * `unknown` until checked, as an answer may hold anything.
 */
export type Fields<T> = { readonly [K in keyof T]-?: unknown };

export const fields = <T>(v: unknown): Fields<T> => (v && typeof v === 'object' && !Array.isArray(v) ? v : {}) as Fields<T>;

type Json = Record<string, unknown>;
export const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** A Graph `formattedContent` ({ content, format: text | html | markdown }) as plain text. */
export function formattedText(value: unknown): string | undefined {
  const f = obj(value);
  let text = str(f['content']);
  if (text === undefined) return undefined;
  if (f['format'] === 'html') text = text.replace(/<[^>]*>/g, ' ');
  else if (f['format'] === 'markdown') text = text.replace(/[#*_`>]+/g, '');
  return text.replace(/\s+/g, ' ').trim() || undefined;
}

