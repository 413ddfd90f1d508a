/**
 * A Markdown summary of an IP for an incident note or a ticket, built from the overview's four
 * answers. Every value from a provider is escaped, so a hostile organization name or alert
 * title stays text (no links, images, HTML or table breaks) wherever the Markdown is rendered.
 */
import { regionText } from '../../lib/region-text.js';
import type { ParsedIp } from '../../lib/ip.js';
import { EMBEDDED_KIND_LABELS, IP_SCOPE_LABELS } from './ip-text.js';
import { dateFormat, formatNumber } from '../../lib/format.js';
import { revealControls } from '../../lib/text.js';
import { defangIndicator, defangUrlsIn } from '../../lib/defang.js';
import { own, type IpDetails, type LogActivity, type Prevalence, type SecuritySummary } from '../../data/model.js';
import { SEVERITY_LABELS } from './labels.js';
import { msg, str } from './l10n.js';

/** The answers a summary is made of; any may be missing (the summary says less). */
export interface IpSummaryData {
  details?: IpDetails;
  summary?: SecuritySummary;
  logActivity?: LogActivity;
  prevalence?: Prevalence;
}

export interface IpSummaryInput {
  ip: ParsedIp;
  /** "in the last 30 days" … */
  rangeLabel: string;
  details?: IpDetails;
  summary?: SecuritySummary;
  logActivity?: LogActivity;
  prevalence?: Prevalence;
  /** How many alerts to list (most severe, then most recent). Default 5. */
  topAlerts?: number;
  locale?: string;
  /** When the summary was made (default now). */
  now?: Date;
}

/**
 * Escape a value for Markdown (CommonMark and GFM tables) so it stays inert wherever the summary
 * is pasted: one line; URLs in it defanged (`hxxps://evil[.]example`); emphasis, code, link, image, HTML, entity, table and strikethrough
 * characters escaped; no live autolinks (`https://`, `www.`, e-mail addresses) and no `@mentions`
 * (their trigger characters are escaped, which renders them as plain text); bidirectional and
 * other hidden characters shown as marks (`⟦RLO⟧`). Values never start a line here, so list and
 * heading markers (`-`, `+`, `#`, `1.`) need no escape.
 */
export function markdownText(value: unknown): string {
  return revealControls(defangUrlsIn(String(value ?? '').replace(/[\r\n\t\u2028\u2029]+/g, ' ')))
    .replace(/[\\`*_[\]<>|~&!@]/g, (c) => `\\${c}`)
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/\b(www)\./gi, '$1\\.')
    .trim();
}

const SEVERITY_ORDER: Record<string, number> = { high: 0, medium: 1, low: 2, informational: 3, unknown: 4 };

function when(iso: string | undefined, locale?: string): string {
  if (!iso) return msg('unknown');
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return 'unknown';
  return `${dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(d)} UTC`;
}

/**
 * An indicator (the IP, a host name) as the summary writes it: defanged (`203[.]0[.]113[.]7`,
 * `c2[.]example`), as analysts write indicators in tickets, so a chat tool that links bare domains
 * and addresses (Teams, Slack, Jira) does not make one click contact the host; then escaped.
 */
function indicator(value: string): string {
  return markdownText(defangIndicator(value));
}

/** The summary as Markdown. */
export function ipSummaryMarkdown(input: IpSummaryInput): string {
  const { ip, details, summary, logActivity, prevalence, locale } = input;
  const n = (v: number) => formatNumber(v, locale);
  const lines: string[] = [];
  lines.push(msg(str`## IP address ${indicator(ip.canonical)}`), '');
  const embedded = ip.embedded ? ` ${msg(str`(${EMBEDDED_KIND_LABELS[ip.embedded.kind]} address of ${indicator(ip.embedded.ipv4)})`)}` : '';
  const written = ip.mapped ? ` ${msg(str`(written ${indicator(ip.mapped)})`)}` : '';
  lines.push(`${msg(str`- **Kind:** IPv${ip.version}, ${IP_SCOPE_LABELS[ip.scope].toLowerCase()}`)}${written}${embedded}`);
  if (details) {
    const place = [details.city, details.state, regionText({ name: details.country, code: details.countryCode }, locale)].filter(Boolean).map((p) => markdownText(p!)).join(', ');
    if (details.organization) lines.push(msg(str`- **Organization:** ${markdownText(details.organization)}`));
    if (details.asn !== undefined) lines.push(msg(str`- **ASN:** ${`AS${details.asn}${details.asName ? ` ${markdownText(details.asName)}` : ''}`}`));
    if (place) lines.push(msg(str`- **Location:** ${place}`));
    if (details.reverseDns.length) {
      const names = details.reverseDns.slice(0, 5).map(indicator).join(', ');
      const more = details.reverseDns.length - 5;
      lines.push(more > 0 ? msg(str`- **Reverse DNS:** ${names} and ${more} more`) : msg(str`- **Reverse DNS:** ${names}`));
    }
  }
  lines.push('', msg(str`### Activity ${markdownText(input.rangeLabel)}`), '');
  if (summary) {
    const sev = (counts: Record<string, number>) =>
      (['high', 'medium', 'low', 'informational'] as const).map((s) => `${n(counts[s] ?? 0)} ${SEVERITY_LABELS[s].toLowerCase()}`).join(', ');
    lines.push(
      summary.countedOver
        ? msg(str`- **Open incidents:** at least ${n(summary.openIncidents)}; **active alerts:** at least ${n(summary.activeAlerts)} (of the ${n(summary.countedOver.counted)} most recent of ${n(summary.countedOver.matched)} alerts)`)
        : msg(str`- **Open incidents:** ${n(summary.openIncidents)}; **active alerts:** ${n(summary.activeAlerts)}`),
    );
    lines.push(msg(str`- **Incidents by severity:** ${sev(summary.incidentsBySeverity)}`));
    lines.push(msg(str`- **Alerts by severity:** ${sev(summary.alertsBySeverity)}`));
    lines.push(msg(str`- **Devices that communicated with it:** ${n(summary.organizationPrevalence)}`));
  }
  const first = summary?.firstSeen ?? prevalence?.firstSeen ?? logActivity?.firstSeen;
  const last = summary?.lastSeen ?? prevalence?.lastSeen ?? logActivity?.lastSeen;
  if (first || last) lines.push(msg(str`- **First seen:** ${when(first, locale)}; **last seen:** ${when(last, locale)}`));
  else if (summary) lines.push(msg('- Not observed in the organization.'));
  if (!summary && !prevalence) lines.push(msg('- Counts not loaded yet.'));
  if (prevalence && !summary) lines.push(msg(str`- **Devices that communicated with it:** ${n(prevalence.totalDevices)}`));
  if (prevalence?.alertMarks.length) {
    const top = [...prevalence.alertMarks]
      .sort((a, b) => (own(SEVERITY_ORDER, a.severity) ?? 9) - (own(SEVERITY_ORDER, b.severity) ?? 9) || (a.time < b.time ? 1 : a.time > b.time ? -1 : 0))
      .slice(0, input.topAlerts ?? 5);
    lines.push('', msg('### Top alerts'), '');
    for (const a of top) {
      const label = own(SEVERITY_LABELS as Readonly<Record<string, string>>, a.severity) ?? markdownText(a.severity);
      lines.push(`- **${label}** ${markdownText(a.title)} (${when(a.time, locale)})`);
    }
  }
  if (logActivity?.sources.length) {
    lines.push('', msg('### Seen in logs'), '');
    for (const s of logActivity.sources.slice(0, 8)) lines.push(msg(str`- ${markdownText(s.source)}: ${when(s.firstSeen, locale)} to ${when(s.lastSeen, locale)}`));
  }
  lines.push('', msg(str`_Summary made ${when((input.now ?? new Date()).toISOString(), locale)}._`));
  return lines.join('\n');
}
