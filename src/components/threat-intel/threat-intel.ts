import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { threatIntelStyles } from './threat-intel.styles.js';
import { ipProblemText } from '../shared/ip-problem.js';
import { initialState, Task } from '@lit/task';
import { tokens } from '../shared/tokens.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { IpDataElement } from '../base/data-element.js';
import { contained, missing, partialMark, place, section, severityBadge, shown, skeletonLines, timeAgo, unreadableRow } from '../shared/ui.js';
import type { RowProblems } from '../../data/model.js';
import '../copy-button/ip-copy-button.js';
import { isRetryable } from '../../data/errors.js';
import { describeError } from '../shared/error-text.js';
import { THREAT_INTEL_RELATIONS, type IpReputation, type ThreatIntel, type ThreatIntelRelation } from '../../data/threat-intel.js';
import { formatNumber } from '../../lib/format.js';
import { safeHref } from '../../lib/safe-url.js';
import { ThreatIntelLists, TI_LISTS, TI_PAGE } from './ti-lists.js';
import { reputationBadge } from './reputation.js';
import { reputationStyles } from './reputation-styles.js';
import { msg, str } from '../shared/l10n.js';

/**
 * What threat intelligence knows of the IP on the internet, as Defender's Threat Intelligence tab
 * shows it: the **reputation** (classification, score 0–100 and the rules that fired, each with
 * its severity and a link), the **host** (hosting provider, netblock, AS, country, first and last
 * seen on the internet), the **actors, campaigns and malware** intelligence ties to it, the
 * **articles** that name it, and the lists of what was seen on it over time — **passive DNS**
 * resolutions (current and historical), **certificates**, **host pairs**, **trackers**,
 * **components** and **WHOIS history** — each paged ("Show more") and failing on its own.
 * Needs a provider with `getThreatIntel` (and `listThreatIntel` for the lists). A source that
 * keeps only its own intelligence (Sentinel, Elastic) names its lists; then only they show.
 *
 * @tag ip-threat-intel
 * @fires ip-error - A part failed; `detail.section` is `threat-intel` or `threat-intel:<list>`.
 * @csspart reputation - The reputation section.
 * @csspart host - The internet host section.
 * @csspart list - Each list's section (passive DNS, certificates …).
 * @csspart badge - The reputation badge.
 */
export class IpThreatIntel extends IpDataElement {
  static override styles = [
    tokens,
    sharedStyles,
    reputationStyles,
    threatIntelStyles,
  ];

  readonly #summary = this.lifecycle.track(new Task(this, {
    task: async ([provider, ip, offered], { signal }): Promise<ThreatIntel> => {
      if (!provider?.getThreatIntel || !ip || !offered) return initialState as never;
      return provider.getThreatIntel(ip.canonical, { signal });
    },
    args: () => [this.source.provider, this.source.ip, this.#offered] as const,
    onError: (e) => this.reportError('threat-intel', e),
  }));

  readonly #lists = new ThreatIntelLists(this, (relation, error) => this.reportError(`threat-intel:${relation}`, error));

  protected override get needsCapabilities(): boolean {
    return true;
  }

  /** Whether the provider offers threat intelligence: the method exists and the backend does not say no. */
  get #offered(): boolean {
    return typeof this.source.provider?.getThreatIntel === 'function' && this.capabilities?.threatIntel !== false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The lists follow the provider and the IP (threat intelligence has no time range).
    this.#lists.show(this.#offered ? this.source.provider : undefined, this.source.ip?.canonical, THREAT_INTEL_RELATIONS);
  }

  /** Reload the summary and the lists. */
  refresh(): void {
    this.source.forget('getThreatIntel', 'listThreatIntel');
    this.#lists.reset();
    void this.#summary.run();
    this.requestUpdate();
  }

  #renderReputation(ti: ThreatIntel): TemplateResult {
    const rep: IpReputation | undefined = ti.reputation;
    if (!rep) return html`<div class="state">${msg('No reputation for this IP.')}</div>`;
    return html`
      <p>${reputationBadge(rep)}</p>
      <div class="score">
        <strong>${formatNumber(rep.score, this.locale)}</strong><span class="muted">/ 100</span>
        <meter min="0" max="100" low="40" high="75" optimum="0" .value=${rep.score} aria-label=${msg('Reputation score')}></meter>
      </div>
      ${rep.rules.length
        ? html`<div class="table-wrap" tabindex="0" role="group" aria-label=${msg('Reputation rules')}><table class="simple">
            <caption class="visually-hidden">${msg('Rules that contributed to the reputation')}</caption>
            <thead><tr><th scope="col">${msg('Severity')}</th><th scope="col">${msg('Rule')}</th><th scope="col">${msg('Why')}</th><th scope="col"><span class="visually-hidden">${msg('Details')}</span></th></tr></thead>
            <tbody>${rep.rules.map((r) => {
              const href = safeHref(r.relatedDetailsUrl);
              return html`<tr><td>${severityBadge(r.severity)}</td><td>${shown(r.name)}</td><td>${r.description ? shown(r.description) : missing()}</td>
                <td class="link-cell">${href ? html`<a class="link" href=${href} target="_blank" rel="noopener noreferrer">${msg(html`Details<span class="visually-hidden"> of ${shown(r.name)}</span>`)}</a>` : nothing}</td></tr>`;
            })}</tbody>
          </table></div>`
        : html`<p class="muted">${msg('No rule fired.')}</p>`}
    `;
  }

  #renderHost(ti: ThreatIntel): TemplateResult {
    const row = (term: string, value: TemplateResult | string | undefined) => html`<dt>${term}</dt><dd>${value ?? missing()}</dd>`;
    return html`<dl class="details">
      ${row(msg('Hosting provider'), ti.hostingProvider ? shown(ti.hostingProvider) : undefined)}
      ${row(msg('Netblock'), ti.netblock ? html`<span class="mono">${shown(ti.netblock)}</span>` : undefined)}
      ${row(msg('Autonomous system'), ti.asn !== undefined ? shown(`AS${ti.asn}${ti.asName ? ` · ${ti.asName}` : ''}`) : undefined)}
      ${row(msg('Country or region'), ti.countryOrRegion ? place({ name: ti.countryOrRegion }, this.locale) : undefined)}
      ${row(msg('First seen on the internet'), ti.firstSeen ? timeAgo(ti.firstSeen, this.locale) : undefined)}
      ${row(msg('Last seen on the internet'), ti.lastSeen ? timeAgo(ti.lastSeen, this.locale) : undefined)}
    </dl>`;
  }

  #renderList(relation: ThreatIntelRelation, ti: ThreatIntel): TemplateResult {
    const def = TI_LISTS[relation] as { title: string; empty: string; columns: Array<{ label: string; cell: (row: unknown, locale?: string) => TemplateResult | string; has?: (row: unknown) => boolean }> };
    const state = this.#lists.state(relation);
    // An optional column no listed row has a value for is left out, not a column of dashes.
    const columns = def.columns.filter((c) => !c.has || state?.items.some((row) => !(row as RowProblems).unreadable && c.has!(row)));
    const total = state?.total ?? ti.counts[relation];
    const id = `ti-${relation}`;
    let body: TemplateResult;
    if (!state || (state.loading && !state.items.length)) body = html`<div aria-busy="true"><span class="visually-hidden">${msg(str`Loading ${def.title}…`)}</span>${skeletonLines([80, 60, 70])}</div>`;
    else if (state.error && !state.items.length) {
      body = html`<div class="state error" role="alert"><span class="state-message">${shown(describeError(state.error))}</span>
        ${isRetryable(state.error) ? html`<button type="button" class="button" @click=${() => this.#lists.retry(relation)}>${msg('Retry')}</button>` : nothing}</div>`;
    } else if (!state.items.length) body = html`<div class="state">${def.empty}</div>`;
    else {
      const more = (state.total ?? 0) - state.items.length;
      // Wide tables scroll sideways: the scroll box is focusable, so the keyboard can scroll it too.
      body = html`<div class="table-wrap" tabindex="0" role="group" aria-label=${def.title}><table class="simple">
          <thead><tr>${columns.map((c) => html`<th scope="col">${c.label}</th>`)}</tr></thead>
          <tbody>${state.items.map((row) => {
            // A record that could not be read keeps its place, saying why; one with values left out is marked.
            const problems = row as RowProblems;
            return problems.unreadable
              ? html`<tr class="unreadable-row"><td colspan=${columns.length}>${unreadableRow(problems.unreadable)}</td></tr>`
              : html`<tr>${columns.map((c, i) => html`<td>${i === 0 ? partialMark(problems.partial) : nothing}${contained(() => c.cell(row, this.locale), () => missing())}</td>`)}</tr>`;
          })}</tbody>
        </table></div>
        ${state.error ? html`<p class="error-text" role="alert">${shown(describeError(state.error))} <button type="button" class="link" @click=${() => this.#lists.retry(relation)}>${msg('Retry')}</button></p>` : nothing}
        ${more > 0 && !state.error
          ? html`<button type="button" class="button more" ?disabled=${state.loading} @click=${() => this.#lists.more(relation)}>
              ${state.loading ? msg('Loading…') : msg(str`Show ${formatNumber(Math.min(more, TI_PAGE), this.locale)} more of ${formatNumber(more, this.locale)}`)}</button>`
          : nothing}`;
    }
    return html`<section class="section wide" part="list" aria-labelledby=${id}>
      <div class="section-header"><h2 class="section-title" id=${id}>${def.title}${total !== undefined ? html` <span class="muted small">(${formatNumber(total, this.locale)})</span>` : nothing}</h2></div>
      <div class="section-body">${body}</div>
    </section>`;
  }

  override render() {
    const idle = this.source.provider
      ? this.source.ownIp && !this.source.ownIp.ok
        ? ipProblemText(this.source.ownIp)
        : this.#offered
          ? msg('No IP address.')
          : msg('This portal has no threat intelligence for IP addresses.')
      : msg('No data provider configured.');
    const ready = this.#offered && Boolean(this.source.ip);
    const ti = this.#summary.value;
    // A workspace's own intelligence names its lists and knows nothing of the host on the internet.
    const hostless = Boolean(ti?.lists) && !ti?.reputation && ti?.hostingProvider === undefined && ti?.asn === undefined && ti?.netblock === undefined && ti?.countryOrRegion === undefined;
    return html`<div class="layout">
      ${hostless ? nothing : html`${section({ host: this, id: 'ti-reputation', title: msg('Reputation'), part: 'reputation', task: this.#summary, idle: ready ? undefined : idle,
        skeleton: () => skeletonLines([40, 70, 90, 80]), complete: (v) => this.#renderReputation(v) })}
      ${section({ host: this, id: 'ti-host', title: msg('On the internet'), part: 'host', task: this.#summary, idle: ready ? undefined : idle,
        skeleton: () => skeletonLines([60, 50, 70, 40, 55, 55]), complete: (v) => this.#renderHost(v) })}`}
      ${ready && ti ? (ti.lists ?? THREAT_INTEL_RELATIONS).map((r) => this.#renderList(r, ti)) : nothing}
    </div>`;
  }
}

