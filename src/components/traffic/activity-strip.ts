/**
 * A device's connections over the range as one strip of cells (a heat strip): each bucket's
 * shade says how many connections it had against the device's busiest bucket. A beacon is a
 * steady band; people and programs come and go in clumps. An image to screen readers, named by
 * what it shows (the busiest bucket and how many buckets had any).
 */
import { html, svg, type TemplateResult } from 'lit';
import { msg, str } from '../shared/l10n.js';
import { dateFormat, formatNumber } from '../../lib/format.js';
import { formatDuration } from '../../lib/units.js';

export interface StripInput {
  counts: readonly number[];
  /** The first bucket's start, ms since the epoch. */
  start: number;
  bucketSeconds: number;
  locale?: string;
}

/** The strip's words: per how long, the busiest bucket and when, how many buckets were active. */
export function stripLabel({ counts, start, bucketSeconds, locale }: StripInput): string {
  let peak = 0;
  let at = 0;
  let active = 0;
  counts.forEach((c, i) => {
    if (c > 0) active++;
    if (c > peak) {
      peak = c;
      at = i;
    }
  });
  const per = formatDuration(bucketSeconds, locale);
  if (!peak) return msg(str`No connections (per ${per}).`);
  const when = dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(start + at * bucketSeconds * 1000);
  return msg(str`Connections per ${per}: active in ${formatNumber(active, locale)} of ${formatNumber(counts.length, locale)}, at most ${formatNumber(peak, locale)} (${when}).`);
}

/** The strip: one cell per bucket with connections, its shade by count. */
export function activityStrip(input: StripInput): TemplateResult {
  const { counts } = input;
  const peak = Math.max(1, ...counts);
  const cells = counts.map((c, i) => (c > 0 ? svg`<rect x=${i} y="0" width="1" height="10" fill-opacity=${(0.25 + (0.75 * c) / peak).toFixed(2)}></rect>` : null));
  return html`<svg class="strip" viewBox="0 0 ${counts.length} 10" preserveAspectRatio="none" role="img" aria-label=${stripLabel(input)}>
    <rect class="track" x="0" y="0" width=${counts.length} height="10"></rect>${cells}
  </svg>`;
}
