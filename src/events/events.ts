/**
 * The events the elements fire. Each is a class so hosts get typed `detail`s through
 * `GlobalEventHandlersEventMap`; all bubble and are composed, so they leave `<ip-entity-page>`.
 */
import type { AlertFilter, AlertSortField, Sort } from '../data/provider.js';
import type { AlertItem, CaseRecord, CaseRef, Indicator, IndicatorInput, QueryLanguage } from '../data/model.js';
import type { RangeSpec } from '../lib/time-range.js';

const init = (cancelable = false): EventInit => ({ bubbles: true, composed: true, cancelable });

export interface IpChangeDetail {
  /** The new IP, canonical. */
  ip: string;
  /** The IP before, canonical, or undefined when there was no valid one. */
  previous?: string;
}

/** The user switched the page to another IP with the search box. */
export class IpChangeEvent extends Event {
  static readonly type = 'ip-change';
  readonly detail: IpChangeDetail;
  constructor(detail: IpChangeDetail) {
    super(IpChangeEvent.type, init());
    this.detail = detail;
  }
}

export type IpTab = 'overview' | 'alerts' | 'devices' | 'accounts' | 'intel' | 'sentinel';

export interface IpTabChangeDetail {
  tab: IpTab;
  previous: IpTab;
}

/** The user selected another tab. */
export class IpTabChangeEvent extends Event {
  static readonly type = 'ip-tab-change';
  readonly detail: IpTabChangeDetail;
  constructor(detail: IpTabChangeDetail) {
    super(IpTabChangeEvent.type, init());
    this.detail = detail;
  }
}

export interface IpRangeChangeDetail {
  /** A preset (`30d`) or a custom window `from/to` in ISO 8601, as the `range` attribute takes it. */
  range: RangeSpec;
}

/** The user picked another time range. */
export class IpRangeChangeEvent extends Event {
  static readonly type = 'ip-range-change';
  readonly detail: IpRangeChangeDetail;
  constructor(detail: IpRangeChangeDetail) {
    super(IpRangeChangeEvent.type, init());
    this.detail = detail;
  }
}

export type NavigationTarget =
  | 'alerts'
  | 'alert'
  | 'incident'
  | 'device'
  | 'user'
  | 'hunting'
  | 'activity-log'
  | 'cloud-app-settings'
  /** An address from data (a device's remote URL, an insight cell), opened only on an explicit confirm. */
  | 'external-url'
  | (string & {});

export interface IpRangeSelectDetail {
  from: Date;
  to: Date;
  /** True when the selection is the whole range again (zoom reset). */
  reset: boolean;
}

/** The user zoomed a chart to part of the time range (or reset the zoom). */
export class IpRangeSelectEvent extends Event {
  static readonly type = 'ip-range-select';
  readonly detail: IpRangeSelectDetail;
  constructor(detail: IpRangeSelectDetail) {
    super(IpRangeSelectEvent.type, init());
    this.detail = detail;
  }
}

export interface IpNavigateDetail {
  target: NavigationTarget;
  /** The IP the page is about, canonical. */
  ip?: string;
  /** The entity to open (device id, alert id …). */
  id?: string;
  /** For `hunting`: the query and its language. */
  query?: string;
  language?: QueryLanguage;
  /** For `alerts`: the filter to apply. */
  filter?: AlertFilter;
  /** The link the provider gave, already checked by `safeHref`; followed unless the event is canceled. */
  href?: string;
}

/**
 * The user asked to open something. Cancel it (`preventDefault()`) to handle navigation yourself;
 * otherwise a link with an `href` is followed like a normal link.
 */
export class IpNavigateEvent extends Event {
  static readonly type = 'ip-navigate';
  readonly detail: IpNavigateDetail;
  constructor(detail: IpNavigateDetail) {
    super(IpNavigateEvent.type, init(true));
    this.detail = detail;
  }
}

export interface IpErrorDetail {
  /** Which section failed, e.g. `details`, `summary`, `alerts`. */
  section: string;
  ip?: string;
  error: unknown;
  /** The message shown to the user. */
  message: string;
}

/** A section failed to load; it shows the error and a Retry. For host logging and telemetry. */
export class IpErrorEvent extends Event {
  static readonly type = 'ip-error';
  readonly detail: IpErrorDetail;
  constructor(detail: IpErrorDetail) {
    super(IpErrorEvent.type, init());
    this.detail = detail;
  }
}

export interface IpCopyDetail {
  value: string;
  /** Whether the value reached the clipboard. */
  ok: boolean;
}

/** A copy button was used. */
export class IpCopyEvent extends Event {
  static readonly type = 'ip-copy';
  readonly detail: IpCopyDetail;
  constructor(detail: IpCopyDetail) {
    super(IpCopyEvent.type, init());
    this.detail = detail;
  }
}

export interface IpAlertsUpdatedDetail {
  items: AlertItem[];
}

/** Incidents or alerts were changed through the management fly-out. */
export class IpAlertsUpdatedEvent extends Event {
  static readonly type = 'ip-alerts-updated';
  readonly detail: IpAlertsUpdatedDetail;
  constructor(detail: IpAlertsUpdatedDetail) {
    super(IpAlertsUpdatedEvent.type, init());
    this.detail = detail;
  }
}

export interface IpIndicatorAddedDetail {
  indicator: Indicator;
}

/** The IP was added as an indicator. */
export class IpIndicatorAddedEvent extends Event {
  static readonly type = 'ip-indicator-added';
  readonly detail: IpIndicatorAddedDetail;
  constructor(detail: IpIndicatorAddedDetail) {
    super(IpIndicatorAddedEvent.type, init());
    this.detail = detail;
  }
}

export interface IpCaseAddedDetail {
  ip: string;
  /** The incident or case it was recorded on. */
  case: CaseRef;
  record: CaseRecord;
}

/** The IP was recorded on an incident or case (`<ip-case-dialog>`). */
export class IpCaseAddedEvent extends Event {
  static readonly type = 'ip-case-added';
  readonly detail: IpCaseAddedDetail;
  constructor(detail: IpCaseAddedDetail) {
    super(IpCaseAddedEvent.type, init());
    this.detail = detail;
  }
}

export interface IpFilterChangeDetail {
  /** The value-list filters now applied. */
  filter: AlertFilter;
  /** The free-text search now applied. */
  search: string;
  /** The sort now applied (undefined: the default, last activity newest first). */
  sort?: Sort<AlertSortField>;
}

/**
 * The analyst changed the alerts list's filters, search or sort. The list keeps the change; a
 * host or the page that wants to remember it (a shareable link, a saved view) listens here.
 */
export class IpFilterChangeEvent extends Event {
  static readonly type = 'ip-filter-change';
  readonly detail: IpFilterChangeDetail;
  constructor(detail: IpFilterChangeDetail) {
    super(IpFilterChangeEvent.type, init());
    this.detail = detail;
  }
}

/**
 * The actions `ip-action-request` names: those of `<ip-response-actions>`, `copy-query` from
 * `<ip-hunt-dialog>`, and `look-up` (an outside reputation service opened, with its `href`) from
 * `<ip-lookup-links>` and the hunt dialog's list.
 */
export type KnownResponseAction =
  | 'add-indicator'
  | 'remove-indicator'
  | 'change-indicator-expiry'
  | 'save-note'
  | 'add-to-case'
  | 'hunt'
  | 'hunting-queries'
  | 'activity-log'
  | 'cloud-app-settings'
  | 'copy-ip'
  | 'copy-link'
  | 'copy-summary'
  | 'copy-query'
  | 'look-up';
/** A response action; hosts may add their own names. */
export type ResponseAction = KnownResponseAction | (string & {});

export interface IpActionRequestDetail {
  action: ResponseAction;
  /** The IP, canonical. */
  ip: string;
  /**
   * For `add-indicator`: exactly what will be sent to the provider; for `remove-indicator`: the
   * indicator to remove (with its `id`); for `change-indicator-expiry`: the indicator as it will
   * be submitted again, with its new `expirationTime` (none: it no longer expires).
   */
  indicator?: IndicatorInput;
  /** For `hunt`: the query and its language. */
  query?: string;
  language?: QueryLanguage;
  /** For navigation actions: the link that will be followed, if any. */
  href?: string;
}

/**
 * The user asked for a response action; it has not happened yet. A host can add its own
 * confirmation, permission check or audit log: `preventDefault()` (or `veto(reason)`) stops it,
 * `waitUntil(promise)` delays it until the promise settles (resolving to `false` or rejecting
 * stops it). Nothing is sent or opened before the event's listeners have run.
 */
export class IpActionRequestEvent extends Event {
  static readonly type = 'ip-action-request';
  readonly detail: IpActionRequestDetail;
  #waits: Promise<unknown>[] = [];
  #reason?: string;
  constructor(detail: IpActionRequestDetail) {
    super(IpActionRequestEvent.type, init(true));
    this.detail = detail;
  }
  /** Stop the action; `reason` is shown to the user. */
  veto(reason?: string): void {
    this.#reason = reason;
    this.preventDefault();
  }
  /** Why the host stopped the action, when it said. */
  get reason(): string | undefined {
    return this.#reason;
  }
  /** Delay the action until `promise` settles; it goes ahead unless it resolves to `false` or rejects. */
  waitUntil(promise: Promise<unknown>): void {
    this.#waits.push(promise);
  }
  /** Whether a listener called `waitUntil`. */
  get waiting(): boolean {
    return this.#waits.length > 0;
  }
  /** Resolves to whether the action may go ahead (after dispatch). */
  async allowed(): Promise<boolean> {
    if (this.defaultPrevented) return false;
    try {
      const results = await Promise.all(this.#waits);
      return !results.some((r) => r === false) && !this.defaultPrevented;
    } catch (error) {
      if (this.#reason === undefined && error instanceof Error) this.#reason = error.message;
      return false;
    }
  }
}

/** `<ip-shortcuts-dialog>` closed (Close or Escape); focus has gone back where it came from. */
export class IpShortcutsCloseEvent extends Event {
  static readonly type = 'ip-shortcuts-close';
  constructor() {
    super(IpShortcutsCloseEvent.type, init());
  }
}

/**
 * `<ip-slow-notice>`: the analyst pressed Cancel; the section around it stops waiting. Bubbles
 * to that section, not composed: it does not leave the section.
 */
export class IpCancelLoadEvent extends Event {
  static readonly type = 'ip-cancel-load';
  constructor() {
    super(IpCancelLoadEvent.type, { bubbles: true, composed: false });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ip-cancel-load': IpCancelLoadEvent;
    'ip-shortcuts-close': IpShortcutsCloseEvent;
    'ip-action-request': IpActionRequestEvent;
    'ip-change': IpChangeEvent;
    'ip-tab-change': IpTabChangeEvent;
    'ip-range-change': IpRangeChangeEvent;
    'ip-range-select': IpRangeSelectEvent;
    'ip-navigate': IpNavigateEvent;
    'ip-error': IpErrorEvent;
    'ip-filter-change': IpFilterChangeEvent;
    'ip-copy': IpCopyEvent;
    'ip-alerts-updated': IpAlertsUpdatedEvent;
    'ip-indicator-added': IpIndicatorAddedEvent;
    'ip-case-added': IpCaseAddedEvent;
  }
}
