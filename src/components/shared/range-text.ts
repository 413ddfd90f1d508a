/**
 * The time ranges' words, in the page's language: each preset's name and phrase, and a phrase for
 * any range. The ranges themselves are pure (lib/time-range.ts).
 */
import { DAY_MS, type RangeKey, type TimeRange } from '../../lib/time-range.js';
import { msg, str } from './l10n.js';

/** Each preset's name, as the range picker lists it. */
export const RANGE_LABELS: Readonly<Record<RangeKey, string>> = {
  get '24h'() {
    return msg('Last 24 hours');
  },
  get '7d'() {
    return msg('Last 7 days');
  },
  get '30d'() {
    return msg('Last 30 days');
  },
  get '90d'() {
    return msg('Last 90 days');
  },
  get '180d'() {
    return msg('Last 180 days');
  },
};

/** Phrase for sentences such as "not observed … in the last 30 days". */
export const RANGE_PHRASES: Readonly<Record<RangeKey, string>> = {
  get '24h'() {
    return msg('in the last 24 hours');
  },
  get '7d'() {
    return msg('in the last 7 days');
  },
  get '30d'() {
    return msg('in the last 30 days');
  },
  get '90d'() {
    return msg('in the last 90 days');
  },
  get '180d'() {
    return msg('in the last 180 days');
  },
};

/** A human phrase for any range: the preset's phrase when it matches one, else "between … and …". */
export function describeRange(range: TimeRange, key?: RangeKey): string {
  if (key) return RANGE_PHRASES[key];
  const days = Math.round((range.to.getTime() - range.from.getTime()) / DAY_MS);
  return days >= 1 ? msg(str`in the selected ${days}-day period`) : msg('in the selected period');
}
