/**
 * What the analyst reads when something fails, in the page's language: a provider's own message
 * when it gave one, else a sentence for the error's kind.
 */
import { IpDataError, type ErrorReason, type IpDataErrorKind } from '../../data/errors.js';
import { beforeGuardedError } from '../../providers/guard.js';
import { msg, str } from './l10n.js';

export const KIND_MESSAGES: Readonly<Record<IpDataErrorKind, string>> = {
  get 'not-found'() {
    return msg('Not found.');
  },
  get unauthorized() {
    return msg('You are not signed in, or your session expired.');
  },
  get forbidden() {
    return msg('You do not have permission to see this.');
  },
  get 'rate-limited'() {
    return msg('Too many requests; the service asked us to slow down.');
  },
  get 'invalid-input'() {
    return msg('The service rejected the request.');
  },
  get unavailable() {
    return msg('The service is unavailable right now.');
  },
  get timeout() {
    return msg('The service took too long to answer.');
  },
  get network() {
    return msg('The service could not be reached.');
  },
  get 'bad-response'() {
    return msg('The service sent data this page cannot read.');
  },
  get unsupported() {
    return msg('The data source cannot answer this.');
  },
  get 'partly-applied'() {
    return msg('The change was made only in part.');
  },
};

type Words = typeof import('./error-words.js');
let words: Words | undefined;
let loading: Promise<void> | undefined;

/** Load the sentences for errors' reasons (once); `describeError` words reasons from then on. */
export function loadErrorWords(): Promise<void> {
  return (loading ??= import('./error-words.js').then(
    (m) => {
      words = m;
    },
    () => {
      // Offline or a failed chunk: the English message stands, and the next error tries again.
      loading = undefined;
    },
  ));
}

// An error with a reason reaches an element only once its sentence can be said.
beforeGuardedError((error) => (error instanceof IpDataError && error.reason && !words ? loadErrorWords() : undefined));

/**
 * A message for any thrown value: the provider's own message when it is an {@link IpDataError}
 * or an `Error`, a generic one otherwise (a provider that throws a string or an object still
 * gets a readable message, never "[object Object]").
 */
export function describeError(error: unknown): string {
  if (error instanceof IpDataError) {
    let base = error.message || KIND_MESSAGES[error.kind];
    if (error.reason) {
      // Until the sentences are here (an error that did not come through the guard), the provider's English message.
      if (words) base = words.reasonText(error as IpDataError & { reason: ErrorReason });
      else void loadErrorWords();
    }
    return error.kind === 'rate-limited' && error.retryAfter ? `${base} ${msg(str`Try again in ${Math.ceil(error.retryAfter)} s.`)}` : base;
  }
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error.trim()) return error.slice(0, 500);
  return msg('Something went wrong while loading this section.');
}

/** What a wait the analyst cancelled says: the service may still be at work, so Retry is offered. */
export function cancelled(): IpDataError {
  return new IpDataError('timeout', msg('You stopped waiting. The data source may still be working on it: Retry asks again.'));
}
