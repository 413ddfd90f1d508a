/**
 * The one error type providers throw. The UI turns `kind` into a clear message and decides
 * whether a Retry makes sense; `message` is for people and may be shown as is. Nothing here
 * depends on Lit: providers import it.
 */

export type IpDataErrorKind =
  | 'not-found'
  | 'unauthorized'
  | 'forbidden'
  | 'rate-limited'
  | 'invalid-input'
  | 'unavailable'
  | 'timeout'
  | 'network'
  | 'bad-response'
  /** The data source cannot answer this (its version, or data it does not have): asking again will not help. */
  | 'unsupported'
  /** A change was applied in part: see {@link PartlyAppliedError}. */
  | 'partly-applied';

/**
 * A situation the shipped providers meet, for the page to say in its own language. `message`
 * stays the provider's English sentence (for logs and hosts); the analyst reads the reason's
 * words (components/shared/error-text.ts). A provider that writes its own message gives none.
 */
export type ErrorReason =
  /** The kind's own sentence for an HTTP status, and what the service said about it, if anything. */
  | { readonly id: 'status'; readonly status?: number; readonly said?: string }
  | { readonly id: 'invalid-ip'; readonly input: string }
  | { readonly id: 'invalid-id'; readonly input: string }
  | { readonly id: 'web-page'; readonly contentType: string }
  | { readonly id: 'not-json' }
  | { readonly id: 'redirect' }
  | { readonly id: 'unreachable' }
  | { readonly id: 'timeout'; readonly seconds: number; readonly change: boolean }
  | { readonly id: 'too-large'; readonly megabytes: number }
  /**
   * A named service (`Microsoft Graph`, `Log Analytics`, `Elasticsearch`, `Kibana`) refused or
   * failed a call; the error's kind says how. `said` is the service's own words, `needs` what
   * would let the call through, `tip` what the analyst can do.
   */
  | { readonly id: 'service'; readonly service: string; readonly status?: number; readonly said?: string; readonly needs?: readonly ServiceNeed[]; readonly tip?: 'shorter-range' | 'check-key' }
  /** The host's `getToken` gave no usable token for the service. */
  | { readonly id: 'no-token'; readonly service: string; readonly said?: string }
  /** The page's own share of the service's quota is used up (it waits instead of being throttled). */
  | { readonly id: 'quota'; readonly service: string }
  /** The service sent a link to another origin; the token is not sent there. */
  | { readonly id: 'foreign-link'; readonly service: string; readonly origin: string }
  /** An answer the page cannot read; `detail` is technical (a field path, what was expected) and stays as is. */
  | { readonly id: 'unreadable'; readonly service?: string; readonly detail: string }
  /** A change goes through a service the host gave no address for (`option` is the provider option that sets it). */
  | { readonly id: 'no-address'; readonly service: string; readonly option: string }
  | { readonly id: 'read-only' }
  /** Ids the data source does not know; nothing was changed. */
  | { readonly id: 'unknown-ids'; readonly what: 'device' | 'insight' | 'item'; readonly ids: readonly string[] }
  /** The data source changes only an alert's status; the patch also had `fields`. */
  | { readonly id: 'status-only'; readonly service: string; readonly fields: readonly string[] }
  /** The cluster's ES|QL is older than the page's queries: `version` when known, else the `missing` function. */
  | { readonly id: 'cluster-version'; readonly version?: string; readonly missing?: string; readonly needs: string }
  /** The event indices map no field the query needs. */
  | { readonly id: 'missing-fields'; readonly indices: string; readonly fields: readonly string[] }
  /** Some of the items come from a data source that cannot change them (`days`: the range that lists them from one that can). */
  | { readonly id: 'read-only-source'; readonly count: number; readonly days?: number }
  /** `changed` of `of` were changed, the rest not; the error's `cause` says why. */
  | { readonly id: 'partly-changed'; readonly changed: number; readonly of: number }
  /** The change was saved but the comment could not be added to `failed` of `of`; the `cause` says why. */
  | { readonly id: 'comment-failed'; readonly failed: number; readonly of: number }
  /** The service changed only `changed` of `of` items without refusing the rest (it skips what the caller may not write). */
  | { readonly id: 'skipped'; readonly service: string; readonly changed: number; readonly of: number; readonly needs: readonly ServiceNeed[] };

/** What a refused call needs, in the service's own names (permissions, roles and privileges are not translated). */
export type ServiceNeed =
  /** An API permission; `delegated` when the delegated permission has another name. */
  | { readonly permission: string; readonly delegated?: string }
  /** An Azure role on the workspace or its resource group (any of `roles`). */
  | { readonly roles: readonly string[]; readonly scope: 'workspace' | 'resource-group' }
  | { readonly license: string }
  /** Elasticsearch index privileges on `indices`. */
  | { readonly privileges: readonly string[]; readonly indices: string }
  /** A Kibana feature privilege in the space. */
  | { readonly feature: string; readonly level: string };

export interface IpDataErrorOptions {
  /** A situation the page words in its language (see {@link ErrorReason}). */
  reason?: ErrorReason;
  /** HTTP status, when the error came from a response. */
  status?: number;
  /** Seconds to wait before retrying (from `Retry-After`), for `rate-limited`. */
  retryAfter?: number;
  /** For `bad-response`: the path of the field that was wrong, e.g. `items[3].severity`. */
  field?: string;
  /** For `bad-response`: the provider method whose answer was wrong, e.g. `getLogActivity`. */
  method?: string;
  cause?: unknown;
}

export class IpDataError extends Error {
  override readonly name = 'IpDataError';
  readonly kind: IpDataErrorKind;
  readonly status?: number;
  readonly retryAfter?: number;
  readonly field?: string;
  readonly method?: string;
  readonly reason?: ErrorReason;

  constructor(kind: IpDataErrorKind, message: string, options: IpDataErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.status = options.status;
    this.retryAfter = options.retryAfter;
    this.field = options.field;
    this.method = options.method;
    this.reason = options.reason;
  }

  /**
   * Whether trying the same request again may succeed (the UI offers Retry). A `bad-response` is
   * retryable: a proxy's error page or a provider being fixed is often gone a moment later.
   */
  get retryable(): boolean {
    return this.kind === 'rate-limited' || this.kind === 'unavailable' || this.kind === 'timeout' || this.kind === 'network' || this.kind === 'bad-response';
  }
}

/**
 * A change applied only in part, saying exactly what was: `applied` are the items as they now are
 * (their change saved), the message says what was not (the comment that could not be added after
 * the status was changed). Never retried as a whole: part of it is done.
 */
export class PartlyAppliedError<T = unknown> extends IpDataError {
  readonly applied: readonly T[];
  constructor(message: string, applied: readonly T[], options: IpDataErrorOptions = {}) {
    super('partly-applied', message, options);
    this.applied = applied;
  }
}

/** Whether `error` is an abort (the caller no longer wants the answer), which is never shown. */
export function isAbortError(error: unknown): boolean {
  return (error instanceof DOMException || error instanceof Error) && error.name === 'AbortError';
}

/**
 * An error's text for logs and notes written by providers (English, the provider's own words):
 * the message, or the kind when there is none. What the analyst reads is `describeError`
 * (components/shared/error-text.ts), in the page's language.
 */
export function errorText(error: unknown): string {
  if (error instanceof IpDataError) return error.message || error.kind;
  if (error instanceof Error && error.message) return error.message;
  return typeof error === 'string' && error.trim() ? error.slice(0, 500) : 'unknown error';
}

/** Whether a Retry button makes sense for this error. */
export function isRetryable(error: unknown): boolean {
  return error instanceof IpDataError ? error.retryable : true;
}
