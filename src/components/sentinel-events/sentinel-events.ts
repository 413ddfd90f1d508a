import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ipProblemText } from '../shared/ip-problem.js';
import { property, query, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { virtualize, virtualizerRef, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import { nearFlow } from '../shared/near-flow.js';
import { tokens } from '../shared/tokens.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { sentinelEventsStyles } from './sentinel-events.styles.js';
import { classToken, contained, entityLink, partialMark, section, severityBadge, shown, skeletonLines, unreadableRow } from '../shared/ui.js';
import { activityIcon, alertIcon, anomalyIcon, bookmarkIcon } from '../shared/list-icons.js';
import { SearchFieldController } from '../shared/search-field.js';
import { searchFieldStyles } from '../shared/search-field.styles.js';
import { listKeyTarget } from '../shared/list-keys.js';
import { IpSectionElement } from '../base/section-element.js';
import { KeyedRequestsController } from '../shared/keyed-requests.js';
import { isRetryable } from '../../data/errors.js';
import { describeError } from '../shared/error-text.js';
import { own, type Insight, type TimelineEvent } from '../../data/model.js';
import { SEVERITY_LABELS } from '../shared/labels.js';
import { queryTimeline } from '../../data/query.js';
import { dateFormat, formatNumber, isOne } from '../../lib/format.js';
import { QUERY_LANGUAGE_LABELS } from '../../lib/hunting.js';
import '../external-url/ip-external-url.js';
import '../copy-button/ip-copy-button.js';
import { revealControls } from '../../lib/text.js';
import { describeRange } from '../shared/range-text.js';
import { cellText, groupByDay, type TimelineEntry } from './insight-data.js';
import { menuStyles } from '../shared/filter-menu.styles.js';
import { exportMenu, exportStatus, inMemory, ipExportName, ListExportController, type ExportNoun } from '../shared/list-export.js';
import { exportStyles } from '../shared/list-export.styles.js';
import type { ExportFormat } from '../shared/export.js';
import { insightFields, insightFileName, TIMELINE_EXPORT_FIELDS } from './sentinel-export.js';
import './ip-insight-chart.js';
import { msg, str } from '../shared/l10n.js';

const KIND_NAMES = ['alert', 'bookmark', 'activity', 'anomaly'] as const;
const KIND_ICONS = { alert: alertIcon, bookmark: bookmarkIcon, activity: activityIcon, anomaly: anomalyIcon };
/** The kinds' filter chips (plural) and an event's kind (singular), in the language in force. */
const kindChips = () => [
  ['alert', msg('Alerts')],
  ['bookmark', msg('Bookmarks')],
  ['activity', msg('Activities')],
  ['anomaly', msg('Anomalies')],
] as const;
const KIND_LABEL: Readonly<Record<string, string>> = {
  get alert() {
    return msg('Alert');
  },
  get bookmark() {
    return msg('Bookmark');
  },
  get activity() {
    return msg('Activity');
  },
  get anomaly() {
    return msg('Anomaly');
  },
};
/** Rows of an insight table shown before "Show all". */
const TABLE_ROWS = 25;

interface Retry {
  insight?: Insight;
  error?: unknown;
}

/**
 * The Sentinel events of the IP: a **timeline** of what involved it (security alerts, bookmarked
 * hunts, activities from connected data sources, anomalies), newest first by when it happened and
 * grouped by day, with kind filters and search; and **insights**, cards that each answer an
 * analytic question about the IP with a table or a small chart, with the query behind it and a
 * link to explore it in hunting. Each insight loads and fails on its own. Shown by
 * `<ip-entity-page>` when the provider implements `getTimeline` / `getInsights`; works alone.
 *
 * Keyboard: the timeline is a list with one tab stop (Up/Down, Page Up/Down, Home/End; Tab reaches
 * the focused row's link and query), `/` searches.
 *
 * @tag ip-sentinel-events
 * @fires ip-navigate - An alert on the timeline (`target: 'alert'`, `id`) or an insight's "Explore in hunting" (`target: 'hunting'`, `query`, `language`). Cancelable.
 * @fires ip-error - A part failed; `detail.section` is `timeline`, `insights` or `insight:<id>`.
 * @csspart timeline - The timeline section.
 * @csspart insights - The insights section.
 * @csspart insight - Each insight card.
 * @csspart incomplete - Says what the data source left out of an insight it answered only in part.
 * @csspart event - Each timeline event.
 * @csspart event-title - An event's title (a link for alerts).
 * @cssprop --ip-sentinel-timeline-height - Height of the timeline list (default 560px).
 */
export class IpSentinelEvents extends IpSectionElement {
  static override styles = [tokens, sharedStyles, menuStyles, searchFieldStyles, exportStyles, sentinelEventsStyles];

  readonly #timeline = this.lifecycle.track(new Task(this, {
    task: async ([provider, ip, range, show], { signal }): Promise<TimelineEvent[]> => {
      if (!provider || !ip || !show || typeof provider.getTimeline !== 'function') return [];
      const events = await provider.getTimeline(ip.canonical, range.range, { signal });
      return Array.isArray(events) ? events : [];
    },
    args: () => [this.source.provider, this.source.ip, this.source.range, this.#shows('timeline')] as const,
    onError: (e) => this.reportError('timeline', e),
  }));

  readonly #insights = this.lifecycle.track(new Task(this, {
    task: async ([provider, ip, range, show], { signal }): Promise<Insight[]> => {
      if (!provider || !ip || !show || typeof provider.getInsights !== 'function') return [];
      const insights = await provider.getInsights(ip.canonical, range.range, { signal });
      return Array.isArray(insights) ? insights : [];
    },
    args: () => [this.source.provider, this.source.ip, this.source.range, this.#shows('insights')] as const,
    onError: (e) => this.reportError('insights', e),
  }));

  @query('.timeline-list') private listEl?: HTMLElement & VirtualizerHostElement;
  @query('#timeline-search') private searchInput?: HTMLInputElement;

  /** Which parts to show, space-separated: `timeline insights` (default both, where the provider has them). */
  @property({ type: String }) sections = 'timeline insights';
  /** Timeline kinds to show (default all): `alert`, `bookmark`, `activity`, `anomaly`. */
  @property({ attribute: false }) kinds: string[] = [];
  /** Timeline search: title, description, source, who bookmarked, query. */
  @property({ type: String }) search = '';

  @state() private active = 0;
  @state() private openQueries = new Set<string>();
  @state() private tables = new Set<string>();
  @state() private allRows = new Set<string>();
  @state() private retries = new Map<string, Retry>();
  /** A card's Retry, by insight id: a second Retry replaces the first; all stop when the element leaves. */
  readonly #retryRequests = new KeyedRequestsController<string>(this);

  /** The open Export menu: `timeline` or an insight's id. */
  @state() private exportMenu?: string;
  readonly #timelineExport = new ListExportController<TimelineEvent>(this, {
    fields: () => TIMELINE_EXPORT_FIELDS,
    // The timeline as filtered on screen (the entries last drawn).
    batches: () => inMemory(this.#entries.flatMap((e) => (e.type === 'event' ? [e.event] : []))),
    fileName: (format) => ipExportName('sentinel-timeline', this.source.ip?.canonical, format),
  });
  /** The insight a table export is about (set as the export starts). */
  #exported?: Insight;
  readonly #insightExport = new ListExportController<unknown[]>(this, {
    fields: () => insightFields(this.#exported!),
    batches: () => inMemory(this.#exported?.rows ?? []),
    fileName: (format) => ipExportName(insightFileName(this.#exported!), this.source.ip?.canonical, format),
  });

  readonly #searchField = new SearchFieldController(this, (value) => (this.search = value));
  #focusAfterRender = false;
  #entries: TimelineEntry[] = [];
  #entriesKey?: unknown[];
  /** Events per kind, for the chips; counted once per answer, not on every render (arrow keys re-render). */
  #kindCounts = new WeakMap<TimelineEvent[], Map<string, number>>();
  #argsKey = '';

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A card's Retry still running stopped (#retryRequests); the card shows its error and Retry again on return.
    this.retries = new Map([...this.retries].filter(([, r]) => r.insight || r.error));
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const key = `${this.source.ip?.canonical}|${this.source.range.range.from.getTime()}`;
    if (key !== this.#argsKey) {
      this.#argsKey = key;
      this.#retryRequests.abortAll();
      this.retries = new Map();
      this.openQueries = new Set();
      this.active = 0;
    }
    if (changed.has('kinds') || changed.has('search')) this.active = 0;
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#focusAfterRender) {
      this.#focusAfterRender = false;
      this.renderRoot.querySelector<HTMLElement>(`.timeline-list [data-index="${this.active}"]`)?.focus({ preventScroll: true });
    }
  }

  /** The timeline as filtered on screen (every matching event), or an insight's table, as CSV or JSON text. */
  exportData(format: ExportFormat, what: 'timeline' | { insight: string } = 'timeline'): Promise<string> {
    if (what === 'timeline') return this.#timelineExport.text(format);
    this.#exported = (this.#insights.value ?? []).find((i) => i.id === what.insight);
    return this.#exported ? this.#insightExport.text(format) : Promise.reject(new Error(`No insight ${what.insight}.`));
  }

  #exportMenu(id: string, total: number, noun: ExportNoun, run: (format: ExportFormat) => void, label?: string): TemplateResult {
    return exportMenu({ id, open: this.exportMenu === id, total, noun, label, busy: false, locale: this.locale,
      onToggleOpen: () => (this.exportMenu = this.exportMenu === id ? undefined : id),
      onExport: (format) => {
        this.exportMenu = undefined;
        run(format);
      } });
  }

  /** Reload the timeline and the insights. */
  refresh(): void {
    this.source.forget('getTimeline', 'getInsights', 'getInsight');
    void this.#timeline.run();
    void this.#insights.run();
  }

  protected override get needsCapabilities(): boolean {
    return true;
  }

  /** Whether to show a part: the host asked for it and the backend does not say it has none. */
  #shows(part: 'timeline' | 'insights'): boolean {
    return this.sections.split(/[\s,]+/).includes(part) && this.capabilities?.[part] !== false;
  }

  // ---- timeline -----------------------------------------------------------------------------

  #filtered(events: TimelineEvent[]): TimelineEntry[] {
    const key = [events, this.kinds, this.search, this.locale];
    if (!this.#entriesKey || key.some((k, i) => k !== this.#entriesKey![i])) {
      this.#entriesKey = key;
      const matching = queryTimeline(events, { kinds: this.kinds.length ? this.kinds : undefined, search: this.search.trim() || undefined });
      this.#entries = groupByDay(matching, this.locale);
    }
    return this.#entries;
  }

  #toggleKind(kind: string) {
    this.kinds = this.kinds.includes(kind) ? this.kinds.filter((k) => k !== kind) : [...this.kinds, kind];
  }

  #onListKeydown(e: KeyboardEvent, count: number) {
    const target = e.composedPath()[0] as HTMLElement;
    if (target.closest?.('input, textarea, pre')) return;
    if (e.key === '/') {
      e.preventDefault();
      this.searchInput?.focus();
      return;
    }
    const next = listKeyTarget(e.key, this.active, count);
    if (next === undefined) return;
    e.preventDefault();
    this.active = next;
    const host = this.listEl as (HTMLElement & { [virtualizerRef]?: { element(i: number): { scrollIntoView(o?: ScrollIntoViewOptions): void } | undefined } }) | undefined;
    host?.[virtualizerRef]?.element(next)?.scrollIntoView({ block: 'nearest' });
    this.#focusAfterRender = true;
  }

  #kindIcon(kind: string) {
    return own(KIND_ICONS, kind) ?? activityIcon;
  }

  #renderEvent(ev: TimelineEvent, index: number, activeIndex: number): TemplateResult {
    const active = index === activeIndex;
    const tab = active ? 0 : -1;
    if (ev.unreadable) {
      return html`<div class="event unreadable-row" part="event" role="listitem" data-index=${index} tabindex=${tab} @click=${() => (this.active = index)}>${unreadableRow(ev.unreadable, active)}</div>`;
    }
    const time = new Date(ev.time);
    const timeText = Number.isFinite(time.getTime()) ? dateFormat(this.locale, { hour: '2-digit', minute: '2-digit' }).format(time) : '—';
    const ip = this.source.ip?.canonical;
    const title =
      ev.kind === 'alert' && ev.alertId
        ? entityLink(this, ev.title, { target: 'alert', id: ev.alertId, ip }, this.source.provider?.links?.alert?.(ev.alertId), { className: 'title', tabIndex: tab, part: 'event-title' })
        : html`<span class="title" part="event-title">${shown(ev.title)}</span>`;
    const sev = ev.severity && ev.severity !== 'unknown' ? ev.severity : undefined;
    return html`<div class="event ${classToken('kind', ev.kind, KIND_NAMES)}" part="event" role="listitem" data-index=${index} tabindex=${tab} @click=${() => (this.active = index)}>
      <time class="time mono" datetime=${ev.time} title=${ev.time}>${timeText}</time>
      <span class="kind" title=${own(KIND_LABEL, ev.kind) ?? revealControls(ev.kind)}>${this.#kindIcon(ev.kind)}<span class="kind-label">${own(KIND_LABEL, ev.kind) ?? revealControls(ev.kind)}</span></span>
      <div class="what">
        <div class="line">${partialMark(ev.partial)}${title}${sev ? severityBadge(sev) : nothing}</div>
        ${ev.source || ev.bookmarkedBy ? html`<div class="meta muted">${shown(ev.source ?? '')}${ev.bookmarkedBy ? html`${ev.source ? ' · ' : ''}${msg(str`bookmarked by ${revealControls(ev.bookmarkedBy)}`)}` : nothing}</div>` : nothing}
        ${ev.description ? html`<div class="description">${shown(ev.description, { keepNewlines: true })}</div>` : nothing}
        ${ev.query ? html`<details class="query-details"><summary tabindex=${tab}>${msg('Query')}</summary><pre class="query mono">${shown(ev.query, { keepNewlines: true })}</pre></details>` : nothing}
      </div>
    </div>`;
  }

  #renderTimelineBody(events: TimelineEvent[]): TemplateResult {
    let counts = this.#kindCounts.get(events);
    if (!counts) {
      counts = new Map();
      for (const e of events) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
      this.#kindCounts.set(events, counts);
    }
    const entries = this.#filtered(events);
    const shown = entries.filter((e) => e.type === 'event').length;
    const count = entries.length;
    const activeIndex = Math.min(this.active, Math.max(0, count - 1));
    return html`
      <div class="toolbar">
        ${this.#searchField.render({ id: 'timeline-search', label: msg('Search the timeline'), placeholder: msg('Search the timeline (/)'), value: this.search })}
        <div class="kinds" role="group" aria-label=${msg('Kinds')}>
          ${kindChips().map(
            ([k, label]) => html`<button type="button" class="chip kind-${k}" aria-pressed=${this.kinds.includes(k) ? 'true' : 'false'} @click=${() => this.#toggleKind(k)}>
              ${KIND_ICONS[k]}<span>${label}</span> <span class="count">${formatNumber(counts.get(k) ?? 0, this.locale)}</span></button>`,
          )}
        </div>
        ${exportStatus(this.#timelineExport, this.locale)}
        ${this.#exportMenu('timeline', shown, 'events', (f) => void this.#timelineExport.download(f), msg('Export the timeline'))}
      </div>
      <p class="muted small" role="status">
        ${shown === events.length
          ? isOne(shown, this.locale)
            ? msg(str`${formatNumber(shown, this.locale)} event, at the time it happened (not when it was ingested).`)
            : msg(str`${formatNumber(shown, this.locale)} events, newest first, at the time they happened (not when they were ingested).`)
          : msg(str`${formatNumber(shown, this.locale)} of ${formatNumber(events.length, this.locale)} events, newest first, at the time they happened (not when they were ingested).`)}
      </p>
      ${count === 0
        ? html`<div class="state">${msg('No event matches.')} <button type="button" class="button" @click=${() => {
            this.kinds = [];
            this.search = '';
            if (this.searchInput) this.searchInput.value = '';
            this.#searchField.cancel();
          }}>${msg('Clear filters')}</button></div>`
        : html`<div class="timeline-list" role="list" aria-label=${msg('Timeline')} @keydown=${(e: KeyboardEvent) => this.#onListKeydown(e, count)}>
            ${virtualize({
              items: entries,
              keyFunction: (e: TimelineEntry) => e.key,
              renderItem: (e: TimelineEntry, i: number) =>
                e.type === 'day'
                  ? html`<div class="day" role="listitem" data-index=${i} tabindex=${i === activeIndex ? 0 : -1}><h3>${e.label}</h3><span class="muted small">${isOne(e.count, this.locale) ? msg(str`${formatNumber(e.count, this.locale)} event`) : msg(str`${formatNumber(e.count, this.locale)} events`)}</span></div>`
                  : contained(
                      () => this.#renderEvent(e.event, i, activeIndex),
                      (error) => html`<div class="event" role="listitem" data-index=${i} tabindex=${i === activeIndex ? 0 : -1}>
                        <span class="error-text">${msg(str`This event could not be shown: ${describeError(error)}`)}</span>
                      </div>`,
                    ),
              scroller: true,
              layout: nearFlow(),
            })}
          </div>`}
    `;
  }

  // ---- insights -----------------------------------------------------------------------------

  #retry(insight: Insight) {
    const provider = this.source.provider;
    const ip = this.source.ip;
    if (!provider || !ip) return;
    const retry: Retry = {};
    this.retries = new Map(this.retries).set(insight.id, retry);
    const range = this.source.timeRange;
    const load = (signal: AbortSignal) =>
      provider.getInsight
        ? provider.getInsight(ip.canonical, insight.id, range, { signal })
        : provider.getInsights!(ip.canonical, range, { signal }).then((all) => {
            const found = all.find((x) => x.id === insight.id);
            if (!found) throw new Error(msg(str`The provider no longer returns the insight “${insight.title}”.`));
            return found;
          });
    this.#retryRequests.run(insight.id, load, {
      ok: (value) => {
        retry.insight = value;
        if (value.error) this.reportError(`insight:${insight.id}`, new Error(value.error));
      },
      error: (error) => {
        retry.error = error;
        this.reportError(`insight:${insight.id}`, error);
      },
      done: () => (this.retries = new Map(this.retries)),
    });
  }

  #toggle(set: 'openQueries' | 'tables' | 'allRows', id: string) {
    const next = new Set(this[set]);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this[set] = next;
  }

  #renderCell(value: unknown, column: Insight['columns'][number] | undefined): TemplateResult | string {
    // An address in data is shown defanged; opening it is an explicit, confirmed action.
    if (typeof value === 'string' && /^(?:https?|ftp):\/\//i.test(value)) return html`<ip-external-url .url=${value}></ip-external-url>`;
    if (column?.name.toLowerCase() === 'severity' && typeof value === 'string' && own(SEVERITY_LABELS, value) !== undefined) return severityBadge(value);
    return shown(cellText(value, column, this.locale));
  }

  #renderTable(insight: Insight): TemplateResult {
    const rows = Array.isArray(insight.rows) ? insight.rows.map((r) => (Array.isArray(r) ? r : [])) : [];
    const all = this.allRows.has(insight.id);
    const visible = all ? rows : rows.slice(0, TABLE_ROWS);
    // A table wider than its card scrolls; the region takes focus so keyboard users can scroll it.
    return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${msg(str`${revealControls(insight.title)}: table`)}><table class="table">
        <caption class="visually-hidden">${shown(insight.title)}</caption>
        <thead><tr>${insight.columns.map((c) => html`<th scope="col" class=${c.type === 'number' ? 'num' : ''}>${shown(c.name)}</th>`)}</tr></thead>
        <tbody>${visible.map((r, index) => {
          // A row that could not be read keeps its place, saying why.
          const unreadable = insight.unreadableRows?.[index];
          return unreadable
            ? html`<tr class="unreadable-row"><td colspan=${Math.max(1, insight.columns.length)}>${unreadableRow(unreadable)}</td></tr>`
            : html`<tr>${insight.columns.map((c, i) => html`<td class=${c.type === 'number' ? 'num' : ''}>${this.#renderCell(r[i], c)}</td>`)}</tr>`;
        })}</tbody>
      </table></div>
      ${rows.length > TABLE_ROWS
        ? html`<button type="button" class="button subtle small" @click=${() => this.#toggle('allRows', insight.id)}>${all ? msg(str`Show the first ${TABLE_ROWS}`) : msg(str`Show all ${formatNumber(rows.length, this.locale)} rows`)}</button>`
        : nothing}`;
  }

  #renderInsight(original: Insight): TemplateResult {
    const retry = this.retries.get(original.id);
    const insight = retry?.insight ?? original;
    const id = insight.id;
    const loading = retry && !retry.insight && !retry.error;
    const error = retry?.error ? describeError(retry.error) : !retry || retry.insight ? insight.error : undefined;
    const rows = Array.isArray(insight.rows) ? insight.rows : [];
    const asTable = this.tables.has(id) || !insight.chart;
    const ip = this.source.ip?.canonical;
    const headingId = `insight-${id}`;
    let body: TemplateResult;
    if (loading) body = html`<div aria-busy="true"><span class="visually-hidden">${msg(str`Loading ${insight.title}…`)}</span>${skeletonLines([90, 60, 75])}</div>`;
    else if (error)
      body = html`<div class="state error" role="alert"><span class="state-message">${shown(error)}</span>
        ${retry?.error && !isRetryable(retry.error) ? nothing : html`<button type="button" class="button" @click=${() => this.#retry(insight)}>${msg('Retry')}</button>`}</div>`;
    else if (!rows.length) body = html`<p class="muted no-results">${msg(str`No results ${describeRange(this.source.timeRange, this.source.range.key)}.`)}</p>`;
    else if (asTable) body = this.#renderTable(insight);
    else body = html`<ip-insight-chart .insight=${insight} locale=${this.locale ?? ''}></ip-insight-chart>`;
    const queryOpen = this.openQueries.has(id);
    const menuId = `insight-${id}`;
    const href = this.source.provider?.links?.hunting?.(insight.query, insight.language);
    return html`<section class="card ${this.exportMenu === menuId ? 'menu-open' : ''}" part="insight" aria-labelledby=${headingId} aria-busy=${loading ? 'true' : 'false'}>
      <div class="card-header">
        <h3 id=${headingId}>${shown(insight.title)}</h3>
        ${insight.chart && rows.length && !error && !loading
          ? html`<button type="button" class="button subtle small" aria-pressed=${asTable ? 'true' : 'false'} @click=${() => this.#toggle('tables', id)}>${msg('Show as table')}</button>`
          : nothing}
      </div>
      ${insight.description ? html`<p class="muted small">${shown(insight.description, { keepNewlines: true })}</p>` : nothing}
      <div class="card-body">${body}</div>
      ${insight.incomplete && !error && !loading ? html`<p class="incomplete small" part="incomplete" role="status">⚠ ${shown(insight.incomplete)}</p>` : nothing}
      <div class="card-footer">
        <button type="button" class="link" aria-expanded=${queryOpen ? 'true' : 'false'} aria-controls="q-${id}" @click=${() => this.#toggle('openQueries', id)}>${queryOpen ? msg('Hide query') : msg('Show query')}</button>
        ${entityLink(this, msg('Explore in hunting'), { target: 'hunting', ip, query: insight.query, language: insight.language }, href)}
        ${rows.length && !error && !loading
          ? this.#exportMenu(menuId, rows.length, 'rows', (f) => {
              this.#exported = insight;
              void this.#insightExport.download(f);
            }, msg(str`Export ${revealControls(insight.title)}`))
          : nothing}
      </div>
      ${queryOpen
        ? html`<div id="q-${id}" class="query-block"><span class="muted small">${QUERY_LANGUAGE_LABELS[insight.language] ?? insight.language}</span><pre class="query mono" tabindex="0">${shown(insight.query, { keepNewlines: true })}</pre></div>`
        : nothing}
    </section>`;
  }

  #renderInsightsBody(insights: Insight[]): TemplateResult {
    const sources = [...new Set(insights.flatMap((i) => (Array.isArray(i.dataSources) ? i.dataSources : [])))].filter((s) => typeof s === 'string');
    return html`<div class="cards">${insights.map((i) => this.#renderInsight(i))}</div>
      ${sources.length ? html`<p class="sources muted small">${msg(html`<strong>Data sources:</strong> ${shown(sources.join(', '))}`)}</p>` : nothing}`;
  }

  override render() {
    const provider = this.source.provider;
    const hasTimeline = this.#shows('timeline') && typeof provider?.getTimeline === 'function';
    const hasInsights = this.#shows('insights') && typeof provider?.getInsights === 'function';
    const idle = !provider ? msg('No data provider configured.') : this.source.ownIp && !this.source.ownIp.ok ? ipProblemText(this.source.ownIp) : !this.source.ip ? msg('No IP address.') : undefined;
    if (provider && !hasTimeline && !hasInsights) {
      return html`<div class="state">${msg('This portal has no SIEM events for IP addresses (the provider has no timeline or insights).')}</div>`;
    }
    return html`<div class="layout ${hasTimeline && hasInsights ? 'both' : ''}">
      ${hasTimeline || !provider
        ? section({
      host: this,
            id: 'timeline-title',
            title: msg('Timeline'),
            part: 'timeline',
            className: 'timeline',
            task: this.#timeline,
            idle,
            skeleton: () => html`${Array.from({ length: 8 }, () => html`<div class="skeleton-row">${skeletonLines([20, 85, 55])}</div>`)}`,
            isEmpty: (events) => events.length === 0,
            empty: msg(str`Nothing involved this IP ${describeRange(this.source.timeRange, this.source.range.key)}.`),
            complete: (events) => this.#renderTimelineBody(events),
          })
        : nothing}
      ${hasInsights
        ? section({
      host: this,
            id: 'insights-title',
            title: msg('Insights'),
            part: 'insights',
            className: 'insights',
            task: this.#insights,
            idle,
            skeleton: () => html`<div class="cards">${Array.from({ length: 4 }, () => html`<div class="card">${skeletonLines([50, 90, 80, 70])}</div>`)}</div>`,
            isEmpty: (insights) => insights.length === 0,
            empty: msg('The provider has no insights for this IP.'),
            complete: (insights) => this.#renderInsightsBody(insights),
          })
        : nothing}
    </div>`;
  }
}
