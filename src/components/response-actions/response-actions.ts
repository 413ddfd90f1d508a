import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { tokens } from '../shared/tokens.js';
import { TaskLifecycle } from '../shared/task-lifecycle.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { responseActionsStyles } from './response-actions.styles.js';
import { DataController } from '../shared/data-controller.js';
import { checkIcon, copyIcon, infoIcon, searchIcon } from '../shared/icons.js';
import { describeError, isAbortError } from '../../data/errors.js';
import { INDICATOR_ACTIONS, type IndicatorAction, type QueryLanguage } from '../../data/model.js';
import { resolveCapabilities, type ProviderCapabilities } from '../../data/provider.js';
import { IpActionRequestEvent, IpCopyEvent, IpIndicatorAddedEvent, IpNavigateEvent, type IpActionRequestDetail, type ResponseAction } from '../../events/events.js';
import { huntingQuery, QUERY_LANGUAGES, QUERY_LANGUAGE_LABELS } from '../../lib/hunting.js';
import { indicatorIneligibility } from '../../lib/indicator.js';
import { localeOf } from '../../lib/format.js';
import { safeHref } from '../../lib/safe-url.js';
import { ipSummaryMarkdown, type IpSummaryData } from '../../lib/summary.js';
import { describeRange } from '../../lib/time-range.js';
import type { RangeKey } from '../../lib/time-range.js';
import type { IpDataProvider } from '../../data/provider.js';
import {
  draftProblems,
  draftToInput,
  emptyDraft,
  isDirty,
  renderDone,
  renderStep,
  STEP_FIELDS,
  WIZARD_STEPS,
  type IndicatorDraft,
  type WizardStep,
} from './indicator-wizard.js';
import type { Indicator } from '../../data/model.js';

/** Every action, in bar order. */
export const RESPONSE_ACTIONS = ['add-indicator', 'hunt', 'activity-log', 'cloud-app-settings', 'copy-ip', 'copy-summary'] as const;
type ActionId = (typeof RESPONSE_ACTIONS)[number];

const LABELS: Record<ActionId, string> = {
  'add-indicator': 'Add indicator',
  hunt: 'Go hunt',
  'activity-log': 'Investigate in Activity log',
  'cloud-app-settings': 'Open cloud app IP settings',
  'copy-ip': 'Copy IP',
  'copy-summary': 'Copy summary',
};
const PRIMARY: readonly ActionId[] = ['add-indicator', 'hunt'];
const DEFAULT_INDICATOR_ACTIONS: readonly IndicatorAction[] = ['Allowed', 'Audit', 'Warn', 'Block'];

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

interface Availability {
  shown: boolean;
  /** Why it cannot be used (shown disabled), when it cannot. */
  reason?: string;
}

/**
 * The response actions for the IP: add it as an indicator of compromise (a wizard), go hunt
 * (ready queries for Defender, Sentinel, Elastic and Splunk), investigate in the Activity log,
 * open the cloud app IP settings, copy the IP, and copy a Markdown summary of what the page has
 * loaded. Narrow, the secondary actions move into a "More actions" menu.
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
 * @fires ip-navigate - Open in hunting (`target: 'hunting'`, `query`, `language`), the Activity log (`target: 'activity-log'`) or the cloud app IP settings (`target: 'cloud-app-settings'`). Cancelable.
 * @fires ip-copy - The IP, a query or the summary was copied; `detail: { value, ok }`.
 * @csspart base - The bar.
 * @csspart action - Each action button or link.
 * @csspart menu - The More actions menu.
 * @csspart dialog - The add-indicator and hunt dialogs.
 * @csspart query - The hunting query text.
 * @cssprop --ip-response-actions-dialog-width - Width of the Add indicator and Go hunt dialogs (default 40rem; the old name `--ip-dialog-width` still works).
 */
export class IpResponseActions extends LitElement {
  static override styles = [tokens, sharedStyles, responseActionsStyles];

  readonly #data = new DataController(this);
  /** Aborts the summary's requests when the element leaves the page. */
  #summaryController?: AbortController;

  /** Requests still running when the element leaves the page are aborted, and run again when it returns. */
  readonly #lifecycle = new TaskLifecycle(this);
  readonly #caps = this.#lifecycle.track(new Task(this, {
    task: async ([provider], { signal }): Promise<ProviderCapabilities | undefined> => (provider ? resolveCapabilities(provider, { signal }) : undefined),
    args: () => [this.#data.provider] as const,
  }));

  @query('dialog.wizard') private wizardDialog?: HTMLDialogElement;
  @query('dialog.hunt') private huntDialog?: HTMLDialogElement;

  /** The data provider; wins over the one `<ip-entity-page>` provides. */
  @property({ attribute: false }) provider?: IpDataProvider;
  /** The IP address; wins over the page's. */
  @property({ type: String }) ip?: string;
  /** The time range of the hunting queries and the summary; wins over the page's. */
  @property({ type: String }) range?: RangeKey;
  /** Which actions to offer, space-separated (default all): `add-indicator hunt activity-log cloud-app-settings copy-ip copy-summary`. */
  @property({ type: String }) actions = RESPONSE_ACTIONS.join(' ');
  /** Show actions the provider cannot do, disabled with the reason, instead of hiding them. */
  @property({ type: Boolean, attribute: 'show-unavailable' }) showUnavailable = false;
  /** Answers the summary is made of, when the host has them; what is missing is asked of the provider (inside the page: answered from what the page already loaded). */
  @property({ attribute: false }) data?: IpSummaryData;
  /** `light` or `dark`; default follows the page or the OS. */
  @property({ type: String, reflect: true }) theme?: 'light' | 'dark';
  /** `compact` spacing. */
  @property({ type: String, reflect: true }) density?: 'comfortable' | 'compact';

  @state() private menuOpen = false;
  @state() private status = '';
  @state() private statusKind: 'ok' | 'error' = 'ok';
  @state() private fallback?: { label: string; text: string };
  // Wizard
  @state() private wizardOpen = false;
  @state() private step: WizardStep = 'indicator';
  @state() private draft: IndicatorDraft = emptyDraft();
  @state() private shownProblems: Record<string, string> = {};
  @state() private submitting = false;
  @state() private submitError?: string;
  @state() private result?: Indicator;
  @state() private confirmDiscard = false;
  @state() private groups?: string[];
  @state() private groupsError?: string;
  @state() private stepAnnouncement = '';
  /** The IP the open wizard is for (the page's IP when it opened). */
  @state() private wizardIp?: string;
  // Hunt
  @state() private huntOpen = false;
  @state() private language: QueryLanguage = 'kql-defender';

  #returnFocus?: HTMLElement;
  #statusTimer?: ReturnType<typeof setTimeout>;
  #submitController?: AbortController;
  /** The idempotency key of the wizard's current draft. */
  #draftKey?: string;
  #groupsController?: AbortController;
  #locale?: string;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#statusTimer);
    this.#submitController?.abort();
    this.#groupsController?.abort();
    this.#summaryController?.abort();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#locale = localeOf(this);
    const wanted = new Set(this.actions.split(/[\s,]+/).filter(Boolean));
    this.#available = new Map(RESPONSE_ACTIONS.map((id) => [id, wanted.has(id) ? this.#computeAvailability(id) : { shown: false }]));
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Keep the native dialogs in step with the state (top layer, inert background, Escape).
    this.#sync(this.wizardDialog, this.wizardOpen);
    this.#sync(this.huntDialog, this.huntOpen);
  }

  #sync(dialog: HTMLDialogElement | undefined, open: boolean) {
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    else if (!open && dialog.open) dialog.close();
  }

  // ---- availability --------------------------------------------------------------------------

  get #ip(): string | undefined {
    return this.#data.ip?.canonical;
  }

  /** What each action can do, worked out once per update (the bar asks several times per render). */
  #available = new Map<ActionId, Availability>();

  #availability(id: ActionId): Availability {
    return this.#available.get(id) ?? { shown: false };
  }

  #computeAvailability(id: ActionId): Availability {
    const ip = this.#ip;
    if (!ip) return { shown: true, reason: 'No valid IP address.' };
    if (id === 'add-indicator') {
      const caps = this.#caps.value;
      if (!this.#data.provider || (caps && !caps.addIndicator) || typeof this.#data.provider.addIndicator !== 'function') {
        return this.showUnavailable ? { shown: true, reason: 'This portal cannot add indicators.' } : { shown: false };
      }
      const why = indicatorIneligibility(ip);
      return why ? { shown: true, reason: why } : { shown: true };
    }
    return { shown: true };
  }

  // ---- the request gate ----------------------------------------------------------------------

  /** Fire `ip-action-request`; resolves with whether the action may go ahead (and says why not). */
  async #request(detail: IpActionRequestDetail): Promise<boolean> {
    const event = new IpActionRequestEvent(detail);
    this.dispatchEvent(event);
    const ok = await event.allowed();
    if (!ok) this.#say(event.reason ? `Not done: ${event.reason}` : 'Not done: the portal did not allow this action.', 'error');
    return ok;
  }

  #say(message: string, kind: 'ok' | 'error' = 'ok') {
    clearTimeout(this.#statusTimer);
    this.status = message;
    this.statusKind = kind;
    if (kind === 'ok') this.#statusTimer = setTimeout(() => (this.status = ''), 4000);
  }

  // ---- navigation ----------------------------------------------------------------------------

  #href(id: 'activity-log' | 'cloud-app-settings'): string | undefined {
    const links = this.#data.provider?.links;
    const ip = this.#ip!;
    return safeHref(id === 'activity-log' ? links?.activityLog?.(ip) : links?.cloudAppSettings?.(ip));
  }

  /**
   * Run a navigation action: request, then `ip-navigate`; a link is followed only when neither
   * was canceled. A plain click on a link waits for the host; modified clicks open tabs natively.
   */
  async #navigate(e: Event | undefined, action: ResponseAction, nav: ConstructorParameters<typeof IpNavigateEvent>[0]) {
    const mouse = e as MouseEvent | undefined;
    if (mouse && (mouse.button !== 0 || mouse.metaKey || mouse.ctrlKey || mouse.shiftKey || mouse.altKey)) return;
    e?.preventDefault();
    this.menuOpen = false;
    if (!(await this.#request({ action, ip: nav.ip!, href: nav.href, query: nav.query, language: nav.language }))) return;
    const go = this.dispatchEvent(new IpNavigateEvent(nav));
    if (go && nav.href) window.location.assign(nav.href);
  }

  // ---- copy ----------------------------------------------------------------------------------

  /** Copy after the request gate; when the clipboard is refused, show the text selected (or select `inPlace`). */
  async #copy(action: ResponseAction, label: string, text: () => string | Promise<string>, inPlace?: () => HTMLTextAreaElement | null) {
    this.menuOpen = false;
    const ip = this.#ip;
    if (!ip || !(await this.#request({ action, ip }))) return;
    let value: string;
    try {
      value = await text();
    } catch (error) {
      if (!isAbortError(error)) this.#say(`${label} could not be made: ${describeError(error)}`, 'error');
      return;
    }
    let ok = false;
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(value);
      ok = true;
    } catch {
      ok = false;
    }
    this.dispatchEvent(new IpCopyEvent({ value, ok }));
    if (ok) {
      this.fallback = undefined;
      this.#say(`${label} copied to the clipboard.`);
    } else {
      const own = inPlace?.();
      if (!own) this.fallback = { label, text: value };
      this.#say(`The browser did not allow copying. ${own ? 'The text is selected' : 'Select the text below'}: press Ctrl+C (⌘C).`, 'error');
      await this.updateComplete;
      const area = own ?? this.renderRoot.querySelector<HTMLTextAreaElement>('.fallback textarea');
      area?.focus();
      area?.select();
    }
  }

  /**
   * The Markdown summary of this IP and range: from `data` where given, else from the provider
   * (inside the page, its kept answers: no new request for what a section already loaded, and
   * the same summary whichever tabs were visited). A part that fails is left out, not the whole.
   */
  async summaryMarkdown(): Promise<string> {
    const ip = this.#data.ip;
    if (!ip) return '';
    const range = this.#data.timeRange;
    const provider = this.#data.provider;
    this.#summaryController?.abort();
    const controller = (this.#summaryController = new AbortController());
    const o = { signal: controller.signal };
    const ask = <T,>(given: T | undefined, call: ((p: IpDataProvider) => Promise<T>) | undefined): Promise<T | undefined> =>
      given !== undefined || !provider || !call ? Promise.resolve(given) : call(provider).catch((error: unknown) => {
        if (isAbortError(error)) throw error;
        return undefined;
      });
    const [details, summary, logActivity, prevalence] = await Promise.all([
      ask(this.data?.details, (p) => p.getIpDetails(ip.canonical, o)),
      ask(this.data?.summary, (p) => p.getSecuritySummary(ip.canonical, range, o)),
      ask(this.data?.logActivity, (p) => p.getLogActivity(ip.canonical, range, o)),
      ask(this.data?.prevalence, (p) => p.getPrevalence(ip.canonical, range, o)),
    ]);
    return ipSummaryMarkdown({ ip, rangeLabel: describeRange(range, this.#data.range.key), details, summary, logActivity, prevalence, locale: this.#locale });
  }

  // ---- hunt ----------------------------------------------------------------------------------

  #query(language: QueryLanguage): string {
    const ip = this.#ip!;
    const range = this.#data.timeRange;
    return this.#data.provider?.huntingQuery?.(ip, range, language) ?? huntingQuery(ip, range, language);
  }

  #openHunt(trigger: HTMLElement | null) {
    this.menuOpen = false;
    this.#returnFocus = trigger ?? undefined;
    this.huntOpen = true;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.hunt [role="tab"][aria-selected="true"]')?.focus());
  }

  #closeHunt() {
    this.huntOpen = false;
    void this.updateComplete.then(() => this.#restoreFocus());
  }

  #onHuntTabKey(e: KeyboardEvent) {
    const i = QUERY_LANGUAGES.indexOf(this.language);
    let next = i;
    if (e.key === 'ArrowRight') next = (i + 1) % QUERY_LANGUAGES.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + QUERY_LANGUAGES.length) % QUERY_LANGUAGES.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = QUERY_LANGUAGES.length - 1;
    else return;
    e.preventDefault();
    this.language = QUERY_LANGUAGES[next]!;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${this.language}`)?.focus());
  }

  // ---- wizard --------------------------------------------------------------------------------

  /** Open the add-indicator wizard (as the button does). */
  openAddIndicator(): void {
    const a = this.#availability('add-indicator');
    if (!a.shown || a.reason) {
      if (a.reason) this.#say(a.reason, 'error');
      return;
    }
    this.#returnFocus = (this.renderRoot.querySelector('[data-action="add-indicator"]') as HTMLElement | null) ?? undefined;
    this.#startWizard();
  }

  #startWizard() {
    this.menuOpen = false;
    // The wizard is bound to the IP it was opened for: a page that moves to another IP meanwhile
    // does not change what is submitted unless the analyst says so.
    this.wizardIp = this.#ip;
    this.#draftKey = crypto.randomUUID();
    this.step = 'indicator';
    this.shownProblems = {};
    this.submitError = undefined;
    this.confirmDiscard = false;
    this.wizardOpen = true;
    this.stepAnnouncement = `Step 1 of ${WIZARD_STEPS.length}: Indicator`;
    this.#loadGroups();
    void this.updateComplete.then(() => this.#focusStep(false));
  }

  #loadGroups() {
    const provider = this.#data.provider;
    if (this.groups !== undefined) return;
    if (!provider?.listDeviceGroups || this.#caps.value?.deviceGroups === false) {
      this.groups = [];
      return;
    }
    this.#groupsController?.abort();
    const controller = (this.#groupsController = new AbortController());
    provider.listDeviceGroups({ signal: controller.signal }).then(
      (groups) => {
        this.groups = Array.isArray(groups) ? groups.filter((g) => typeof g === 'string' && g.trim()) : [];
      },
      (error: unknown) => {
        if (isAbortError(error)) return;
        this.groups = [];
        this.groupsError = `device groups could not be loaded: ${describeError(error)}`;
      },
    );
  }

  get #stepIndex(): number {
    return WIZARD_STEPS.findIndex(([k]) => k === this.step);
  }

  #problemsFor(steps: readonly WizardStep[]): Record<string, string> {
    const all = draftProblems(this.draft, this.wizardIp!);
    const fields = new Set(steps.flatMap((s) => STEP_FIELDS[s]));
    return Object.fromEntries(Object.entries(all).filter(([k]) => fields.has(k)));
  }

  #goTo(step: WizardStep) {
    this.step = step;
    const i = this.#stepIndex;
    this.stepAnnouncement = `Step ${i + 1} of ${WIZARD_STEPS.length}: ${WIZARD_STEPS[i]![1]}`;
    void this.updateComplete.then(() => this.#focusStep(true));
  }

  #focusStep(heading: boolean) {
    const root = this.renderRoot;
    if (heading) root.querySelector<HTMLElement>('#step-title')?.focus();
    else root.querySelector<HTMLElement>('.wizard form select, .wizard form input:not([readonly]), .wizard form textarea')?.focus();
  }

  #next() {
    const problems = this.#problemsFor([this.step]);
    if (Object.keys(problems).length) {
      this.#showProblems(problems);
      return;
    }
    this.shownProblems = {};
    this.#goTo(WIZARD_STEPS[Math.min(this.#stepIndex + 1, WIZARD_STEPS.length - 1)]![0]);
  }

  #back() {
    this.#goTo(WIZARD_STEPS[Math.max(0, this.#stepIndex - 1)]![0]);
  }

  #showProblems(problems: Record<string, string>) {
    this.shownProblems = problems;
    const count = Object.keys(problems).length;
    this.stepAnnouncement = `${count === 1 ? '1 problem' : `${count} problems`}: ${Object.values(problems).join(' ')}`;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.wizard [aria-invalid="true"]')?.focus());
  }

  #change(patch: Partial<IndicatorDraft>) {
    this.draft = { ...this.draft, ...patch };
    this.#draftKey = crypto.randomUUID(); // another draft: a new idempotency key
    // Fixing a field clears its message at once; new messages wait for Next.
    if (Object.keys(this.shownProblems).length) {
      const now = draftProblems(this.draft, this.wizardIp!);
      this.shownProblems = Object.fromEntries(Object.entries(this.shownProblems).filter(([k]) => now[k]).map(([k]) => [k, now[k]!]));
    }
  }

  async #submit() {
    if (this.submitting) return; // a double click submits once
    const ip = this.wizardIp!;
    const problems = draftProblems(this.draft, ip);
    if (Object.keys(problems).length) {
      const first = WIZARD_STEPS.find(([s]) => STEP_FIELDS[s].some((f) => problems[f]))![0];
      this.#goTo(first);
      await this.updateComplete;
      this.#showProblems(this.#problemsFor([first]));
      return;
    }
    const input = draftToInput(this.draft, ip);
    this.submitting = true;
    this.submitError = undefined;
    try {
      const event = new IpActionRequestEvent({ action: 'add-indicator', ip, indicator: input });
      this.dispatchEvent(event);
      if (!(await event.allowed())) {
        this.submitError = event.reason ? `Not submitted: ${event.reason}` : 'Not submitted: the portal did not allow it.';
        return;
      }
      const controller = (this.#submitController = new AbortController());
      // The same key on every retry of this draft: a submit that timed out after it was applied is not applied twice.
      const indicator = await this.#data.provider!.addIndicator!(input, { signal: controller.signal, idempotencyKey: this.#draftKey });
      this.result = indicator;
      this.stepAnnouncement = `Indicator ${indicator.id} added.`;
      this.dispatchEvent(new IpIndicatorAddedEvent({ indicator }));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.wizard .done-close')?.focus();
    } catch (error) {
      if (isAbortError(error)) return;
      this.submitError = describeError(error);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.wizard .submit-error')?.focus();
    } finally {
      this.submitting = false;
    }
  }

  /** Close, asking first when something typed would be lost. */
  #requestCloseWizard() {
    if (this.submitting) return;
    if (!this.result && isDirty(this.draft)) {
      this.confirmDiscard = true;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.confirm .keep')?.focus());
      return;
    }
    this.#closeWizard();
  }

  /** Close; what was typed is gone (it was confirmed, submitted, or there was nothing). */
  #closeWizard() {
    this.draft = emptyDraft();
    this.wizardIp = undefined;
    this.result = undefined;
    this.confirmDiscard = false;
    this.wizardOpen = false;
    this.shownProblems = {};
    void this.updateComplete.then(() => this.#restoreFocus());
  }

  #restoreFocus() {
    const target = this.#returnFocus?.isConnected && this.#returnFocus.offsetParent !== null ? this.#returnFocus : this.renderRoot.querySelector<HTMLElement>('.more-button');
    target?.focus();
  }

  /** Tab wraps inside the dialog; Escape asks to close (handled here so it never closes unasked). */
  #onDialogKeydown(e: KeyboardEvent, close: () => void) {
    const dialog = e.currentTarget as HTMLDialogElement;
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      if (this.confirmDiscard) {
        this.confirmDiscard = false;
        void this.updateComplete.then(() => this.#focusStep(true));
      } else close();
      return;
    }
    if (e.key !== 'Tab') return;
    const scope = (this.confirmDiscard ? dialog.querySelector('.confirm') : dialog) ?? dialog;
    const items = [...scope.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null || el.tagName === 'IP-COPY-BUTTON');
    if (!items.length) return;
    const active = (this.shadowRoot!.activeElement) as HTMLElement | null;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (e.shiftKey && (active === first || !scope.contains(active))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (active === last || !scope.contains(active))) {
      e.preventDefault();
      first.focus();
    }
  }

  // ---- menu ----------------------------------------------------------------------------------

  #menuItems(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('[role="menuitem"]')];
  }

  #toggleMenu(open = !this.menuOpen, focus: 'first' | 'last' = 'first') {
    this.menuOpen = open;
    if (open) {
      void this.updateComplete.then(() => {
        const items = this.#menuItems().filter((i) => i.getAttribute('aria-disabled') !== 'true');
        (focus === 'first' ? items[0] : items.at(-1))?.focus();
      });
    }
  }

  #onMenuButtonKey(e: KeyboardEvent) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      this.#toggleMenu(true, e.key === 'ArrowDown' ? 'first' : 'last');
    }
  }

  #onMenuKey(e: KeyboardEvent) {
    const items = this.#menuItems();
    const i = items.indexOf((this.shadowRoot!.activeElement) as HTMLElement);
    const focus = (n: number) => items[(n + items.length) % items.length]?.focus();
    switch (e.key) {
      case 'ArrowDown':
        focus(i + 1);
        break;
      case 'ArrowUp':
        focus(i - 1);
        break;
      case 'Home':
        focus(0);
        break;
      case 'End':
        focus(items.length - 1);
        break;
      case 'Escape':
        this.menuOpen = false;
        this.renderRoot.querySelector<HTMLElement>('.more-button')?.focus();
        break;
      case 'Tab':
        this.menuOpen = false;
        return;
      case ' ':
        (items[i] as HTMLElement | undefined)?.click();
        break;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  }

  #onMenuFocusOut(e: FocusEvent) {
    const to = e.relatedTarget as Node | null;
    if (!to || !(e.currentTarget as HTMLElement).contains(to)) this.menuOpen = false;
  }

  // ---- rendering -----------------------------------------------------------------------------

  #activate(id: ActionId, e: Event) {
    const trigger = (e.currentTarget as HTMLElement | null) ?? null;
    const a = this.#availability(id);
    if (a.reason) {
      e.preventDefault();
      this.#say(a.reason, 'error');
      return;
    }
    const ip = this.#ip!;
    switch (id) {
      case 'add-indicator':
        this.#returnFocus = trigger?.getAttribute('role') === 'menuitem' ? (this.renderRoot.querySelector('.more-button') as HTMLElement) : (trigger ?? undefined);
        this.#startWizard();
        break;
      case 'hunt':
        this.#openHunt(trigger?.getAttribute('role') === 'menuitem' ? (this.renderRoot.querySelector('.more-button') as HTMLElement) : trigger);
        break;
      case 'activity-log':
      case 'cloud-app-settings':
        void this.#navigate(e, id, { target: id, ip, href: this.#href(id) });
        break;
      case 'copy-ip':
        void this.#copy('copy-ip', 'The IP address', () => ip);
        break;
      case 'copy-summary':
        void this.#copy('copy-summary', 'The summary', () => this.summaryMarkdown());
        break;
    }
  }

  #icon(id: ActionId): TemplateResult | typeof nothing {
    if (id === 'hunt') return searchIcon;
    if (id === 'copy-ip' || id === 'copy-summary') return copyIcon;
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
    const label = html`${this.#icon(id)}<span>${LABELS[id]}</span>`;
    const href = id === 'activity-log' || id === 'cloud-app-settings' ? (this.#ip ? this.#href(id) : undefined) : undefined;
    // In the bar the reasons line up below it (see #renderBar); in the menu, under the item.
    const reason = a.reason && inMenu ? html`<span class="reason" id=${reasonId}>${a.reason}</span>` : nothing;
    const control =
      href && !a.reason
        ? html`<a class=${common.cls} part="action" data-action=${id} role=${common.role} tabindex=${common.tabindex} href=${href} @click=${(e: Event) => this.#activate(id, e)}>${label}</a>`
        : html`<button type="button" class=${common.cls} part="action" data-action=${id} role=${common.role} tabindex=${common.tabindex}
            aria-disabled=${a.reason ? 'true' : nothing} aria-describedby=${a.reason ? reasonId : nothing}
            aria-haspopup=${id === 'add-indicator' || id === 'hunt' ? 'dialog' : nothing} @click=${(e: Event) => this.#activate(id, e)}>${label}</button>`;
    return html`<span class="item ${a.reason ? 'unavailable' : ''}">${control}${reason}</span>`;
  }

  #renderBar(): TemplateResult {
    const visible = RESPONSE_ACTIONS.filter((id) => this.#availability(id).shown);
    const secondary = visible.filter((id) => !PRIMARY.includes(id));
    return html`<div class="bar" part="base" role="group" aria-label="Response actions">
      ${visible.filter((id) => PRIMARY.includes(id)).map((id) => this.#renderAction(id, false))}
      <span class="secondary">${secondary.map((id) => this.#renderAction(id, false))}</span>
      ${secondary.length
        ? html`<span class="more" @focusout=${this.#onMenuFocusOut}>
            <button type="button" class="button more-button" aria-haspopup="menu" aria-expanded=${this.menuOpen ? 'true' : 'false'} aria-controls="more-menu"
              @click=${() => this.#toggleMenu()} @keydown=${this.#onMenuButtonKey}>More actions <span aria-hidden="true">▾</span></button>
            <div id="more-menu" class="menu" part="menu" role="menu" aria-label="More actions" ?hidden=${!this.menuOpen} @keydown=${this.#onMenuKey}>
              ${secondary.map((id) => this.#renderAction(id, true))}
            </div>
          </span>`
        : nothing}
      <span class="status ${this.statusKind}" role="status">${this.status ? html`${this.statusKind === 'ok' ? checkIcon : infoIcon} ${this.status}` : nothing}</span>
    </div>
    ${visible.some((id) => this.#availability(id).reason)
      ? html`<div class="notes">
          ${visible.map((id) => {
            const reason = this.#availability(id).reason;
            return reason ? html`<p class="reason" id="reason-${id}">${infoIcon} <span><strong>${LABELS[id]}:</strong> ${reason}</span></p>` : nothing;
          })}
        </div>`
      : nothing}
    ${this.fallback
      ? html`<div class="fallback" role="group" aria-label="Copy manually">
          <label for="fallback-text">${this.fallback.label}: select it and press Ctrl+C (⌘C)</label>
          <textarea id="fallback-text" class="input mono" readonly rows=${Math.min(12, this.fallback.text.split('\n').length)} .value=${this.fallback.text}></textarea>
          <button type="button" class="button subtle" @click=${() => (this.fallback = undefined)}>Done</button>
        </div>`
      : nothing}`;
  }

  /** The page moved to another IP while the wizard is open: say so, and offer to switch. */
  #renderIpChanged(ip: string): TemplateResult | typeof nothing {
    const now = this.#ip;
    if (!now || now === ip || this.result) return nothing;
    const eligible = !indicatorIneligibility(now);
    return html`<div class="ip-changed" role="alert">
      <p>This indicator is for <strong class="mono">${ip}</strong>. The page now shows <strong class="mono">${now}</strong>; submitting still adds ${ip}.</p>
      ${eligible
        ? html`<button type="button" class="button" ?disabled=${this.submitting} @click=${() => {
            this.wizardIp = now;
            this.#draftKey = crypto.randomUUID();
            this.submitError = undefined;
          }}>Use ${now} instead</button>`
        : html`<p class="muted small">${now} cannot be an indicator: ${indicatorIneligibility(now)}</p>`}
    </div>`;
  }

  #renderWizard(): TemplateResult {
    const ip = this.wizardIp ?? this.#ip ?? '';
    const index = this.#stepIndex;
    const last = index === WIZARD_STEPS.length - 1;
    const caps = this.#caps.value;
    const actions = (caps?.indicatorActions?.filter((a) => (INDICATOR_ACTIONS as readonly string[]).includes(a)) ?? DEFAULT_INDICATOR_ACTIONS) as readonly IndicatorAction[];
    return html`<dialog class="dialog wizard" part="dialog" aria-labelledby="wizard-title" @keydown=${(e: KeyboardEvent) => this.#onDialogKeydown(e, () => this.#requestCloseWizard())}
      @cancel=${(e: Event) => {
        e.preventDefault();
        this.#requestCloseWizard();
      }}>
      ${this.wizardOpen
        ? html`<div class="dialog-header">
              <h2 id="wizard-title">Add indicator <span class="muted mono">${ip}</span></h2>
              <button type="button" class="button subtle close" aria-label="Close" ?disabled=${this.submitting} @click=${() => this.#requestCloseWizard()}>✕</button>
            </div>
            <p class="visually-hidden" role="status" aria-live="polite">${this.stepAnnouncement}</p>
            ${this.#renderIpChanged(ip)}
            ${this.result
              ? html`${renderDone(this.result, this.#locale)}
                  <div class="dialog-footer"><button type="button" class="button primary done-close" @click=${() => this.#closeWizard()}>Close</button></div>`
              : html`<ol class="steps" aria-label="Steps">
                    ${WIZARD_STEPS.map(([, label], i) => html`<li class=${i < index ? 'past' : i === index ? 'current' : ''} aria-current=${i === index ? 'step' : nothing}><span class="n">${i + 1}</span> ${label}</li>`)}
                  </ol>
                  <form class="step" novalidate @submit=${(e: Event) => {
                    e.preventDefault();
                    if (last) void this.#submit();
                    else this.#next();
                  }}>
                    <h3 id="step-title" tabindex="-1">${WIZARD_STEPS[index]![1]} <span class="muted">· step ${index + 1} of ${WIZARD_STEPS.length}</span></h3>
                    ${renderStep({
                      ip,
                      step: this.step,
                      draft: this.draft,
                      problems: this.shownProblems,
                      actions,
                      groups: this.groups,
                      groupsError: this.groupsError,
                      submitting: this.submitting,
                      locale: this.#locale,
                      now: Date.now(),
                      onChange: (p) => this.#change(p),
                    })}
                    ${this.submitError ? html`<p class="submit-error" role="alert" tabindex="-1">${this.submitError} Your entries are kept; submit again to retry.</p>` : nothing}
                  </form>
                  <div class="dialog-footer">
                    <button type="button" class="button subtle" ?disabled=${this.submitting} @click=${() => this.#requestCloseWizard()}>Cancel</button>
                    <span class="spacer"></span>
                    ${index > 0 ? html`<button type="button" class="button" ?disabled=${this.submitting} @click=${() => this.#back()}>Back</button>` : nothing}
                    ${last
                      ? html`<button type="button" class="button primary submit" aria-disabled=${this.submitting ? 'true' : 'false'} @click=${() => this.#submit()}>${this.submitting ? 'Submitting…' : 'Submit'}</button>`
                      : html`<button type="button" class="button primary" @click=${() => this.#next()}>Next</button>`}
                  </div>`}
            ${this.confirmDiscard
              ? html`<div class="confirm" role="alertdialog" aria-modal="true" aria-labelledby="confirm-title" aria-describedby="confirm-text">
                  <h3 id="confirm-title">Discard this indicator?</h3>
                  <p id="confirm-text">What you entered will be lost.</p>
                  <div class="dialog-footer">
                    <button type="button" class="button keep" @click=${() => {
                      this.confirmDiscard = false;
                      void this.updateComplete.then(() => this.#focusStep(true));
                    }}>Keep editing</button>
                    <button type="button" class="button danger discard" @click=${() => this.#closeWizard()}>Discard</button>
                  </div>
                </div>`
              : nothing}`
        : nothing}
    </dialog>`;
  }

  #renderHunt(): TemplateResult {
    const ip = this.#ip;
    const query = ip && this.huntOpen ? this.#query(this.language) : '';
    const href = ip ? safeHref(this.#data.provider?.links?.hunting?.(query, this.language)) : undefined;
    const open = (e: Event) => void this.#navigate(e, 'hunt', { target: 'hunting', ip, query, language: this.language, href });
    return html`<dialog class="dialog hunt" part="dialog" aria-labelledby="hunt-title" @keydown=${(e: KeyboardEvent) => this.#onDialogKeydown(e, () => this.#closeHunt())}
      @cancel=${(e: Event) => {
        e.preventDefault();
        this.#closeHunt();
      }}>
      ${this.huntOpen && ip
        ? html`<div class="dialog-header">
              <h2 id="hunt-title">Go hunt <span class="muted mono">${ip}</span></h2>
              <button type="button" class="button subtle close" aria-label="Close" @click=${() => this.#closeHunt()}>✕</button>
            </div>
            <p class="muted">A query for everything that involved the IP ${describeRange(this.#data.timeRange, this.#data.range.key)}.</p>
            <div role="tablist" aria-label="Query language" class="lang-tabs" @keydown=${this.#onHuntTabKey}>
              ${QUERY_LANGUAGES.map(
                (l) => html`<button type="button" role="tab" id="tab-${l}" class="lang-tab" aria-selected=${l === this.language ? 'true' : 'false'} aria-controls="query-panel"
                  tabindex=${l === this.language ? '0' : '-1'} @click=${() => (this.language = l)}>${QUERY_LANGUAGE_LABELS[l]}</button>`,
              )}
            </div>
            <div id="query-panel" role="tabpanel" aria-labelledby="tab-${this.language}">
              <label class="visually-hidden" for="query-text">${QUERY_LANGUAGE_LABELS[this.language]} query</label>
              <textarea id="query-text" part="query" class="input mono query" readonly rows=${Math.min(16, query.split('\n').length + 1)} .value=${query}></textarea>
            </div>
            <div class="dialog-footer">
              <button type="button" class="button" @click=${() => this.#copy('copy-query', 'The query', () => query, () => this.renderRoot.querySelector('#query-text'))}>${copyIcon} Copy query</button>
              <span class="spacer"></span>
              ${href
                ? html`<a class="button primary" href=${href} @click=${open}>Open in hunting</a>`
                : html`<button type="button" class="button primary" @click=${open}>Open in hunting</button>`}
            </div>
            <p class="status ${this.statusKind}" role="status">${this.huntOpen && this.status ? this.status : ''}</p>`
        : nothing}
    </dialog>`;
  }

  override render() {
    return html`${this.#renderBar()} ${this.#renderWizard()} ${this.#renderHunt()}`;
  }
}
