import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ipProblemLater } from '../shared/ip-text.js';
import { msg, str } from '../shared/l10n.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { property, query, state } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { tokens } from '../shared/tokens.js';
import { TaskLifecycleController } from '../shared/task-lifecycle.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { entityPageStyles } from './entity-page.styles.js';
import { capabilitiesContext, ipContext, providerContext, rangeContext, type RangeContextValue } from '../shared/context.js';
import { resolveCapabilities, type AlertFilter, type IpDataProvider, type ProviderCapabilities } from '../../data/provider.js';
import { parseIp, type IpParseResult } from '../../lib/ip.js';
import { DEFAULT_RANGE, formatRangeSpec, nextRange, type RangeSpec, type ResolvedRange } from '../../lib/time-range.js';
import { whenPainted } from '../../lib/after-paint.js';
import { PageProvider } from './page-provider.js';
import { ipIdentity } from './identity.js';
import type { ShareView } from '../shared/link-templates.js';
import type { LookupService } from '../lookup-links/lookups.js';
import { IpChangeEvent, IpRangeChangeEvent, IpTabChangeEvent, type IpFilterChangeDetail, type IpFilterChangeEvent, type IpNavigateEvent, type IpTab } from '../../events/events.js';
import { searchIcon } from '../shared/icons.js';
import '../copy-button/ip-copy-button.js';
import '../time-range-picker/ip-time-range-picker.js';
import '../overview/ip-overview.js';
import { panelContent, TAB_IDS, TABS, TabPanelsController, type TabDef } from './tab-panels.js';
import { FirstScreenController } from './first-screen.js';
import { LocaleController } from '../shared/locale-controller.js';
import { ACTION_KEYS, ShortcutsController, type ShortcutScope } from './shortcuts.js';
import type { IpResponseActions } from '../response-actions/response-actions.js';
import type { AlertColumn } from '../alerts-list/columns.js';

/**
 * The IP address entity page: header with the IP, search box and time range, tabs for the
 * overview, incidents and alerts, observed devices and (when the provider supports it) Sentinel
 * events. Give it a provider (the `provider` property) or an API address (`api-base`) and an IP.
 * It provides `{ provider, ip, range }` to every section inside it.
 *
 * Keyboard shortcuts (`shortcuts`: `page`, `within`, `off`): `/` search an IP, `r` time range,
 * `1`–`5` the tabs, `i` Add indicator, `h` Go hunt, `?` the list of shortcuts
 * (`<ip-shortcuts-dialog>`). They never act while the analyst types in a field, nor inside
 * dialogs and menus. Words and formats follow `locale` (English, German; see docs/localization.md).
 *
 * @tag ip-entity-page
 * @fires ip-change - The user switched to another IP with the search box; `detail: { ip, previous }`.
 * @fires ip-tab-change - The user selected another tab; `detail: { tab, previous }`.
 * @fires ip-range-change - The user picked another time range; `detail: { range }`.
 * @fires ip-navigate - Something asked to open an entity (device, alert, hunting …); cancelable. Severity cards are handled by the page itself.
 * @fires ip-error - A section failed to load; `detail: { section, ip, error, message }`.
 * @fires ip-filter-change - (from the alerts list) The analyst changed the list's filter or sort; `detail: { filter, sort }`.
 * @fires ip-alerts-updated - (from the alerts list) Incidents or alerts were changed and saved; `detail: { items }`.
 * @fires ip-range-select - (from the prevalence chart) The analyst zoomed to part of the range, or reset the zoom; `detail: { from, to, reset }`.
 * @fires ip-copy - (from a copy button or action) Something was copied, or the browser refused; `detail: { value, ok }`.
 * @fires ip-action-request - (from the response actions) Before any action; cancelable. `detail: { action, ip, indicator?, query?, language?, href? }`.
 * @fires ip-indicator-added - (from the response actions) An indicator was submitted; `detail: { indicator }`.
 * @slot actions - Extra actions at the end of the header (e.g. the host's own buttons).
 * @csspart response-actions - The response actions bar (`<ip-response-actions>`); its own parts are forwarded as `actions-base`, `actions-action` …
 * @csspart overview-severity-card - Each section's parts are forwarded under its prefix (`overview-`, `alerts-`, `devices-`, `intel-`, `sentinel-`, `actions-`), e.g. `::part(overview-severity-card)`, `::part(alerts-row)`; the full list is in exported-parts.ts.
 * @csspart base - The page wrapper.
 * @csspart header - The header with the IP, search and time range.
 * @csspart note - The colleagues' note on the IP (`<ip-note>`, where the provider keeps notes).
 * @csspart ip - The IP heading.
 * @csspart search - The IP search form.
 * @csspart tabs - The tab list.
 * @csspart tab - Each tab.
 * @csspart panel - Each tab panel.
 * @csspart notice - Messages instead of content (no provider, no or invalid IP).
 * @csspart range-notice - Says that the `range` given was cut to what can be asked for, or could not be read.
 * @cssprop --ip-color-bg - Page background.
 * @cssprop --ip-color-surface - Background of sections and the header.
 * @cssprop --ip-color-border - Borders.
 * @cssprop --ip-color-text - Text colour.
 * @cssprop --ip-color-text-muted - Secondary text.
 * @cssprop --ip-color-accent - Links, the selected tab and focus.
 * @cssprop --ip-color-danger - Errors.
 * @cssprop --ip-font-family - Font of the whole page.
 * @cssprop --ip-font-size - Base font size.
 * @cssprop --ip-space - Base spacing unit.
 * @cssprop --ip-radius - Corner radius.
 */
export class IpEntityPage extends LitElement {
  static override styles = [tokens, sharedStyles, entityPageStyles];

  readonly #providerCtx = new ContextProvider(this, { context: providerContext });
  readonly #ipCtx = new ContextProvider(this, { context: ipContext });
  readonly #rangeCtx = new ContextProvider(this, { context: rangeContext });
  /** Resolved once here for every section (none asks the provider itself). */
  readonly #capabilitiesCtx = new ContextProvider(this, { context: capabilitiesContext });

  /** Requests still running when the element leaves the page are aborted, and run again when it returns. */
  readonly #lifecycle = new TaskLifecycleController(this);
  readonly #capabilities = this.#lifecycle.track(new Task(this, {
    task: async ([provider], { signal }): Promise<ProviderCapabilities | undefined> =>
      provider ? resolveCapabilities(provider, { signal }) : undefined,
    args: () => [this.#provider] as const,
  }));

  /**
   * The REST provider for `api-base`, loaded on first need (most hosts set `provider` and never
   * pay for it): `{ base, provider }` once loaded, `{ base, error }` when its code failed to load.
   */
  @state() private rest?: { base: string; provider?: IpDataProvider; error?: string };
  #parsed?: IpParseResult;
  #rangeValue?: RangeContextValue & ResolvedRange & { invalid?: string };
  readonly #locale: LocaleController;
  /** What says that the range given was cut or unreadable: loaded when there is something to say. */
  #rangeNotice?: typeof import('./range-notice.js');
  readonly #panels = new TabPanelsController(this, () => this.#effectiveTab());
  #badgeLoading?: Promise<unknown>;

  @query('#search') private searchInput?: HTMLInputElement;
  /** Why the text searched for is not an address (its words load on first need). */
  @state() private searchProblem?: IpParseResult;
  /** What the analyst last applied in the alerts list (from `ip-filter-change`). */
  #alertsView?: IpFilterChangeDetail;

  /** The IP address the page is about (any valid text form; shown canonical). */
  @property({ type: String, reflect: true }) ip = '';
  /** The data provider. Wins over `api-base`. */
  @property({ attribute: false }) provider?: IpDataProvider;
  /** Base URL of the library's REST API; the page creates a `RestIpDataProvider` for it (its code loads on first use). */
  @property({ type: String, attribute: 'api-base' }) apiBase?: string;
  /** The time range every section follows: a preset (`24h`, `7d`, `30d`, `90d`, `180d`) or a custom window `from/to` in ISO 8601 (`2026-11-01T00:00Z/2026-11-15T00:00Z`; no zone means UTC), cut to end by now and to what the data source keeps. */
  @property({ type: String, reflect: true }) range: RangeSpec = DEFAULT_RANGE;
  /** The selected tab: `overview`, `alerts`, `devices` or `sentinel` (deep links). */
  @property({ type: String, reflect: true }) tab: IpTab = 'overview';
  /** `light` or `dark`; by default the page follows the OS. */
  @property({ type: String, reflect: true }) theme?: 'light' | 'dark';
  /** `compact` tightens spacing for dense screens. */
  @property({ type: String, reflect: true }) density?: 'comfortable' | 'compact';
  /** Persist per-user choices (the alerts list's columns) in localStorage under this key. */
  @property({ type: String, attribute: 'storage-key' }) storageKey?: string;
  /** The signed-in user, for "Assign to me". */
  @property({ type: String, attribute: 'current-user' }) currentUser?: string;
  /** Columns of the host's own in the alerts list (`extraColumns` of `<ip-alerts-list>`). */
  @property({ attribute: false }) alertColumns?: readonly AlertColumn[];
  /** Response actions to offer under the header, space-separated (see `<ip-response-actions>`); `none` hides the bar. Default: all. */
  @property({ type: String }) actions?: string;
  /** Show response actions the provider cannot do, disabled with the reason. */
  @property({ type: Boolean, attribute: 'show-unavailable' }) showUnavailable = false;
  /** The outside reputation services Look up elsewhere offers, each a name and a URL template with `{ip}` (default: VirusTotal, AbuseIPDB, Shodan, GreyNoise, Cisco Talos, URLhaus; `[]`: none). */
  @property({ attribute: false }) lookups?: readonly LookupService[];
  /** The alerts list's filter when it opens, e.g. `severity:high;status:new` (deep links; a new IP clears it). */
  @property({ type: String, attribute: 'alerts-filter' }) alertsFilterSpec?: string;
  /** The filter the page gives the alerts list (from `alerts-filter`, or a severity card); replaced, never mutated. */
  @state() private alertsFilter: AlertFilter = {};
  /** Template of a shareable link to this view, e.g. `https://portal.example/ip?ip={ip}&tab={tab}&range={range}&filter={filter}`; offers Copy link. */
  @property({ type: String, attribute: 'share-href' }) shareHref?: string;
  /** Link template for a device page, e.g. `https://portal.example/devices/{id}` (`{id}`, `{ip}`; values URL-encoded). Wins over the provider's link. */
  @property({ type: String, attribute: 'device-href' }) deviceHref?: string;
  /** Link template for a user's page from the Accounts tab (`{id}`: the user id, else the account; `{account}`, `{ip}`). */
  @property({ type: String, attribute: 'user-href' }) userHref?: string;
  /** Link template for an alert page (`{id}`, `{ip}`). */
  @property({ type: String, attribute: 'alert-href' }) alertHref?: string;
  /** Link template for an incident page (`{id}`, `{ip}`). */
  @property({ type: String, attribute: 'incident-href' }) incidentHref?: string;
  /** Link template for advanced hunting with a query (`{query}`, `{language}`). */
  @property({ type: String, attribute: 'hunting-href' }) huntingHref?: string;
  /** Link template for the Activity log filtered on the IP (`{ip}`). */
  @property({ type: String, attribute: 'activity-log-href' }) activityLogHref?: string;
  /** Link template for the cloud app IP range settings (`{ip}`). */
  @property({ type: String, attribute: 'cloud-app-settings-href' }) cloudAppSettingsHref?: string;

  /**
   * Keyboard shortcuts: `page` (default) answers keys pressed anywhere on the document, `within`
   * only while focus is inside the page (for portals with shortcuts of their own), `off` none.
   */
  @property({ type: String }) shortcuts: ShortcutScope = 'page';

  /**
   * The language of the page (BCP 47: `de`, `de-AT`, `en-GB`): its words (English, German; others
   * fall back to English) and the formats of dates and numbers. By default the `lang` of the page
   * or of the document. Sections inside follow it.
   */
  @property({ type: String, reflect: true }) locale?: string;

  /** The help's words, loaded with its dialog on the first `?`. */
  @state() private help?: typeof import('./shortcuts-help.js');

  constructor() {
    super();
    // Its words follow the document's language, which its `locale` (or `lang` around it) sets.
    this.#locale = new LocaleController(this, () => this.locale);
    this.#listenForShortcuts();
    // The chart's and the badge's questions leave with the overview's, not after their code.
    new FirstScreenController(this, () => ({
      provider: this.#providerCtx.value,
      ip: this.#ipCtx.value?.canonical,
      range: this.#rangeCtx.value?.range,
      overview: this.#effectiveTab() === 'overview',
      threatIntel: this.#capabilitiesCtx.value?.threatIntel,
    }));
  }

  #listenForShortcuts() {
    new ShortcutsController(this, {
      scope: () => this.shortcuts,
      search: () => {
        this.searchInput?.focus();
        this.searchInput?.select();
      },
      range: () => this.renderRoot.querySelector<HTMLElement>('ip-time-range-picker')?.focus(),
      help: () => void this.showShortcuts(),
      tab: (index) => {
        const tab = this.#tabs()[index];
        if (!tab) return false;
        this.selectTab(tab.id);
        void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${tab.id}`)?.focus());
        return true;
      },
      action: (key) => this.#runAction(ACTION_KEYS[key as keyof typeof ACTION_KEYS]),
    });
  }

  get #responseActions(): IpResponseActions | null {
    return this.renderRoot.querySelector('ip-response-actions');
  }

  /** A shortcut's action, as its button runs it; a key pressed before the bar's code loads it first. */
  #runAction(action: (typeof ACTION_KEYS)[keyof typeof ACTION_KEYS]): boolean {
    const bar = this.#responseActions;
    if (!bar) return false;
    if (typeof bar.runAction === 'function') return bar.runAction(action);
    void this.#loadActions(Promise.resolve()).then(async () => {
      const loaded = this.#responseActions;
      await loaded?.updateComplete;
      if (typeof loaded?.runAction === 'function') loaded.runAction(action);
    });
    return true;
  }

  /** The bar's code, once `when` resolves (a failed load is said, and tried again on the next update). */
  #loadActions(when: Promise<void>): Promise<unknown> {
    this.#actionsModule = when.then(() => import('../response-actions/ip-response-actions.js')).catch((error: unknown) => {
      this.#actionsModule = undefined;
      console.error('ip-entity-page: the response actions could not be loaded', error);
    });
    return this.#actionsModule;
  }

  /** Open the "Keyboard shortcuts" dialog (as `?` does); its code loads on first use. */
  async showShortcuts(): Promise<void> {
    if (!this.help) {
      const [, help] = await Promise.all([import('../shortcuts-dialog/ip-shortcuts-dialog.js'), import('./shortcuts-help.js')]);
      this.help = help;
      await this.updateComplete;
    }
    this.renderRoot.querySelector('ip-shortcuts-dialog')?.show();
  }

  /** The host's provider (or the REST one for `api-base`), as given. */
  get #hostProvider(): IpDataProvider | undefined {
    if (this.provider) return this.provider;
    const base = this.#apiBase;
    return base && this.rest?.base === base ? this.rest.provider : undefined;
  }

  readonly #pageProvider = Object.assign(new PageProvider(), { onLinks: () => this.requestUpdate() });
  #linksVersion = 0;

  /** What the page and its sections use (see PageProvider): guarded, cached, with the link templates. */
  get #provider(): IpDataProvider | undefined {
    const templates = { device: this.deviceHref, user: this.userHref, alert: this.alertHref, incident: this.incidentHref, hunting: this.huntingHref, activityLog: this.activityLogHref, cloudAppSettings: this.cloudAppSettingsHref };
    return this.#pageProvider.resolve(this.#hostProvider, templates, () => (this.#parsed?.ok ? this.#parsed.ip.canonical : undefined));
  }

  get #apiBase(): string | undefined {
    return this.apiBase ? this.apiBase.replace(/\/+$/, '') : undefined;
  }

  /** `api-base` is set and its provider's code is still loading. */
  get #connecting(): boolean {
    return !this.provider && Boolean(this.#apiBase) && !this.rest?.provider && !this.rest?.error;
  }

  #loadRest() {
    const base = this.#apiBase;
    if (this.provider || !base || this.rest?.base === base) return;
    this.rest = { base };
    import('../../providers/rest/rest-provider.js').then(
      ({ RestIpDataProvider }) => {
        if (this.rest?.base === base) this.rest = { base, provider: new RestIpDataProvider({ baseUrl: base }) };
      },
      (error: unknown) => {
        if (this.rest?.base === base) this.rest = { base, error: error instanceof Error ? error.message : String(error) };
      },
    );
  }

  /** The parsed `ip` (undefined when empty). */
  get parsedIp(): IpParseResult | undefined {
    return this.#parsed;
  }

  #actionsModule?: Promise<unknown>;

  override willUpdate(changed: PropertyValues<this>): void {
    // The response actions load after the first paint, when idle (on a cold page they competed with
    // the overview and the chart's code); their space is reserved, and a shortcut loads them at once.
    if (!this.#actionsModule && this.actions !== 'none') void this.#loadActions(whenPainted());
    super.willUpdate(changed);
    this.#loadRest();
    if (changed.has('ip') || this.#parsed === undefined) {
      const text = (this.ip ?? '').trim();
      const before = this.#parsed?.ok ? this.#parsed.ip.canonical : undefined;
      this.#parsed = text ? parseIp(text) : undefined;
      // Another IP: the answers kept for the last one go (the layer holds one IP's answers at most).
      if (before !== (this.#parsed?.ok ? this.#parsed.ip.canonical : undefined)) this.#pageProvider.forget();
    }
    // A new IP or range starts a fresh window ending now; a range the data source cannot serve
    // (it keeps fewer days) falls back to the longest it can.
    this.#rangeValue = nextRange(this.#rangeValue, this.range, this.#capabilities.value?.maxLookbackDays, changed.has('ip') || changed.has('range'));
    if ((this.#rangeValue.clamped || this.#rangeValue.invalid !== undefined) && !this.#rangeNotice) {
      void import('./range-notice.js').then((m) => {
        this.#rangeNotice = m;
        this.requestUpdate();
      });
    }
    // A new IP starts unfiltered (a new object, so the list applies it once).
    if (changed.has('ip') && changed.get('ip') !== undefined) this.alertsFilter = {};
    // Parsed by code loaded on first need (the alerts list's own), not in the first paint.
    const spec = this.alertsFilterSpec;
    if (changed.has('alertsFilterSpec') && changed.get('alertsFilterSpec') !== undefined && !spec) this.alertsFilter = {};
    if (changed.has('alertsFilterSpec') && spec) void import('../../data/alert-filter.js').then((m) => spec === this.alertsFilterSpec && (this.alertsFilter = m.parseFilter(spec)));
    // The header's badges load their code when the provider has what they show (a failed load is tried again).
    const has = this.#capabilities.value;
    if ((has?.threatIntel || has?.indicators || has?.notes) && !this.#badgeLoading) this.#badgeLoading = whenPainted().then(() => import('./header-badges.js')).catch(() => (this.#badgeLoading = undefined));
    const provider = this.#provider;
    // New link templates keep the provider (no question asked again): the sections are told to redraw their links.
    const linksVersion = this.#pageProvider.linksVersion;
    if (this.#providerCtx.value !== provider || this.#linksVersion !== linksVersion) this.#providerCtx.setValue(provider, true);
    this.#linksVersion = linksVersion;
    const ip = this.#parsed?.ok ? this.#parsed.ip : undefined;
    if (this.#ipCtx.value?.canonical !== ip?.canonical || this.#ipCtx.value?.input !== ip?.input) this.#ipCtx.setValue(ip);
    if (this.#rangeCtx.value !== this.#rangeValue) this.#rangeCtx.setValue(this.#rangeValue);
    // Only the current provider's answer (not the last provider's, while the new one is asked).
    const caps = this.#capabilities.status === TaskStatus.COMPLETE ? this.#capabilities.value : undefined;
    if (this.#capabilitiesCtx.value !== caps) this.#capabilitiesCtx.setValue(caps);
  }

  #tabs(): readonly TabDef[] {
    const caps = this.#capabilities.value;
    // The optional tabs show once the provider says it has what they need.
    const hidden: Partial<Record<IpTab, boolean>> = { sentinel: !(caps?.timeline || caps?.insights), intel: !caps?.threatIntel, accounts: !caps?.accounts };
    return TABS.filter((t) => !hidden[t.id]);
  }

  #effectiveTab(): IpTab {
    const wanted: IpTab = TAB_IDS.has(this.tab) ? this.tab : 'overview';
    return this.#tabs().some((t) => t.id === wanted) ? wanted : 'overview';
  }

  /** Select a tab as if the user did (fires `ip-tab-change`). */
  selectTab(tab: IpTab): void {
    const previous = this.#effectiveTab();
    if (!this.#tabs().some((t) => t.id === tab) || tab === previous) return;
    this.tab = tab;
    this.dispatchEvent(new IpTabChangeEvent({ tab, previous }));
  }

  // ---- handlers -----------------------------------------------------------------------------

  #onSearch(e: SubmitEvent) {
    e.preventDefault();
    const text = (this.searchInput?.value ?? '').trim();
    const result = parseIp(text);
    if (!result.ok) {
      this.searchProblem = result;
      return;
    }
    this.searchProblem = undefined;
    const previous = this.#parsed?.ok ? this.#parsed.ip.canonical : undefined;
    if (this.searchInput) this.searchInput.value = '';
    if (result.ip.canonical === previous && this.#parsed?.ok) return;
    this.ip = result.ip.canonical;
    this.dispatchEvent(new IpChangeEvent({ ip: result.ip.canonical, previous }));
  }

  #onSearchInput() {
    if (this.searchProblem) this.searchProblem = undefined;
  }

  #onRangeChange(e: IpRangeChangeEvent) {
    // Re-dispatched from the page itself so hosts see it on <ip-entity-page>.
    if (e.target === this) return;
    e.stopPropagation();
    this.range = e.detail.range;
    this.dispatchEvent(new IpRangeChangeEvent({ range: e.detail.range }));
  }

  #onNavigate(e: IpNavigateEvent) {
    if (e.detail.target !== 'alerts') return;
    // The page handles "show these in Incidents and alerts" itself.
    e.stopPropagation();
    e.preventDefault();
    this.alertsFilter = e.detail.filter ?? {};
    this.selectTab('alerts');
  }

  #onFilterChange(e: IpFilterChangeEvent) {
    // The list keeps the analyst's filter; the page only remembers it (it bubbles on to the host).
    this.#alertsView = e.detail;
  }

  /** What the analyst last applied in the alerts list (filters, search, sort), if anything. */
  get alertsView(): IpFilterChangeDetail | undefined {
    return this.#alertsView;
  }

  /** What a shareable link names (the response actions' Copy link builds it from `share-href`). */
  #shareView(): ShareView | undefined {
    const ip = this.#parsed?.ok ? this.#parsed.ip.canonical : undefined;
    const template = this.shareHref?.trim();
    return ip && template ? { template, ip, tab: this.#effectiveTab(), range: this.#rangeValue ? (this.#rangeValue.key ?? formatRangeSpec(this.#rangeValue.range)) : this.range, filter: this.#alertsView?.filter ?? this.alertsFilter } : undefined;
  }

  // ---- rendering ----------------------------------------------------------------------------

  #renderSearch(): TemplateResult {
    const invalid = Boolean(this.searchProblem);
    return html`<form class="search" part="search" role="search" aria-label=${msg('IP address')} @submit=${this.#onSearch} novalidate>
      <div class="search-row">
        <label for="search" class="visually-hidden">${msg('Search an IP address')}</label>
        <span class="search-icon" aria-hidden="true">${searchIcon}</span>
        <input
          id="search"
          class="input search-input"
          type="search"
          inputmode="text"
          autocomplete="off"
          spellcheck="false"
          placeholder=${msg('Search IP address')}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby="search-error"
          @input=${this.#onSearchInput}
        />
        <button type="submit" class="button">${msg('Go')}</button>
      </div>
      <div id="search-error" class="field-error" role="alert">${this.searchProblem ? ipProblemLater(this.searchProblem, this) : ''}</div>
    </form>`;
  }

  #renderNotice(): TemplateResult | undefined {
    const parsed = this.#parsed;
    if (!parsed) {
      return html`<div class="notice" part="notice">${msg('Enter an IP address in the search box to investigate it.')}</div>`;
    }
    if (!parsed.ok) {
      return html`<div class="notice error" part="notice" role="alert">
        <strong>${msg(str`This page cannot show “${parsed.input.length > 64 ? `${parsed.input.slice(0, 64)}…` : parsed.input}”.`)}</strong> ${ipProblemLater(parsed, this)}
      </div>`;
    }
    if (this.#connecting) {
      return html`<div class="notice" part="notice" role="status">${msg('Connecting to the data service…')}</div>`;
    }
    if (this.rest?.error && !this.provider) {
      return html`<div class="notice error" part="notice" role="alert">
        <strong>${msg('The data service’s code could not be loaded')}</strong> (${this.rest.error}).
        <button type="button" class="button" @click=${() => (this.rest = undefined)}>${msg('Retry')}</button>
      </div>`;
    }
    if (!this.#provider) {
      return html`<div class="notice error" part="notice" role="alert">
        <strong>${msg('No data provider configured.')}</strong>
        ${msg(html`Set the <code>provider</code> property to an <code>IpDataProvider</code>, or the <code>api-base</code> attribute to the address of the REST API. See “Data providers” in the ip-entity-page README.`)}
      </div>`;
    }
    return undefined;
  }

  readonly #renderPanelContent = (tab: IpTab): TemplateResult =>
    panelContent(tab, { alertsFilter: this.alertsFilter, storageKey: this.storageKey, currentUser: this.currentUser, alertColumns: this.alertColumns });

  override render() {
    const notice = this.#renderNotice();
    const active = this.#effectiveTab();
    return html`
      <div part="base" class="page" lang=${ifDefined(this.locale)} @ip-range-change=${this.#onRangeChange} @ip-navigate=${this.#onNavigate} @ip-filter-change=${this.#onFilterChange}>
        <div part="header" class="header">
          ${ipIdentity(this.#parsed, html`${this.#capabilities.value?.threatIntel ? html`<ip-reputation-badge interactive @click=${() => this.selectTab('intel')}></ip-reputation-badge>` : nothing}<ip-indicator-badge interactive></ip-indicator-badge><ip-lookup-links density="compact" .services=${this.lookups}></ip-lookup-links>`)}
          <div class="tools">
            ${this.#renderSearch()}
            <ip-time-range-picker .value=${this.#rangeValue?.key ?? formatRangeSpec(this.#rangeValue!.range)} max-lookback-days=${ifDefined(this.#capabilities.value?.maxLookbackDays)}></ip-time-range-picker>
            <div class="actions"><slot name="actions"></slot></div>
          </div>
          ${this.#rangeNotice?.rangeNotice(this.#rangeValue, this.#capabilities.value?.maxLookbackDays, this.#locale.value) ?? nothing}
          ${notice || this.actions === 'none'
            ? nothing
            : html`<ip-response-actions part="response-actions" class="response-actions" actions=${ifDefined(this.actions)} ?show-unavailable=${this.showUnavailable} .lookups=${this.lookups} .shareView=${this.shareHref ? () => this.#shareView() : undefined}></ip-response-actions>`}
          <ip-note part="note"></ip-note>
        </div>
        ${this.help ? html`<ip-shortcuts-dialog .sections=${this.help.helpSections(this.#tabs(), (a) => !!this.#responseActions?.hasAction(a))}></ip-shortcuts-dialog>` : nothing}
        ${notice ?? html`${this.#panels.renderTabs(this.#tabs(), active, (t) => this.selectTab(t))} ${this.#tabs().map((t) => this.#panels.renderPanel(t, active, this.#renderPanelContent))}`}
      </div>
    `;
  }
}
