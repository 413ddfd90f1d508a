import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { ipProblemText } from '../shared/ip-problem.js';
import { tokens } from '../shared/tokens.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { filterMenu } from '../shared/filter-menu.js';
import { filterMenuStyles } from '../shared/filter-menu.styles.js';
import { SearchFieldController } from '../shared/search-field.js';
import { searchFieldStyles } from '../shared/search-field.styles.js';
import { exportMenu, exportStatus, ipExportName, ListExportController } from '../shared/list-export.js';
import { exportStyles } from '../shared/list-export.styles.js';
import type { ExportFormat } from '../shared/export.js';
import { contained, entityLink, missing, partialMark, shown, skeletonLines, slowNotice, timeAgo, truncated, unreadableRow } from '../shared/ui.js';
import { isRetryable } from '../../data/errors.js';
import { describeError } from '../shared/error-text.js';
import type { AccountActivity } from '../../data/model.js';
import type { AccountQuery, AccountSortField, Page, Sort } from '../../data/provider.js';
import { formatNumber, isOne } from '../../lib/format.js';
import { revealControls } from '../../lib/text.js';
import { afterPaint } from '../../lib/after-paint.js';
import { describeRange } from '../shared/range-text.js';
import { IpSectionElement } from '../base/section-element.js';
import { msg, str } from '../shared/l10n.js';
import { accountsStyles } from './accounts.styles.js';
import { listFrameStyles } from '../shared/list-frame.styles.js';
import { ACCOUNT_EXPORT_FIELDS, accountPages } from './account-export.js';
// The element: an unreadable row's Copy (shared/ui.ts's unreadableRow); the rows' own copy buttons are drawn here.
import '../copy-button/ip-copy-button.js';
import { CopyControls } from '../copy-button/copy-controls.js';
import { copyButtonStyles } from '../copy-button/copy-button.styles.js';

/** Accounts asked for at a time. */
export const ACCOUNT_PAGE = 100;
/**
 * Rows drawn in a list's first paint: the table shows about fifteen (640px high), so thirty are
 * more than a screen and a half. The rest follow after it, {@link STEP_ROWS} after each paint
 * (`afterPaint`): a hundred rows' style and layout made a 140 ms first frame, and the seventy
 * left in one go a 125 ms frame right after it, in which a click waited.
 */
const FIRST_ROWS = 30;
/** Rows added after each paint until the list's are all drawn: each step a short frame. */
const STEP_ROWS = 20;

type Result = 'success' | 'failure' | 'interrupted';
const results = (): ReadonlyArray<readonly [Result, string]> => [
  ['success', msg('Succeeded')],
  ['failure', msg('Failed')],
  ['interrupted', msg('Interrupted')],
];

/** A result in words (an unknown one as the backend spelled it). */
const resultLabel = (r: string): string => results().find(([k]) => k === r)?.[1] ?? r;

interface Column {
  id: string;
  label: () => string;
  /** The list sorts by it (the header is a button). */
  sort?: AccountSortField;
  /** The order a first click asks for. */
  first?: 'asc' | 'desc';
}

const COLUMNS: readonly Column[] = [
  { id: 'account', label: () => msg('Account'), sort: 'account', first: 'asc' },
  { id: 'result', label: () => msg('Last result') },
  { id: 'signIns', label: () => msg('Sign-ins'), sort: 'signIns', first: 'desc' },
  { id: 'failures', label: () => msg('Failed'), sort: 'failures', first: 'desc' },
  { id: 'mfa', label: () => msg('MFA') },
  { id: 'applications', label: () => msg('Applications') },
  { id: 'devices', label: () => msg('Devices') },
  { id: 'source', label: () => msg('Log') },
  { id: 'firstSeen', label: () => msg('First seen'), sort: 'firstSeen', first: 'desc' },
  { id: 'lastSeen', label: () => msg('Last seen'), sort: 'lastSeen', first: 'desc' },
];

/**
 * The accounts seen signing in (or trying to) from the IP in the range: who used the address,
 * the first thing to check in a password spray or an adversary-in-the-middle case. One row per
 * account and log, with how the last sign-in ended (and why a failure failed), how many
 * succeeded and failed, whether the successes passed MFA, the applications and devices, and
 * first and last seen. An account that failed and then got in is marked. Sort by a column
 * header, search, filter by result, page with "Show more", export every matching account as CSV
 * or JSON. Each account links through the provider's or the page's `user-href` link.
 *
 * Keyboard: a sortable table (the column headers are buttons, `aria-sort` says the order); Tab
 * moves through the links; `/` searches.
 *
 * @tag ip-accounts
 * @fires ip-navigate - An account was activated (`target: 'user'`, `id`: its user id or account). Cancelable.
 * @fires ip-error - Loading failed; `detail: { section: 'accounts' | 'accounts:more', ip, error, message }`.
 * @fires ip-copy - An account name was copied.
 * @csspart base - The wrapper.
 * @csspart toolbar - Search, filters and export.
 * @csspart cap - The count line.
 * @csspart incomplete - Says what the data source left out of the list.
 * @csspart table - The table of accounts.
 * @csspart account - Each account row.
 * @csspart more - The "Show more" button.
 * @cssprop --ip-accounts-max-height - Most height the table takes before it scrolls (default 640px).
 */
export class IpAccounts extends IpSectionElement {
  static override styles = [tokens, sharedStyles, filterMenuStyles, searchFieldStyles, exportStyles, listFrameStyles, copyButtonStyles, accountsStyles];

  /** Search: account, display name, application, device, log or failure reason. */
  @property({ type: String }) search = '';
  /** Only accounts with a sign-in of one of these results (`success`, `failure`, `interrupted`). */
  @property({ attribute: false }) results: string[] = [];
  /** The order (default: last seen, newest first). */
  @property({ attribute: false }) sort?: Sort<AccountSortField>;

  @state() private appliedSearch = '';
  @state() private openMenu?: string;
  /** Pages after the first ("Show more"), for the query on screen. */
  @state() private more: { key: string; items: AccountActivity[]; loading: boolean; error?: unknown } = { key: '', items: [], loading: false };
  @query('#search') private searchInput?: HTMLInputElement;

  readonly #searchField = new SearchFieldController(this, (value) => (this.search = value));
  /** Each row's copy button, drawn here (a hundred rows: not an element each). */
  readonly #copyControls = new CopyControls(this);
  /** How many rows of the list are drawn (back to {@link FIRST_ROWS} with each new answer), and whether more are asked for after the next paint. */
  #drawnRows = FIRST_ROWS;
  #filling = false;
  #moreAbort?: AbortController;
  /** The scope of the list on screen: a new search keeps it (dimmed) until the answer. */
  #shownFor?: string;

  readonly #task = this.lifecycle.track(new Task(this, {
    task: async ([provider, ip, , offered], { signal }): Promise<Page<AccountActivity>> => {
      if (!provider?.listAccounts || !ip || !offered) return initialState as never;
      return provider.listAccounts(ip.canonical, { ...this.#query(), offset: 0, limit: ACCOUNT_PAGE }, { signal });
    },
    args: () => [this.source.provider, this.source.ip, this.#queryKey(), this.#offered] as const,
    onError: (error) => this.reportError('accounts', error),
    onComplete: () => {
      this.#shownFor = this.#scopeKey();
      this.#drawnRows = FIRST_ROWS;
    },
  }));

  readonly #export = new ListExportController<AccountActivity>(this, {
    fields: () => ACCOUNT_EXPORT_FIELDS,
    batches: (signal) => accountPages(this.source.provider!, this.source.ip!.canonical, this.#query(), signal),
    fileName: (format) => ipExportName('accounts', this.source.ip?.canonical, format),
    total: () => this.#task.value?.total,
  });

  protected override get needsCapabilities(): boolean {
    return true;
  }

  /** Whether the provider lists accounts: the method exists and the backend does not say no. */
  get #offered(): boolean {
    return typeof this.source.provider?.listAccounts === 'function' && this.capabilities?.accounts !== false;
  }

  #query(): Omit<AccountQuery, 'offset' | 'limit'> {
    return { range: this.source.timeRange, search: this.appliedSearch || undefined, result: this.results.length ? this.results : undefined, sort: this.sort };
  }

  #scopeKey(): string {
    return `${this.source.provider ? 'p' : ''}|${this.source.ip?.canonical}|${this.source.timeRange.from.getTime()}|${this.source.timeRange.to.getTime()}`;
  }

  #queryKey(): string {
    return `${this.#scopeKey()}|${this.appliedSearch}|${this.results.join(',')}|${this.sort?.field}:${this.sort?.direction}`;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('search') && this.search !== this.appliedSearch) this.appliedSearch = this.search;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Rows of the list not drawn yet: the next ones after this paint (render draws, it does not schedule).
    const page = this.#task.value;
    if (this.#filling || !page || this.#drawnRows >= page.items.length + this.#moreItems.length) return;
    this.#filling = true;
    afterPaint(() => {
      this.#filling = false;
      this.#drawnRows += STEP_ROWS;
      this.requestUpdate();
    });
  }

  /** Every account matching the list's search and filters (not only those shown), as CSV or JSON text. */
  exportData(format: ExportFormat, signal?: AbortSignal): Promise<string> {
    return this.#export.text(format, signal);
  }

  /** Reload the list. */
  refresh(): void {
    this.source.forget('listAccounts');
    this.#resetMore();
    void this.#task.run();
  }

  #resetMore() {
    this.#moreAbort?.abort();
    this.more = { key: '', items: [], loading: false };
  }

  /** The rows after the first page, when they belong to the query on screen. */
  get #moreItems(): AccountActivity[] {
    return this.more.key === this.#queryKey() ? this.more.items : [];
  }

  async #showMore(first: Page<AccountActivity>) {
    const key = this.#queryKey();
    const provider = this.source.provider;
    const ip = this.source.ip?.canonical;
    if (!provider?.listAccounts || !ip) return;
    const items = this.#moreItems;
    this.#moreAbort?.abort();
    const abort = (this.#moreAbort = new AbortController());
    this.more = { key, items, loading: true };
    try {
      const page = await provider.listAccounts(ip, { ...this.#query(), offset: first.items.length + items.length, limit: ACCOUNT_PAGE }, { signal: abort.signal });
      if (this.#queryKey() === key && !abort.signal.aborted) this.more = { key, items: [...items, ...page.items], loading: false };
    } catch (error) {
      if (abort.signal.aborted) return;
      this.reportError('accounts:more', error);
      // What was already listed stays; Retry asks for the same page again.
      if (this.#queryKey() === key) this.more = { key, items, loading: false, error };
    }
  }

  #toggleResult(value: string, on: boolean) {
    this.results = on ? [...new Set([...this.results, value])] : this.results.filter((v) => v !== value);
  }

  #sortBy(column: Column) {
    const current = this.sort ?? { field: 'lastSeen', direction: 'desc' };
    this.sort = current.field === column.sort ? { field: column.sort, direction: current.direction === 'asc' ? 'desc' : 'asc' } : { field: column.sort!, direction: column.first ?? 'desc' };
  }

  #clearFilters() {
    this.#searchField.cancel();
    this.search = '';
    this.results = [];
    if (this.searchInput) this.searchInput.value = '';
  }

  #onKeydown(e: KeyboardEvent) {
    const target = e.composedPath()[0] as HTMLElement;
    if (e.key !== '/' || target.closest?.('input, select, textarea')) return;
    e.preventDefault();
    this.searchInput?.focus();
  }

  // ---- rendering ----------------------------------------------------------------------------

  #renderToolbar(): TemplateResult {
    const total = this.#task.status === TaskStatus.COMPLETE ? this.#task.value?.total : undefined;
    return html`<div class="toolbar" part="toolbar">
      ${this.#searchField.render({ id: 'search', label: msg('Search accounts, applications, devices or failure reasons'), placeholder: msg('Search account, application, device or reason'), value: this.search })}
      ${filterMenu<string>({
        id: 'result',
        label: msg('Result'),
        options: results(),
        selected: this.results,
        open: this.openMenu === 'result',
        onToggleOpen: () => (this.openMenu = this.openMenu === 'result' ? undefined : 'result'),
        onChange: (v, on) => this.#toggleResult(v, on),
      })}
      ${this.search || this.results.length ? html`<button type="button" class="button subtle" @click=${() => this.#clearFilters()}>${msg('Clear filters')}</button>` : nothing}
      ${exportStatus(this.#export, this.locale)}
      ${exportMenu({ id: 'accounts', open: this.openMenu === 'export', total, noun: 'accounts', busy: !!this.#export.progress, locale: this.locale,
        onToggleOpen: () => (this.openMenu = this.openMenu === 'export' ? undefined : 'export'),
        onExport: (format) => {
          this.openMenu = undefined;
          void this.#export.download(format);
        } })}
    </div>`;
  }

  #renderCount(page: Page<AccountActivity>, shownCount: number): TemplateResult {
    const locale = this.locale;
    const n = formatNumber(page.total, locale);
    const line = page.total <= shownCount
      ? isOne(page.total, locale) ? msg(str`${n} account signed in or tried to from this IP.`) : msg(str`${n} accounts signed in or tried to from this IP.`)
      : msg(str`Showing ${formatNumber(shownCount, locale)} of ${n} accounts.`);
    return html`<p class="cap" part="cap" role="status">${line}</p>
      ${page.incomplete ? html`<p class="cap incomplete" part="incomplete" role="status">⚠ ${shown(page.incomplete)}</p>` : nothing}`;
  }

  #renderHeader(column: Column): TemplateResult {
    if (!column.sort) return html`<th scope="col">${column.label()}</th>`;
    const sort = this.sort ?? { field: 'lastSeen', direction: 'desc' };
    const active = sort.field === column.sort;
    const order = active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none';
    return html`<th scope="col" aria-sort=${order}>
      <button type="button" class="sort" @click=${() => this.#sortBy(column)}>${column.label()}<span class="arrow" aria-hidden="true">${active ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}</span></button>
    </th>`;
  }

  #renderMfa(a: AccountActivity): TemplateResult {
    const locale = this.locale;
    if (a.multiFactor === undefined) return html`<span class="muted" title=${msg('This log does not say')}>${msg('Not logged')}</span>`;
    if (!a.successes) return missing();
    if (a.multiFactor >= a.successes) return html`<span class="badge mfa-yes">${msg('Yes')}</span>`;
    if (a.multiFactor === 0) return html`<span class="badge mfa-no" title=${msg('Signed in with a password only')}>${msg('No')}</span>`;
    return html`<span class="badge mfa-some">${msg(str`${formatNumber(a.multiFactor, locale)} of ${formatNumber(a.successes, locale)}`)}</span>`;
  }

  #renderNames(list: readonly string[] | undefined): TemplateResult {
    if (!list?.length) return missing();
    return html`<span class="names">${list.map((name, i) => html`${i ? ', ' : ''}${shown(name)}`)}</span>`;
  }

  #renderRow(a: AccountActivity): TemplateResult {
    if (a.unreadable) return html`<tr class="unreadable-row" part="account"><td colspan=${COLUMNS.length}>${unreadableRow(a.unreadable)}</td></tr>`;
    const locale = this.locale;
    const ip = this.source.ip?.canonical;
    const userKey = a.userId ?? a.account;
    const href = this.source.provider?.links?.user?.(userKey, a.account);
    const known = ['success', 'failure', 'interrupted'].includes(a.lastResult) ? a.lastResult : 'other';
    const gotIn = a.failures > 0 && a.successes > 0;
    return html`<tr part="account" class=${gotIn ? 'got-in' : ''}>
      <th scope="row" class="account">
        ${partialMark(a.partial)}${entityLink(this, html`<span class="truncate">${shown(a.account)}</span>`, { target: 'user', id: userKey, ip }, href, { title: a.account })}
        ${this.#copyControls.render(a.account, { label: msg(str`Copy ${a.account}`), key: a.id })}
        ${a.displayName && a.displayName !== a.account ? html`<span class="sub muted">${shown(a.displayName)}</span>` : nothing}
      </th>
      <td>
        <span class="badge result-${known}">${revealControls(resultLabel(a.lastResult))}</span>
        ${gotIn ? html`<span class="badge got-in-badge" title=${msg('Failed sign-ins, then a successful one, from this IP')}>${msg('Got in after failures')}</span>` : nothing}
        ${a.failureReason ? html`<span class="sub">${truncated(a.failureReason)}</span>` : nothing}
      </td>
      <td class="num">${formatNumber(a.signIns, locale)}${a.successes ? html`<span class="sub muted">${msg(str`${formatNumber(a.successes, locale)} succeeded`)}</span>` : nothing}</td>
      <td class="num">${formatNumber(a.failures, locale)}</td>
      <td>${this.#renderMfa(a)}</td>
      <td>${this.#renderNames(a.applications)}</td>
      <td>${this.#renderNames(a.devices)}</td>
      <td class="nowrap">${a.source ? shown(a.source) : missing()}</td>
      <td class="nowrap">${timeAgo(a.firstSeen, locale)}</td>
      <td class="nowrap">${timeAgo(a.lastSeen, locale)}</td>
    </tr>`;
  }

  #renderList(page: Page<AccountActivity>): TemplateResult {
    if (!page.items.length) {
      return this.appliedSearch || this.results.length
        ? html`<div class="state">${msg('No account matches these filters.')} <button type="button" class="button" @click=${() => this.#clearFilters()}>${msg('Clear filters')}</button></div>`
        : html`<div class="state">${msg(str`No account signed in from this IP ${describeRange(this.source.timeRange, this.source.range.key)}.`)}</div>`;
    }
    const rows = [...page.items, ...this.#moreItems];
    const left = page.total - rows.length;
    const drawn = rows.slice(0, this.#drawnRows);
    const more = this.more.key === this.#queryKey() ? this.more : undefined;
    return html`${this.#renderCount(page, rows.length)}
      <div class="table-wrap" tabindex="0" role="group" aria-label=${msg('Accounts seen from the IP')}>
        <table class="simple" part="table">
          <thead><tr>${COLUMNS.map((c) => this.#renderHeader(c))}</tr></thead>
          <tbody>${drawn.map((a) => contained(() => this.#renderRow(a), (error) => html`<tr><td colspan=${COLUMNS.length} class="error-text">${msg(str`This account could not be shown: ${describeError(error)}`)}</td></tr>`))}</tbody>
        </table>
      </div>
      ${more?.error ? html`<p class="error-text" role="alert">${shown(describeError(more.error))} <button type="button" class="link" @click=${() => this.#showMore(page)}>${msg('Retry')}</button></p>` : nothing}
      ${left > 0 && !more?.error
        ? html`<button type="button" class="button more" part="more" ?disabled=${more?.loading} @click=${() => this.#showMore(page)}>
            ${more?.loading ? msg('Loading…') : msg(str`Show ${formatNumber(Math.min(left, ACCOUNT_PAGE), this.locale)} more of ${formatNumber(left, this.locale)}`)}</button>`
        : nothing}`;
  }

  override render() {
    const idle = !this.source.provider
      ? msg('No data provider configured.')
      : this.source.ownIp && !this.source.ownIp.ok
        ? ipProblemText(this.source.ownIp)
        : !this.#offered
          ? msg('This data source does not list the accounts seen signing in from an IP.')
          : msg('No IP address.');
    const body = this.#task.render({
      initial: () => html`<div class="state">${idle}</div>`,
      pending: () =>
        this.#task.value && this.#shownFor === this.#scopeKey()
          ? html`<div class="stale"><p class="visually-hidden" role="status">${msg('Updating the accounts…')}</p>${this.#renderList(this.#task.value)}</div>`
          : html`<div class="loading" aria-busy="true"><span class="visually-hidden">${msg('Loading accounts…')}</span>${Array.from({ length: 5 }, () => html`<div class="skeleton-row">${skeletonLines([40, 75])}</div>`)}${slowNotice(this.#task as never, this)}</div>`,
      error: (error: unknown) => html`<div class="state error" role="alert"><span class="state-message">${describeError(error)}</span>
        ${isRetryable(error) ? html`<button type="button" class="button" @click=${() => this.#task.run()}>${msg('Retry')}</button>` : nothing}</div>`,
      complete: (page: Page<AccountActivity>) => this.#renderList(page),
    });
    return html`<div part="base" class="accounts list-frame" aria-busy=${this.#task.status === TaskStatus.PENDING ? 'true' : 'false'} @keydown=${this.#onKeydown}>
      ${this.#renderToolbar()}
      ${body}
    </div>${this.#copyControls.status()}`;
  }
}
