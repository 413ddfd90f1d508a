import { msg, str } from '../shared/l10n.js';
import { ipProblemLater } from '../shared/ip-text.js';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { initialState, Task } from '@lit/task';
import { state } from 'lit/decorators.js';
import { tokens } from '../shared/tokens.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { overviewStyles } from './overview.styles.js';
import { dateTime, entityLink, missing, navigate, orMissing, place, section, shown, skeletonLines, timeAgo } from '../shared/ui.js';
import { IpSectionElement } from '../base/section-element.js';
import { SEVERITIES, type IpDetails, type LogActivity, type SecuritySummary } from '../../data/model.js';
import { SEVERITY_LABELS } from '../shared/labels.js';
import { formatCoordinates, formatNumber, isOne } from '../../lib/format.js';
import { describeRange } from '../shared/range-text.js';
import { lazyModule } from '../../lib/lazy.js';
import '../copy-button/ip-copy-button.js';


/**
 * The chart's code (and ECharts beside it) loads when the first overview connects, not with the
 * first paint: its drawing needs the ECharts chunk anyway, and the page asks for its data at once
 * (see entity-page/first-screen.ts), so nothing waits for it. A failed load can be retried.
 */
const chart = lazyModule(() => {
  // ECharts and the chart's option builder, which it needs to draw, load beside the chart's code
  // rather than after it (the chart's own loads then find them here). A failure is the chart's to
  // say when it draws.
  import('../shared/echarts/setup.js').catch(() => undefined);
  import('../prevalence-chart/prevalence-option.js').catch(() => undefined);
  return import('../prevalence-chart/ip-prevalence-chart.js');
});


/**
 * The overview of an IP: security info, incidents and alerts by severity, IP details (geo, ASN,
 * reverse DNS, WHOIS), log activity, logged hosts and prevalence. Each block loads on its own, so
 * one failing leaves the others working. Works inside `<ip-entity-page>` (which provides the
 * provider, IP and range) or alone (set `provider`, `ip`, `range`; they win over the page's).
 *
 * @tag ip-overview
 * @fires ip-navigate - A severity card (`target: 'alerts'`, `filter`) or a logged host (`target: 'device'`) was activated. Cancelable.
 * @fires ip-error - A section failed to load; `detail: { section, ip, error, message }`.
 * @fires ip-copy - A value was copied.
 * @slot prevalence - Replaces the prevalence chart.
 * @csspart base - The overview's layout wrapper.
 * @csspart notice - The "not observed" or configuration notice.
 * @csspart security-info - The security info section.
 * @csspart incomplete - Says what the data source left out of the counts, and why (a throttled backend).
 * @csspart severity-cards - The section with the severity cards.
 * @csspart severity-card - Each severity card.
 * @csspart details - The IP details section.
 * @csspart log-activity - The log activity section.
 * @csspart logged-hosts - The logged hosts section.
 * @csspart prevalence - The `<ip-prevalence-chart>`.
 * @cssprop --ip-color-surface - Section background.
 * @cssprop --ip-color-border - Section borders.
 * @cssprop --ip-color-text - Text colour.
 * @cssprop --ip-color-text-muted - Labels and secondary text.
 * @cssprop --ip-color-accent - Links and focus.
 * @cssprop --ip-severity-high - Colour of high severity.
 * @cssprop --ip-severity-medium - Colour of medium severity.
 * @cssprop --ip-severity-low - Colour of low severity.
 * @cssprop --ip-severity-informational - Colour of informational severity.
 * @cssprop --ip-space - Base spacing unit.
 * @cssprop --ip-radius - Corner radius of sections.
 */
export class IpOverview extends IpSectionElement {
  static override styles = [tokens, sharedStyles, overviewStyles];


  readonly #summary = this.lifecycle.track(new Task(this, {
    task: async ([provider, ip, range], { signal }) => {
      if (!provider || !ip) return initialState;
      return provider.getSecuritySummary(ip.canonical, range.range, { signal });
    },
    args: () => [this.source.provider, this.source.ip, this.source.range] as const,
    onError: (e) => this.reportError('summary', e),
  }));

  readonly #details = this.lifecycle.track(new Task(this, {
    task: async ([provider, ip], { signal }) => {
      if (!provider || !ip) return initialState;
      return provider.getIpDetails(ip.canonical, { signal });
    },
    args: () => [this.source.provider, this.source.ip] as const,
    onError: (e) => this.reportError('details', e),
  }));

  readonly #log = this.lifecycle.track(new Task(this, {
    task: async ([provider, ip, range], { signal }) => {
      if (!provider || !ip) return initialState;
      return provider.getLogActivity(ip.canonical, range.range, { signal });
    },
    args: () => [this.source.provider, this.source.ip, this.source.range] as const,
    onError: (e) => this.reportError('log-activity', e),
  }));

  /** Reload every section. */
  refresh(): void {
    this.source.forget('getSecuritySummary', 'getIpDetails', 'getLogActivity');
    for (const task of [this.#summary, this.#details, this.#log]) void task.run();
    // A chart whose code is still loading asks once it is here.
    this.renderRoot.querySelector('ip-prevalence-chart')?.refresh?.();
  }

  /** Why the chart's code did not load, until Retry. */
  @state() private chartLoadError?: string;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#loadChart();
  }

  #loadChart() {
    chart.load().catch((error: unknown) => (this.chartLoadError = error instanceof Error ? error.message : String(error)));
  }

  #openSeverity(severity: string) {
    const ip = this.source.ip?.canonical;
    navigate(this, { target: 'alerts', ip, filter: { severity: [severity] } });
  }

  // ---- rendering ----------------------------------------------------------------------------

  #renderNotice(): TemplateResult | typeof nothing {
    const own = this.source.ownIp;
    if (own && !own.ok) {
      return html`<div class="notice error" part="notice" role="alert">${ipProblemLater(own, this)}</div>`;
    }
    if (!this.source.ip) {
      return this.source.inPage ? nothing : html`<div class="notice" part="notice">${msg(html`Set the <code>ip</code> attribute to show an IP address.`)}</div>`;
    }
    if (!this.source.provider) {
      return html`<div class="notice" part="notice">${msg(html`No data provider configured. Set the <code>provider</code> property (see “Data providers” in the README).`)}</div>`;
    }
    const summary = this.#summary.value;
    if (summary && isNotObserved(summary)) {
      const phrase = describeRange(this.source.timeRange, this.source.range.key);
      return html`<div class="notice" part="notice" role="status">
        ${msg(html`<strong>${this.source.ip.canonical}</strong> was not observed in your organization ${phrase}. What enrichment knows about it is below.`)}
      </div>`;
    }
    return nothing;
  }

  #renderSecurityInfo() {
    return section({
      host: this,
      id: 'security-info',
      title: msg('Security info'),
      part: 'security-info',
      task: this.#summary,
      skeleton: () => html`<div class="kpis">${[0, 1].map(() => html`<div class="kpi"><span class="skeleton kpi-value-skeleton"></span>${skeletonLines([70])}</div>`)}</div>`,
      complete: (s: SecuritySummary) => html`
        <div class="kpis">
          <div class="kpi">
            <span class="kpi-value">${figure(s.openIncidents, this.locale, s.countedOver)}</span>
            <span class="kpi-label">${msg('Open incidents')}</span>
          </div>
          <div class="kpi">
            <span class="kpi-value">${figure(s.activeAlerts, this.locale, s.countedOver)}</span>
            <span class="kpi-label">${msg('Active alerts')}</span>
          </div>
        </div>
        ${s.incomplete ? html`<p class="incomplete" part="incomplete" role="status">⚠ ${s.incomplete}</p>` : nothing}
        ${s.countedOver
          ? html`<p class="muted small" part="incomplete">${msg(str`At least: only the ${formatNumber(s.countedOver.counted, this.locale)} most recent of ${formatNumber(s.countedOver.matched, this.locale)} alerts have a status.`)}</p>`
          : nothing}
      `,
    });
  }

  #renderSeverityCards() {
    return section({
      host: this,
      id: 'severity-cards',
      title: msg('Incidents and alerts by severity'),
      part: 'severity-cards',
      task: this.#summary,
      skeleton: () => html`<div class="cards">${SEVERITIES.map(() => html`<div class="card skeleton-card">${skeletonLines([50])}<span class="skeleton kpi-value-skeleton"></span>${skeletonLines([80])}</div>`)}</div>`,
      complete: (s: SecuritySummary) => html`
        <span id="cards-hint" hidden>${msg('Shows them in Incidents and alerts.')}</span>
        <div class="cards">
          ${SEVERITIES.map((sev) => {
            const incidents = s.incidentsBySeverity[sev];
            const alerts = s.alertsBySeverity[sev];
            // The visible text is the accessible name (voice control users say what they see).
            return html`
              <button type="button" class="card sev-${sev}" part="severity-card" aria-describedby="cards-hint" @click=${() => this.#openSeverity(sev)}>
                <span class="card-title"><span class="dot" aria-hidden="true"></span>${SEVERITY_LABELS[sev]}</span>
                <span class="card-value">${figure(incidents + alerts, this.locale, s.countedOver)}<span class="visually-hidden"> ${msg('in total:')}</span></span>
                <span class="card-detail">${countOf(incidents, this.locale, 'incidents')} · ${countOf(alerts, this.locale, 'alerts')}</span>
              </button>
            `;
          })}
        </div>
      `,
    });
  }

  #renderDetails() {
    return section({
      host: this,
      id: 'ip-details',
      title: msg('IP details'),
      part: 'details',
      task: this.#details,
      skeleton: () => html`<div class="details-skeleton">${skeletonLines([70, 45, 60, 40, 50, 35, 55, 30, 65, 45, 60])}</div>`,
      complete: (d: IpDetails) => this.#renderDetailsBody(d),
    });
  }

  #renderDetailsBody(d: IpDetails) {
    const locale = this.locale;
    const asn = d.asn != null ? `AS${d.asn}${d.asName ? ` · ${d.asName}` : ''}` : d.asName;
    const whois = d.whois;
    return html`
      <dl class="details">
        <dt>${msg('Organization (ISP)')}</dt>
        <dd>${orMissing(d.organization ?? d.isp)}${d.isp && d.organization && d.isp !== d.organization ? html` <span class="muted">(${shown(d.isp)})</span>` : nothing}</dd>
        <dt>${msg('ASN')}</dt>
        <dd>${orMissing(asn)}</dd>
        <dt>${msg('Country/region')}</dt>
        <dd>${place({ name: d.country, code: d.countryCode }, locale)}</dd>
        <dt>${msg('State')}</dt>
        <dd>${orMissing(d.state)}</dd>
        <dt>${msg('City')}</dt>
        <dd>${orMissing(d.city)}</dd>
        <dt>${msg('Carrier')}</dt>
        <dd>${orMissing(d.carrier)}</dd>
        <dt>${msg('Latitude and longitude')}</dt>
        <dd>${orMissing(formatCoordinates(d.latitude, d.longitude, locale))}</dd>
        <dt>${msg('Postal code')}</dt>
        <dd>${orMissing(d.postalCode)}</dd>
      </dl>
      <h3 class="subheading">${msg('Reverse DNS names')}</h3>
      ${d.reverseDns.length
        ? html`<ul class="plain-list">
            ${d.reverseDns.map((name) => html`<li><span class="mono">${shown(name)}</span><ip-copy-button .value=${name} label=${msg(str`Copy ${name}`)}></ip-copy-button></li>`)}
          </ul>`
        : html`<p class="muted small">${msg('No reverse DNS names known.')}</p>`}
      <h3 class="subheading">${msg('Registration (WHOIS)')}</h3>
      ${whois && Object.values(whois).some((v) => v)
        ? html`<dl class="details">
            <dt>${msg('Registry')}</dt>
            <dd>${orMissing(whois.registrar)}</dd>
            <dt>${msg('Organization')}</dt>
            <dd>${orMissing(whois.organization ?? whois.registrant)}</dd>
            <dt>${msg('Network')}</dt>
            <dd>${whois.netRange ? html`<span class="mono">${shown(whois.netRange)}</span>` : missing()}${whois.netName ? html` <span class="muted">(${shown(whois.netName)})</span>` : nothing}</dd>
            <dt>${msg('Registered')}</dt>
            <dd>${dateTime(whois.created, locale)}</dd>
            <dt>${msg('Updated')}</dt>
            <dd>${dateTime(whois.updated, locale)}</dd>
            <dt>${msg('Country/region')}</dt>
            <dd>${place({ name: whois.country }, locale)}</dd>
            <dt>${msg('Abuse contact')}</dt>
            <dd>${orMissing(whois.abuseContact)}</dd>
          </dl>`
        : html`<p class="muted small">${msg('No registration data known.')}</p>`}
    `;
  }

  #renderLogActivity() {
    const locale = this.locale;
    const now = Date.now();
    return section({
      host: this,
      id: 'log-activity',
      title: msg('Log activity'),
      part: 'log-activity',
      task: this.#log,
      skeleton: () => html`<div class="log-skeleton">${skeletonLines([60, 90, 85, 90, 80])}</div>`,
      isEmpty: (l: LogActivity) => l.sources.length === 0,
      empty: msg(str`No log source recorded this IP ${describeRange(this.source.timeRange, this.source.range.key)}.`),
      complete: (l: LogActivity) => html`
        <p class="small">${msg(html`First seen ${timeAgo(l.firstSeen, locale, now)} · last seen ${timeAgo(l.lastSeen, locale, now)}`)}</p>
        <table class="simple small">
          <thead>
            <tr><th scope="col">${msg('Data source')}</th><th scope="col">${msg('First seen')}</th><th scope="col">${msg('Last seen')}</th><th scope="col" class="num">${msg('Events')}</th></tr>
          </thead>
          <tbody>
            ${l.sources.map(
              (s) => html`<tr>
                <td><span class="mono">${shown(s.source)}</span></td>
                <td>${timeAgo(s.firstSeen, locale, now)}</td>
                <td>${timeAgo(s.lastSeen, locale, now)}</td>
                <td class="num">${s.count == null ? missing() : formatNumber(s.count, locale)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      `,
    });
  }

  #renderLoggedHosts() {
    const locale = this.locale;
    const provider = this.source.provider;
    const ip = this.source.ip?.canonical;
    return section({
      host: this,
      id: 'logged-hosts',
      title: msg('Logged hosts'),
      part: 'logged-hosts',
      task: this.#log,
      skeleton: () => skeletonLines([50, 40]),
      isEmpty: (l: LogActivity) => l.loggedHosts.length === 0,
      empty: msg('No host reported this IP as its own address (Heartbeat).'),
      complete: (l: LogActivity) => html`
        <ul class="plain-list hosts">
          ${l.loggedHosts.map(
            (h) => html`<li>
              ${entityLink(this, h.name, { target: 'device', id: h.id, ip }, provider?.links?.device?.(h.id))}
              <span class="muted small">${shown(h.os ?? '')}${h.lastHeartbeat ? html` · ${msg(html`heartbeat ${timeAgo(h.lastHeartbeat, locale)}`)}` : nothing}</span>
            </li>`,
          )}
        </ul>
      `,
    });
  }

  #renderPrevalence() {
    const error = this.chartLoadError;
    if (error !== undefined) {
      return html`<slot name="prevalence"><div class="notice error prevalence-load-error" role="alert">${msg(str`The prevalence chart could not be loaded (${error}).`)}
        <button type="button" class="button" @click=${() => { this.chartLoadError = undefined; this.#loadChart(); }}>${msg('Retry')}</button></div></slot>`;
    }
    // The chart reads provider, IP and range from the page's context, or from this element's own.
    return html`<slot name="prevalence">
      <ip-prevalence-chart part="prevalence" .provider=${this.provider} ip=${ifDefined(this.ip)} range=${ifDefined(this.range)}></ip-prevalence-chart>
    </slot>`;
  }

  override render() {
    const ready = Boolean(this.source.ip && this.source.provider);
    return html`
      <div part="base" class="overview">
        ${this.#renderNotice()}
        ${ready
          ? html`<div class="layout">
              <div class="column side">${this.#renderSecurityInfo()} ${this.#renderDetails()} ${this.#renderLogActivity()} ${this.#renderLoggedHosts()}</div>
              <div class="column main">${this.#renderSeverityCards()} ${this.#renderPrevalence()}</div>
            </div>`
          : nothing}
      </div>
    `;
  }
}

/** "3 incidents", "1 alert": the count in the locale's digits, the noun by its plural rule. */
/** `n` formatted, with `+` when it is a lower bound (see `SecuritySummary.countedOver`). */
function figure(n: number, locale: string | undefined, atLeast: unknown): string {
  return `${formatNumber(n, locale)}${atLeast ? '+' : ''}`;
}

function countOf(n: number, locale: string | undefined, noun: 'incidents' | 'alerts'): string {
  const one = isOne(n, locale);
  const count = formatNumber(n, locale);
  if (noun === 'incidents') return one ? msg(str`${count} incident`) : msg(str`${count} incidents`);
  return one ? msg(str`${count} alert`) : msg(str`${count} alerts`);
}

/** Nothing in the organization ever touched the IP in the range. */
export function isNotObserved(s: SecuritySummary): boolean {
  const total = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
  return s.organizationPrevalence === 0 && !s.lastSeen && total(s.alertsBySeverity) + total(s.incidentsBySeverity) === 0;
}
