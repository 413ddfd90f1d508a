/**
 * A bucket of the prevalence chart in words: the tooltip's lines and the sentence announced as the
 * keyboard moves. Loaded with the option builder (and ECharts), not with the chart's first paint.
 */
import { msg, str } from '../shared/l10n.js';
import { formatNumber, isOne } from '../../lib/format.js';
import { labelFor, SEVERITY_LABELS } from '../shared/labels.js';
import { revealControls } from '../../lib/text.js';
import { bucketLabel, marksIn, type PreparedSeries } from './prevalence-series.js';

const MAX_TITLES = 3;
const SEVERITY_ORDER = ['high', 'medium', 'low', 'informational'] as const;

/** Plain sentences for bucket `i`: the heading, the device count, and the alerts that started. */
export interface BucketDescription {
  heading: string;
  devices: string;
  /** Some of the devices by name, where the answer named them, and how many it did not name. */
  names?: { list: string[]; more: number };
  /** One line per alert shown (most severe first), then "+N more alerts" when cut. */
  alerts: Array<{ text: string; severity?: string }>;
}

export function describeBucket(s: PreparedSeries, i: number, locale?: string): BucketDescription {
  const n = s.values[i]!;
  const rank = (sev: string) => {
    const k = (SEVERITY_ORDER as readonly string[]).indexOf(sev);
    return k < 0 ? SEVERITY_ORDER.length : k;
  };
  const marks = marksIn(s, i).sort((a, b) => rank(a.severity) - rank(b.severity));
  const alerts: BucketDescription['alerts'] = marks
    .slice(0, MAX_TITLES)
    .map((m) => ({ text: `${labelFor(SEVERITY_LABELS, m.severity, SEVERITY_LABELS.unknown)}: ${revealControls(m.title)}`, severity: m.severity }));
  const more = marks.length - MAX_TITLES;
  if (more > 0) alerts.push({ text: isOne(more, locale) ? msg(str`+${more} more alert`) : msg(str`+${more} more alerts`) });
  const count = formatNumber(n, locale);
  const out: BucketDescription = { heading: bucketLabel(s, i, locale), devices: isOne(n, locale) ? msg(str`${count} device`) : msg(str`${count} devices`), alerts };
  const named = s.names?.get(i);
  if (named?.length) out.names = { list: named.map((name) => revealControls(name)), more: Math.max(0, n - named.length) };
  return out;
}

/** "+67 more devices", the noun by the language's plural rule. */
export function moreDevices(more: number, locale?: string): string {
  const count = formatNumber(more, locale);
  return isOne(more, locale) ? msg(str`+${count} more device`) : msg(str`+${count} more devices`);
}

/** The same as one plain sentence, for the live region. */
export function announceBucket(s: PreparedSeries, i: number, locale?: string): string {
  const d = describeBucket(s, i, locale);
  const alerts = d.alerts.length ? ` ${msg(str`Alerts started: ${d.alerts.map((a) => a.text).join('; ')}.`)}` : '';
  const names = d.names ? ` (${[d.names.list.join(', '), d.names.more ? moreDevices(d.names.more, locale) : ''].filter(Boolean).join(' ')})` : '';
  return `${d.heading}: ${d.devices}${names}.${alerts}`;
}
