/**
 * What the analyst reads when something fails, in the page's language: a provider's own message
 * when it gave one, else a sentence for the error's kind.
 */
import { IpDataError, type ErrorReason, type IpDataErrorKind } from '../../data/errors.js';
import { msg, str } from './l10n.js';

const KIND_MESSAGES: Readonly<Record<IpDataErrorKind, string>> = {
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

/** A reason's sentence in the page's language. */
function reasonText(reason: ErrorReason, kind: IpDataErrorKind): string {
  switch (reason.id) {
    case 'status': {
      const sentence = kind === 'unavailable' && reason.status ? msg(str`The service is unavailable (HTTP ${reason.status}).`) : KIND_MESSAGES[kind];
      return reason.said ? msg(str`${sentence} The service said: “${reason.said}”`) : sentence;
    }
    case 'invalid-ip':
      return msg(str`“${reason.input}” is not a valid IP address.`);
    case 'invalid-id':
      return msg(str`“${reason.input}” is not an id this service can look up.`);
    case 'web-page':
      return msg(str`The service sent a web page (${reason.contentType || msg('no content type')}) instead of JSON. Check the API address.`);
    case 'not-json':
      return msg('The service sent a response that is not valid JSON.');
    case 'redirect':
      return msg('The service answered with a redirect, which this page does not follow (a request may carry credentials): set the address to the final one.');
    case 'unreachable':
      return msg('The service could not be reached. Check the connection and the API address.');
    case 'timeout':
      return reason.change
        ? msg(str`The service did not answer within ${reason.seconds} s. The change may have been applied: check before trying again (trying the same change again does not apply it twice).`)
        : msg(str`The service did not answer within ${reason.seconds} s.`);
    case 'too-large':
      return msg(str`The service sent more than ${reason.megabytes} MB; this page does not read answers that large.`);
    default:
      return KIND_MESSAGES[kind];
  }
}

/**
 * A message for any thrown value: the provider's own message when it is an {@link IpDataError}
 * or an `Error`, a generic one otherwise (a provider that throws a string or an object still
 * gets a readable message, never "[object Object]").
 */
export function describeError(error: unknown): string {
  if (error instanceof IpDataError) {
    const base = error.reason ? reasonText(error.reason, error.kind) : error.message || KIND_MESSAGES[error.kind];
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
