/**
 * What the page says when the `range` it was given (a deep link, an attribute) is not what it
 * shows: a window cut to what can be asked for (its end after now, its start before what the data
 * source keeps, longer than a range may be), or a spec it cannot read at all.
 */
import { html, type TemplateResult } from 'lit';
import { msg, str } from '../shared/l10n.js';
import { formatDateTime } from '../../lib/format.js';
import { MAX_SPAN_DAYS, type RangeClampReason, type ResolvedRange, type TimeRange } from '../../lib/time-range.js';
import { RANGE_LABELS } from '../shared/range-text.js';

function window(range: TimeRange, locale: string | undefined): string {
  return `${formatDateTime(range.from, locale)} – ${formatDateTime(range.to, locale)}`;
}

function why(reason: RangeClampReason, maxDays: number | undefined): string {
  if (reason === 'future') return msg('its end was after now');
  if (reason === 'lookback') return msg(str`the data source keeps ${maxDays ?? 0} days`);
  return msg(str`a range covers at most ${MAX_SPAN_DAYS} days`);
}

/** The notice for the page's range, or undefined when it shows what was asked. */
export function rangeNotice(value: (ResolvedRange & { invalid?: string }) | undefined, maxDays: number | undefined, locale: string | undefined): TemplateResult | undefined {
  if (!value) return undefined;
  if (value.invalid !== undefined) {
    const spec = value.invalid.length > 80 ? `${value.invalid.slice(0, 80)}…` : value.invalid;
    const shown = value.key ? RANGE_LABELS[value.key] : window(value.range, locale);
    return html`<p part="range-notice" class="range-notice" role="status">${msg(str`The time range “${spec}” could not be read (a preset such as 30d, or two ISO 8601 times such as 2026-11-01T00:00Z/2026-11-15T00:00Z); showing ${shown}.`)}</p>`;
  }
  if (!value.clamped) return undefined;
  const reasons = value.clamped.reasons.map((r) => why(r, maxDays)).join('; ');
  return html`<p part="range-notice" class="range-notice" role="status">${msg(str`The time range was shortened to ${window(value.range, locale)} (${reasons}); it asked for ${window(value.clamped.requested, locale)}.`)}</p>`;
}
