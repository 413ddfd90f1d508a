import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { tokens } from '../shared/tokens.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { responseActionsStyles } from './response-actions.styles.js';
import { indicatorEffectStyles } from '../shared/indicator-effect.styles.js';
import { checkIcon, copyIcon, searchIcon } from '../shared/icons.js';
import { infoIcon } from '../shared/list-icons.js';
import { IpSectionElement } from '../base/section-element.js';
import { MenuButtonController } from '../shared/menu-button.js';
import { StatusMessageController } from '../shared/status-message.js';
import { statusStyles } from '../shared/status-message.styles.js';
import { copyAfterRequest, copyMessage, navigateAfterRequest } from '../shared/actions.js';
import { isAbortError } from '../../data/errors.js';
import type { IpDataProvider } from '../../data/provider.js';
import type { KnownResponseAction, ResponseAction } from '../../events/events.js';
import { indicatorIneligibility } from '../shared/indicator.js';
import { safeHref } from '../../lib/safe-url.js';
import { serializeFilter } from '../../data/alert-filter.js';
import { expandTemplate, type ShareView } from '../shared/link-templates.js';
import { ipSummaryMarkdown, type IpSummaryData } from '../shared/summary.js';
import { describeRange } from '../shared/range-text.js';
import '../lookup-links/ip-lookup-links.js';
import type { LookupService } from '../lookup-links/lookups.js';
import type { IpIndicatorWizard } from '../indicator-wizard/indicator-wizard.js';
import type { IpHuntDialog } from '../hunt-dialog/hunt-dialog.js';
import { huntQuery } from '../hunt-dialog/hunt-query.js';
import { LazyDialogs, type Dialog } from './lazy-dialogs.js';
import type { IpCaseAddedEvent } from '../../events/events.js';
import { msg, str } from '../shared/l10n.js';
import { ExistingIndicators } from './existing-indicators.js';
import { QUERY_LANGUAGES } from '../../lib/hunting.js';
import type { QueryLanguage } from '../../data/model.js';

/** Every action, in bar order. */
export const RESPONSE_ACTIONS = ['add-indicator', 'hunt', 'add-to-case', 'hunting-queries', 'activity-log', 'cloud-app-settings', 'copy-ip', 'copy-link', 'copy-summary'] as const satisfies readonly KnownResponseAction[];
export type ActionId = (typeof RESPONSE_ACTIONS)[number];

/** Each action's name, in the language in force. */
const LABELS: Readonly<Record<ActionId, string>> = {
  get ['add-indicator']() {
    return msg('Add indicator');
  },
  get hunt() {
    return msg('Go hunt');
  },
  get ['add-to-case']() {
    return msg('Add to incident');
  },
  get ['hunting-queries']() {
    return msg('Hunting queries');
  },
  get ['activity-log']() {
    return msg('Investigate in Activity log');
  },
  get ['cloud-app-settings']() {
    return msg('Open cloud app IP settings');
  },
  get ['copy-ip']() {
    return msg('Copy IP');
  },
  get ['copy-link']() {
    return msg('Copy link');
  },
  get ['copy-summary']() {
    return msg('Copy summary');
  },
};
const PRIMARY: readonly ActionId[] = ['add-indicator', 'hunt'];
/** Go hunt's list when `actions` leaves `look-up` out: one array, so a render of the bar does not hand the dialog a new one. */
const NO_LOOKUPS: readonly LookupService[] = [];

interface Availability {
  shown: boolean;
  /** Why it cannot be used (shown disabled), when it cannot. */
  reason?: string;
}

/**
 * The response actions for the IP: add it as an indicator of compromise (`<ip-indicator-wizard>`),
 * go hunt (`<ip-hunt-dialog>`: ready queries for Defender, Sentinel, Elastic and Splunk; when the
 * provider links hunting, Go hunt opens it with the Defender query and "Hunting queries" keeps the
 * dialog),
 * say whether the IP is already blocked, warned, audited or allowed by an indicator (when the
 * provider lists them; the button shows each indicator's scope, expiry and author, and Add
 * indicator warns before replacing one), investigate in the Activity log, open the cloud app IP
 * settings, copy the IP, copy a
 * Markdown summary of the IP, and look it up in outside reputation services (`<ip-lookup-links>`,
 * only for an address that may leave the organization). Narrow, the secondary actions move into a
 * "More actions" menu.
 *
 * Every action fires a cancelable `ip-action-request` first, so a host can confirm, check
 * permissions or log it (`veto(reason)`, `waitUntil(promise)`). Actions the provider cannot do
 * are hidden, or shown disabled with the reason when `show-unavailable` is set.
 *
 * Keyboard: the dialogs are WAI-ARIA modal dialogs (focus moves in and wraps, Escape closes and
 * focus returns); the More menu is a WAI-ARIA menu button (arrows, Home/End, Escape).
 *
 * @tag ip-response-actions
 * @fires ip-action-request - Before any action; cancelable. `detail: { action, ip, indicator?, query?, language?, href? }`.
 * @fires ip-indicator-added - The provider added the indicator; `detail: { indicator }`.
 * @fires ip-case-added - Add to incident recorded the IP on an incident or case; `detail: { ip, case, record }`.
 * @fires ip-navigate - Open in hunting (`target: 'hunting'`, `query`, `language`), the Activity log (`target: 'activity-log'`) or the cloud app IP settings (`target: 'cloud-app-settings'`). Cancelable.
 * @fires ip-copy - The IP, a query or the summary was copied; `detail: { value, ok }`.
 * @csspart base - The bar.
 * @csspart action - Each action button or link.
 * @csspart menu - The More actions menu.
 * @csspart dialog - The add-indicator and hunt dialogs.
 * @csspart case-dialog - The Add to incident dialog (loaded on first use).
 * @csspart case - Each incident or case in it.
 * @csspart query - The hunting query text.
 * @csspart lookup-button - The Look up elsewhere menu button (`<ip-lookup-links>`).
 * @csspart lookup-menu - Its menu of outside services.
 * @csspart lookup-link - Each outside service's link.
 * @csspart indicator-status - What the indicators already set for the IP do ("Blocked", "Allowed" …), a button that shows their list.
 * @csspart indicator-list - That list: each indicator's action, title, scope, expiry and who set it.
 * @cssprop --ip-response-actions-dialog-width - Width of the Add indicator dialog (default 40rem; the old name `--ip-dialog-width` still works). The Go hunt dialog: `--ip-hunt-dialog-width`.
 */
export class IpResponseActions extends IpSectionElement {
  static override styles = [tokens, sharedStyles, statusStyles, indicatorEffectStyles, responseActionsStyles];

  /** Which actions to offer, space-separated (default all): `add-indicator hunt hunting-queries activity-log cloud-app-settings copy-ip copy-link copy-summary look-up` (`hunting-queries` shows only when Go hunt opens a hunting link; `look-up`, the outside reputation services, only for an address that may leave the organization). */
  @property({ type: String }) actions = [...RESPONSE_ACTIONS, 'look-up'].join(' ');
  /** The outside reputation services Look up elsewhere offers (in the bar — inside `<ip-entity-page>`, in its header instead — and in Go hunt), each a name and a URL template with `{ip}`; unset: `DEFAULT_LOOKUPS`. */
  @property({ attribute: false }) lookups?: readonly LookupService[];
  /** Show actions the provider cannot do, disabled with the reason, instead of hiding them. */
  @property({ type: Boolean, attribute: 'show-unavailable' }) showUnavailable = false;
  /** Answers the summary is made of, when the host has them; what is missing is asked of the provider (inside the page: answered from what the page already loaded). */
  @property({ attribute: false }) data?: IpSummaryData;
  /** What a link to the current view names, for Copy link (shown only when this gives one); `<ip-entity-page>` sets it from its `share-href`. */
  @property({ attribute: false }) shareView?: () => ShareView | undefined;

  @state() private fallback?: { label: string; text: string };
  /** The dialogs, loaded on first use or when the page is idle (lazy-dialogs.ts). */
  readonly #dialogs = new LazyDialogs(this);
  @query('ip-indicator-wizard') private wizard?: IpIndicatorWizard;
  @query('ip-hunt-dialog') private hunt?: IpHuntDialog;

  readonly #status = new StatusMessageController(this);
  readonly #menu = new MenuButtonController(this, {
    button: () => this.renderRoot.querySelector<HTMLElement>('.more-button'),
    menu: () => this.renderRoot.querySelector<HTMLElement>('[role="menu"]'),
  });
  /** Aborts the summary's requests when the element leaves the page. */
  #summaryController?: AbortController;
  /** What each action can do, worked out once per update (the bar asks several times per render). */
  #available = new Map<ActionId, Availability>();
  /** Whether `actions` names `look-up` (the outside services in Go hunt, and in the bar unless the page's header has them), worked out with the rest. */
  #offersLookups = true;
  /** The indicators already set for the IP: the bar's status button and list, and Add indicator's warning. */
  readonly #existing = new ExistingIndicators(this, {
    provider: () => {
      const provider = this.source.provider;
      return provider && this.capabilities?.indicators === true && typeof provider.listIndicators === 'function' ? provider : undefined;
    },
    ip: () => this.#ip,
    locale: () => this.locale,
    canRemove: () => this.capabilities?.removeIndicator === true && typeof this.source.provider?.removeIndicator === 'function',
    canEdit: () => this.capabilities?.addIndicator === true && typeof this.source.provider?.addIndicator === 'function',
    removed: (i) => this.#status.say(msg(str`Indicator removed: ${i.title}`)),
    changed: (message) => this.#status.say(message),
  });

  protected override get needsCapabilities(): boolean {
    return true;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#summaryController?.abort();
  }

  /** Resolves when the bar and its dialogs have rendered. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    await Promise.all([this.wizard?.updateComplete, this.hunt?.updateComplete]);
    return done;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const wanted = new Set(this.actions.split(/[\s,]+/).filter(Boolean));
    this.#available = new Map(RESPONSE_ACTIONS.map((id) => [id, wanted.has(id) ? this.#computeAvailability(id) : { shown: false }]));
    this.#offersLookups = wanted.has('look-up');
  }

  // ---- availability --------------------------------------------------------------------------

  get #ip(): string | undefined {
    return this.source.ip?.canonical;
  }

  #availability(id: ActionId): Availability {
    return this.#available.get(id) ?? { shown: false };
  }

  #computeAvailability(id: ActionId): Availability {
    const ip = this.#ip;
    if (!ip) return { shown: true, reason: msg('No valid IP address.') };
    if (id === 'add-indicator') {
      const provider = this.source.provider;
      if (!provider || this.capabilities?.addIndicator === false || typeof provider.addIndicator !== 'function') {
        return this.showUnavailable ? { shown: true, reason: msg('This portal cannot add indicators.') } : { shown: false };
      }
      const why = indicatorIneligibility(ip);
      return why ? { shown: true, reason: why } : { shown: true };
    }
    if (id === 'add-to-case') {
      const provider = this.source.provider;
      const can = typeof provider?.listCases === 'function' && typeof provider.addToCase === 'function' && this.capabilities?.cases !== false;
      return can ? { shown: true } : this.showUnavailable ? { shown: true, reason: msg('This portal cannot record the IP on an incident.') } : { shown: false };
    }
    // With a hunting link, Go hunt opens hunting; the queries in four languages stay one action away.
    if (id === 'hunting-queries') return { shown: this.#href('hunt') !== undefined };
    if (id === 'copy-link') return { shown: this.#shareLink() !== undefined };
    return { shown: true };
  }

  // ---- actions -------------------------------------------------------------------------------

  /** The link to the current view: the template with each value URL-encoded (the filter in its attribute form). */
  #shareLink(): string | undefined {
    const v = this.shareView?.();
    return v ? safeHref(expandTemplate(v.template, { ip: v.ip, tab: v.tab, range: v.range, filter: serializeFilter(v.filter) })) : undefined;
  }

  /**
   * What Go hunt opens: the query in the first language the provider links hunting for
   * (Defender's KQL before Sentinel's, then ES|QL for Kibana's Discover), with that link; else
   * Defender's query, without a link.
   */
  #hunt(): { language: QueryLanguage; query: string; href?: string } {
    const provider = this.source.provider;
    const hunting = provider?.links?.hunting;
    const ip = this.#ip!;
    for (const language of hunting ? QUERY_LANGUAGES : []) {
      const query = huntQuery(provider, ip, this.source.timeRange, language);
      const href = safeHref(hunting!(query, language));
      if (href) return { language, query, href };
    }
    return { language: 'kql-defender', query: huntQuery(provider, ip, this.source.timeRange, 'kql-defender') };
  }

  #href(id: 'hunt' | 'activity-log' | 'cloud-app-settings'): string | undefined {
    const links = this.source.provider?.links;
    const ip = this.#ip;
    if (!ip) return undefined;
    if (id === 'hunt') return this.#hunt().href;
    return safeHref(id === 'activity-log' ? links?.activityLog?.(ip) : links?.cloudAppSettings?.(ip));
  }

  async #navigate(e: Event, id: 'hunt' | 'activity-log' | 'cloud-app-settings') {
    this.#menu.close();
    const hunt = id === 'hunt' ? this.#hunt() : undefined;
    const nav = hunt ? { target: 'hunting' as const, query: hunt.query, language: hunt.language } : { target: id };
    const refused = await navigateAfterRequest(this, e, id, { ...nav, ip: this.#ip, href: hunt ? hunt.href : this.#href(id) });
    if (refused) this.#status.say(refused, 'error');
  }

  /** Copy after the request gate; when the clipboard is refused, show the text selected to copy by hand. */
  async #copy(action: ResponseAction, label: string, text: () => string | Promise<string>) {
    this.#menu.close();
    const ip = this.#ip;
    if (!ip) return;
    const outcome = await copyAfterRequest(this, action, ip, label, text);
    const said = copyMessage(outcome, label, false);
    if (said) this.#status.say(...said);
    if (outcome.kind === 'copied') this.fallback = undefined;
    if (outcome.kind !== 'blocked') return;
    this.fallback = { label, text: outcome.value };
    await this.updateComplete;
    const area = this.renderRoot.querySelector<HTMLTextAreaElement>('.fallback textarea');
    area?.focus();
    area?.select();
  }

  /**
   * The Markdown summary of this IP and range: from `data` where given, else from the provider
   * (inside the page, its kept answers: no new request for what a section already loaded, and
   * the same summary whichever tabs were visited). A part that fails is left out, not the whole.
   */
  async summaryMarkdown(): Promise<string> {
    const ip = this.source.ip;
    if (!ip) return '';
    const range = this.source.timeRange;
    const provider = this.source.provider;
    this.#summaryController?.abort();
    const controller = (this.#summaryController = new AbortController());
    const o = { signal: controller.signal };
    const given = this.data;
    const ask = <T,>(value: T | undefined, call: ((p: IpDataProvider) => Promise<T>) | undefined): Promise<T | undefined> =>
      value !== undefined || !provider || !call ? Promise.resolve(value) : call(provider).catch((error: unknown) => {
        if (isAbortError(error)) throw error;
        return undefined;
      });
    const [details, summary, logActivity, prevalence] = await Promise.all([
      ask(given?.details, (p) => p.getIpDetails(ip.canonical, o)),
      ask(given?.summary, (p) => p.getSecuritySummary(ip.canonical, range, o)),
      ask(given?.logActivity, (p) => p.getLogActivity(ip.canonical, range, o)),
      ask(given?.prevalence, (p) => p.getPrevalence(ip.canonical, range, o)),
    ]);
    return ipSummaryMarkdown({ ip, rangeLabel: describeRange(range, this.source.range.key), details, summary, logActivity, prevalence, locale: this.locale });
  }

  /** Open the add-indicator wizard (as the button does). */
  openAddIndicator(): void {
    const a = this.#availability('add-indicator');
    if (a.reason) this.#status.say(a.reason, 'error');
    if (!a.shown || a.reason) return;
    void this.#open('wizard', this.renderRoot.querySelector<HTMLElement>('[data-action="add-indicator"]'));
  }

  /** Open the list of the indicators set for the IP, focus on its button (as the page's header badge asks). */
  showIndicators(): void {
    this.#existing.show();
  }

  /** Whether the bar shows the action (available or, with `show-unavailable`, with its reason). */
  hasAction(id: ActionId): boolean {
    return this.#availability(id).shown;
  }

  /**
   * Run an action as its button would (the page's shortcut keys `i` and `h`): false when the bar
   * does not show it. An unavailable action says why, as its button does.
   */
  runAction(id: ActionId): boolean {
    const control = this.hasAction(id) ? this.renderRoot.querySelector<HTMLElement>(`.bar [data-action="${id}"]:not([role="menuitem"])`) : null;
    control?.click();
    return Boolean(control);
  }

  /** An action's name; Add to incident is Add to case where the backend keeps cases (Elastic). */
  #label(id: ActionId): string {
    return id === 'add-to-case' && this.capabilities?.caseKind === 'case' ? msg('Add to case') : LABELS[id];
  }

  /** Open a dialog (its code loads first when it has not yet). */
  async #open(which: Dialog, returnTo: HTMLElement | null) {
    if (!(await this.#dialogs.open(which, returnTo))) this.#status.say(msg('The dialog could not load. Check the connection and try again.'), 'error');
  }

  /** The trigger focus returns to: the button itself, or the More button for a menu item (hidden once the menu closes). */
  #returnTarget(trigger: HTMLElement | null): HTMLElement | null {
    return trigger?.getAttribute('role') === 'menuitem' ? this.renderRoot.querySelector<HTMLElement>('.more-button') : trigger;
  }

  #activate(id: ActionId, e: Event) {
    const trigger = (e.currentTarget as HTMLElement | null) ?? null;
    const a = this.#availability(id);
    if (a.reason) {
      e.preventDefault();
      this.#status.say(a.reason, 'error');
      return;
    }
    const ip = this.#ip!;
    switch (id) {
      case 'add-indicator':
        this.#menu.close();
        void this.#open('wizard', this.#returnTarget(trigger));
        break;
      case 'hunt':
      case 'hunting-queries':
        // With a hunting link Go hunt opens it; without one (and Hunting queries always) it shows the queries.
        if (id === 'hunt' && this.#href('hunt')) {
          void this.#navigate(e, 'hunt');
          break;
        }
        this.#menu.close();
        void this.#open('hunt', this.#returnTarget(trigger));
        break;
      case 'add-to-case':
        this.#menu.close();
        void this.#open('cases', this.#returnTarget(trigger));
        break;
      case 'activity-log':
      case 'cloud-app-settings':
        void this.#navigate(e, id);
        break;
      case 'copy-ip':
        void this.#copy('copy-ip', msg('The IP address'), () => ip);
        break;
      case 'copy-link':
        void this.#copy('copy-link', msg('The link'), () => this.#shareLink() ?? '');
        break;
      case 'copy-summary':
        void this.#copy('copy-summary', msg('The summary'), () => this.summaryMarkdown());
        break;
    }
  }

  // ---- rendering -----------------------------------------------------------------------------

  #icon(id: ActionId): TemplateResult | typeof nothing {
    if (id === 'hunt' || id === 'hunting-queries') return searchIcon;
    if (id === 'copy-ip' || id === 'copy-link' || id === 'copy-summary') return copyIcon;
    return nothing;
  }

  #renderAction(id: ActionId, inMenu: boolean): TemplateResult | typeof nothing {
    const a = this.#availability(id);
    if (!a.shown) return nothing;
    const reasonId = `reason-${id}${inMenu ? '-m' : ''}`;
    const common = {
      cls: inMenu ? 'menuitem' : `button action ${id === 'add-indicator' ? 'primary' : ''}`,
      role: inMenu ? 'menuitem' : nothing,
      tabindex: inMenu ? '-1' : nothing,
    };
    const label = html`${this.#icon(id)}<span>${this.#label(id)}</span>`;
    const href = id === 'hunt' || id === 'activity-log' || id === 'cloud-app-settings' ? this.#href(id) : undefined;
    // In the bar the reasons line up below it (see #renderBar); in the menu, under the item.
    const reason = a.reason && inMenu ? html`<span class="reason" id=${reasonId}>${a.reason}</span>` : nothing;
    const control =
      href && !a.reason
        ? html`<a class=${common.cls} part="action" data-action=${id} role=${common.role} tabindex=${common.tabindex} href=${href} @click=${(e: Event) => this.#activate(id, e)}>${label}</a>`
        : html`<button type="button" class=${common.cls} part="action" data-action=${id} role=${common.role} tabindex=${common.tabindex}
            aria-disabled=${a.reason ? 'true' : nothing} aria-describedby=${a.reason ? reasonId : nothing}
            aria-haspopup=${id === 'add-indicator' || id === 'hunt' || id === 'hunting-queries' || id === 'add-to-case' ? 'dialog' : nothing} @click=${(e: Event) => this.#activate(id, e)}>${label}</button>`;
    return html`<span class="item ${a.reason ? 'unavailable' : ''}">${control}${reason}</span>`;
  }

  #renderBar(): TemplateResult {
    const visible = RESPONSE_ACTIONS.filter((id) => this.#availability(id).shown);
    const secondary = visible.filter((id) => !PRIMARY.includes(id));
    return html`<div class="bar" part="base" role="group" aria-label=${msg('Response actions')}>
      ${visible.filter((id) => PRIMARY.includes(id)).map((id) => this.#renderAction(id, false))}
      ${this.#existing.renderStatus()}
      <span class="secondary">${secondary.map((id) => this.#renderAction(id, false))}</span>
      ${secondary.length
        ? html`<span class="more" @focusout=${this.#menu.onFocusOut}>
            <button type="button" class="button more-button" aria-haspopup="menu" aria-expanded=${this.#menu.open ? 'true' : 'false'} aria-controls="more-menu"
              @click=${this.#menu.onButtonClick} @keydown=${this.#menu.onButtonKeydown}>${msg('More actions')} <span aria-hidden="true">▾</span></button>
            <div id="more-menu" class="menu" part="menu" role="menu" aria-label=${msg('More actions')} ?hidden=${!this.#menu.open} @keydown=${this.#menu.onMenuKeydown}>
              ${secondary.map((id) => this.#renderAction(id, true))}
            </div>
          </span>`
        : nothing}
      ${this.#offersLookups && !this.source.inPage ? html`<ip-lookup-links exportparts="button: lookup-button, menu: lookup-menu, link: lookup-link" .ip=${this.ip} .services=${this.lookups}></ip-lookup-links>` : nothing}
      <span class="status ${this.#status.kind}" role="status">${this.#status.text ? html`${this.#status.kind === 'ok' ? checkIcon : infoIcon} ${this.#status.text}` : nothing}</span>
    </div>
    ${this.#existing.renderList()}
    ${visible.some((id) => this.#availability(id).reason)
      ? html`<div class="notes">
          ${visible.map((id) => {
            const reason = this.#availability(id).reason;
            return reason ? html`<p class="reason" id="reason-${id}">${infoIcon} <span>${msg(html`<strong>${this.#label(id)}:</strong> ${reason}`)}</span></p>` : nothing;
          })}
        </div>`
      : nothing}
    ${this.fallback
      ? html`<div class="fallback" role="group" aria-label=${msg('Copy manually')}>
          <label for="fallback-text">${msg(str`${this.fallback.label}: select it and press Ctrl+C (⌘C)`)}</label>
          <textarea id="fallback-text" class="input mono" readonly rows=${Math.min(12, this.fallback.text.split('\n').length)} .value=${this.fallback.text}></textarea>
          <button type="button" class="button subtle" @click=${() => (this.fallback = undefined)}>${msg('Done')}</button>
        </div>`
      : nothing}`;
  }

  override render() {
    // The dialogs take the bar's own provider, IP and range when it has them; else, like the bar, the page's.
    return html`${this.#renderBar()}
      ${this.#dialogs.has('wizard') ? html`<ip-indicator-wizard exportparts="dialog" .provider=${this.provider} .ip=${this.ip} .range=${this.range} .existing=${this.#existing.list} @ip-indicator-added=${() => this.#existing.refresh()}></ip-indicator-wizard>` : nothing}
      ${this.#dialogs.has('hunt') ? html`<ip-hunt-dialog exportparts="dialog, query" .provider=${this.provider} .ip=${this.ip} .range=${this.range} .services=${this.#offersLookups ? this.lookups : NO_LOOKUPS}></ip-hunt-dialog>` : nothing}
      ${this.#dialogs.has('cases') ? html`<ip-case-dialog exportparts="dialog: case-dialog, case" .provider=${this.provider} .ip=${this.ip} .range=${this.range} @ip-case-added=${(e: IpCaseAddedEvent) => this.#status.say(msg(str`Added to “${e.detail.case.title}”.`))}></ip-case-dialog>` : nothing}`;
  }
}
