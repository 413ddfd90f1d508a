/**
 * What the analyst reads when something fails, in the page's language: a provider's own message
 * when it gave one, else a sentence for the error's kind. The sentences (error-words.ts) load with
 * the first error that needs one, not with the first paint.
 */
import { IpDataError, type ErrorReason } from '../../data/errors.js';
import { beforeGuardedError } from '../../providers/guard.js';
import { msg, str } from './l10n.js';
import { lazyModule } from '../../lib/lazy.js';

const errorWords = lazyModule(() => import('./error-words.js'));

/** Load the sentences for errors' reasons (once); `describeError` words reasons from then on. */
export function loadErrorWords(): Promise<void> {
  // Offline or a failed chunk: the English message stands, and the next error tries again.
  return errorWords.load().then(
    () => undefined,
    () => undefined,
  );
}

// An error with a reason, or without a message, reaches an element only once its sentence can be said.
beforeGuardedError((error) => (error instanceof IpDataError && (error.reason || !error.message) && !errorWords.value ? loadErrorWords() : undefined));

/**
 * A message for any thrown value: the provider's own message when it is an {@link IpDataError}
 * or an `Error`, a generic one otherwise (a provider that throws a string or an object still
 * gets a readable message, never "[object Object]").
 */
export function describeError(error: unknown): string {
  if (error instanceof IpDataError) {
    const words = errorWords.value;
    let base = error.message || words?.KIND_MESSAGES[error.kind] || generic();
    if (!words && !error.message) void loadErrorWords();
    if (error.reason) {
      // Until the sentences are here (an error that did not come through the guard), the provider's English message.
      if (words) base = words.reasonText(error as IpDataError & { reason: ErrorReason });
      else void loadErrorWords();
    }
    return error.kind === 'rate-limited' && error.retryAfter ? `${base} ${msg(str`Try again in ${Math.ceil(error.retryAfter)} s.`)}` : base;
  }
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error.trim()) return error.slice(0, 500);
  return generic();
}

const generic = () => msg('Something went wrong while loading this section.');

/** What a wait the analyst cancelled says: the service may still be at work, so Retry is offered. */
export function cancelled(): IpDataError {
  return new IpDataError('timeout', msg('You stopped waiting. The data source may still be working on it: Retry asks again.'));
}
