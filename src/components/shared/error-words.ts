/**
 * The sentences for the situations providers name (`IpDataError.reason`), in the page's language.
 * Loaded when the first error with a reason reaches the page (error-text.ts), not with its first
 * paint: most visits never fail.
 */
import type { ErrorReason, IpDataError, IpDataErrorKind, ServiceNeed } from '../../data/errors.js';
import { describeError } from './error-text.js';
import { msg, str } from './l10n.js';

/** What a refused call needs, as a phrase: the service's names, our words around them. */
function needText(need: ServiceNeed): string {
  if ('permission' in need) return need.delegated ? msg(str`the ${need.permission} (application) or ${need.delegated} (delegated) permission`) : msg(str`the ${need.permission} permission`);
  if ('roles' in need) {
    const roles = need.roles.join(` ${msg('or')} `);
    return need.scope === 'workspace' ? msg(str`the ${roles} role on the workspace`) : msg(str`the ${roles} role on the resource group`);
  }
  if ('license' in need) return msg(str`a license for ${need.license}`);
  if ('privileges' in need) return msg(str`the index privileges ${need.privileges.join(', ')} on ${need.indices}`);
  return msg(str`Kibana's ${need.feature} feature at ${need.level} in the space`);
}

/** A sentence for each kind, for errors without a message of their own. */
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

const needsText = (needs: readonly ServiceNeed[]) => needs.map(needText).join(msg('; '));

/** A named service's refusal or failure: the kind says how. */
function serviceText(reason: Extract<ErrorReason, { id: 'service' }>, kind: IpDataErrorKind): string {
  const { service, status } = reason;
  let sentence: string;
  switch (kind) {
    case 'unauthorized':
      sentence = msg(str`${service} did not accept the sign-in: the credentials the page sends are missing, expired or not valid here.`);
      break;
    case 'forbidden':
      sentence = reason.needs?.length ? msg(str`${service} refused this. It needs ${needsText(reason.needs)}.`) : msg(str`${service} refused this: the account lacks a permission it needs.`);
      break;
    case 'not-found':
      sentence = msg(str`${service} has nothing for this.`);
      break;
    case 'rate-limited':
      sentence = msg(str`${service} asked to slow down.`);
      break;
    case 'timeout':
      sentence = msg(str`The query took too long and ${service} stopped it.`);
      break;
    case 'invalid-input':
      sentence = msg(str`${service} rejected the request.`);
      break;
    case 'unsupported':
      sentence = msg(str`${service} cannot answer this.`);
      break;
    default:
      sentence = status ? msg(str`${service} failed (HTTP ${status}).`) : msg(str`${service} failed.`);
  }
  const parts = [sentence];
  if (reason.said) parts.push(msg(str`${service} said: “${reason.said}”`));
  if (reason.tip === 'shorter-range') parts.push(msg('Try a shorter time range.'));
  if (reason.tip === 'check-key') parts.push(msg('Check the key the page sends.'));
  return parts.join(' ');
}

/** A reason's sentence in the page's language; `error.cause` words the part a reason wraps. */
export function reasonText(error: IpDataError & { reason: ErrorReason }): string {
  const { reason, kind } = error;
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
    case 'service':
      return serviceText(reason, kind);
    case 'no-token': {
      const sentence = msg(str`The page could not sign in to ${reason.service}: the host's token source gave no usable token.`);
      return reason.said ? `${sentence} ${msg(str`It said: “${reason.said}”`)}` : sentence;
    }
    case 'quota':
      return msg(str`The page has used its ${reason.service} quota for now.`);
    case 'foreign-link':
      return msg(str`${reason.service} pointed to another address (${reason.origin}); the page does not send its token there.`);
    case 'unreadable':
      return reason.service ? msg(str`${reason.service} sent an answer this page cannot read: ${reason.detail}.`) : msg(str`The data source sent something this page cannot read: ${reason.detail}.`);
    case 'no-address':
      return msg(str`This change goes through ${reason.service}, and the page has no address for it: the host sets ${reason.option}.`);
    case 'read-only':
      return msg('This data source is read-only: nothing was changed.');
    case 'unknown-ids': {
      const ids = reason.ids.map((id) => `“${id}”`).join(', ');
      if (reason.what === 'device') return msg(str`The data source knows no device ${ids} that communicated with this IP.`);
      if (reason.what === 'insight') return msg(str`The data source has no insight ${ids}.`);
      return msg(str`No incident or alert with id ${ids}; nothing was changed.`);
    }
    case 'status-only':
      return msg(str`${reason.service} alerts can only change their status here, not ${reason.fields.join(', ')}. Nothing was changed.`);
    case 'cluster-version':
      return reason.version
        ? msg(str`This cluster runs Elasticsearch ${reason.version}; this section needs ES|QL from Elasticsearch ${reason.needs} or later. The alerts list works on this cluster.`)
        : msg(str`This cluster's ES|QL has no ${reason.missing ?? '?'} function; this section needs Elasticsearch ${reason.needs} or later. The alerts list works on this cluster.`);
    case 'missing-fields':
      return msg(str`The event indices (${reason.indices}) map no ${reason.fields.join(' / ')} field, which this section needs.`);
    case 'read-only-source': {
      const sentence =
        reason.count === 1
          ? msg('One of these alerts comes from a data source this page cannot change alerts in: nothing was changed.')
          : msg(str`${reason.count} of these alerts come from a data source this page cannot change alerts in: nothing was changed.`);
      return reason.days === undefined ? sentence : `${sentence} ${msg(str`Choose a time range of ${reason.days} days or less to list them from the source that can, then try again.`)}`;
    }
    case 'partly-changed':
      return msg(str`${reason.changed} of ${reason.of} were changed; the rest were not: ${describeError(error.cause)}`);
    case 'comment-failed':
      return msg(str`The change was saved, but the comment could not be added to ${reason.failed} of ${reason.of}: ${describeError(error.cause)}`);
    case 'skipped':
      return msg(str`${reason.service} changed ${reason.changed} of ${reason.of} alerts. The change runs as the key the page sends: it needs ${needsText(reason.needs)}.`);
    default:
      return KIND_MESSAGES[kind];
  }
}

