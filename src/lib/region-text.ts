/** A place as one line of text, for text outputs (Copy summary); apart from lib/region.ts so the first paint does not carry it. */
import { region } from './region.js';

/** `Singapur (SG)`: the region's name in `locale` and its code, or what is known of them. */
export function regionText(value: { name?: string; code?: string }, locale: string | undefined): string | undefined {
  const r = region(value, locale);
  if (r.name && r.code) return `${r.name} (${r.code})`;
  return r.name ?? r.code;
}
