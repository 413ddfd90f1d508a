/**
 * What the Elastic provider says when the cluster or Kibana says no: Elasticsearch's error body
 * (`{ error: { type, reason }, status }`) and Kibana's (`{ message, status_code }`, or its own
 * `{ statusCode, error, message }`) turned into the page's errors, with what the cluster lacks or
 * the key needs.
 */
import { IpDataError, type ServiceNeed } from '../../data/errors.js';
import { kindForStatus, parseRetryAfter } from '../http.js';
import { ESQL_MIN_VERSION, type ClusterVersion, type FieldTypes } from './cluster.js';
import type { ElasticQueries } from './queries.js';

/** The Elasticsearch version the page's ES|QL needs, as said (`8.15`). */
const ESQL_NEEDS = ESQL_MIN_VERSION.replace(/\.0$/, '');

/** The index privileges a status change needs on the alerts index (it runs as the caller). */
export const ALERT_WRITE_PRIVILEGES: readonly string[] = Object.freeze(['read', 'write', 'maintenance', 'view_index_metadata']);

/** The ES|QL sections of a cluster older than the page's queries need. */
export function tooOld(version: ClusterVersion, what: string): IpDataError {
  return new IpDataError('unsupported', `This cluster runs Elasticsearch ${version.number}: ${what} comes from an ES|QL query that needs Elasticsearch ${ESQL_NEEDS} or later (VALUES, BUCKET). The alerts list works on this cluster.`, {
    reason: { id: 'cluster-version', version: version.number, needs: ESQL_NEEDS },
  });
}

/** What the device list cannot show because no event index maps it. */
export function missingNote(q: ElasticQueries, fields: FieldTypes | undefined): string | undefined {
  if (!fields) return undefined;
  const missing = q.missingEventFields(fields);
  return missing.length ? `Not in your event data, so not shown or searched: ${missing.join(', ')}.` : undefined;
}

/** Elasticsearch's error (`{ error: { type, reason }, status }`) as an `IpDataError`, with what it needs. */
export function elasticError(status: number, text: string, headers: Headers, what: string, context: { indices?: string } = {}): IpDataError {
  let reason: string | undefined;
  let type: string | undefined;
  try {
    const e = (JSON.parse(text) as { error?: { type?: unknown; reason?: unknown; root_cause?: Array<{ reason?: unknown }> } | string })?.error;
    if (typeof e === 'string') reason = e;
    else if (e) {
      type = typeof e.type === 'string' ? e.type : undefined;
      const r = e.reason ?? e.root_cause?.[0]?.reason;
      reason = typeof r === 'string' ? r : undefined;
    }
  } catch {
    // not JSON: the status says enough
  }
  const said = reason ? `: ${reason.slice(0, 300)}${type ? ` (${type})` : ''}` : '';
  // ES|QL names what the indices lack (`Unknown column [url.full]`, perhaps with `, did you mean …?`).
  const unknown = type === 'verification_exception' && reason ? [...reason.matchAll(/Unknown column \[([^\]]+)\]/g)].map((m) => m[1]) : [];
  const indices = context.indices ?? 'logs-*';
  if (unknown.length) return new IpDataError('unsupported', `The event indices (${indices}) map no ${unknown.join(' or ')} field, which ${what} needs (${status}${said}).`, { status, reason: { id: 'missing-fields', indices, fields: unknown } });
  // An ES|QL before the functions the queries use (the version is unknown without the monitor privilege).
  if (type === 'verification_exception' && reason && /Unknown function \[(values|bucket)\]/i.test(reason)) {
    const missing = /values/i.test(reason) ? 'VALUES' : 'BUCKET';
    return new IpDataError('unsupported', `Elasticsearch could not run ${what}: its ES|QL has no ${missing} function; this page's ES|QL needs Elasticsearch ${ESQL_NEEDS} or later (${status}${said}). The alerts list works.`, {
      status,
      reason: { id: 'cluster-version', missing, needs: ESQL_NEEDS },
    });
  }
  const kind = kindForStatus(status);
  const advice =
    kind === 'unauthorized'
      ? ' Check the API key the page sends.'
      : kind === 'forbidden'
        ? ` The key needs the read privilege on ${context.indices ?? 'the event and alert index patterns'}.`
        : '';
  const needs: ServiceNeed[] | undefined = kind === 'forbidden' ? [{ privileges: ['read'], indices: context.indices ?? 'logs-*, .alerts-security.alerts-*' }] : undefined;
  return new IpDataError(kind, `Elasticsearch refused ${what} (${status})${said}.${advice}`, {
    status,
    retryAfter: parseRetryAfter(headers.get('Retry-After')),
    reason: { id: 'service', service: 'Elasticsearch', status, ...(reason ? { said: `${reason.slice(0, 300)}${type ? ` (${type})` : ''}` } : {}), ...(needs ? { needs } : {}), ...(kind === 'unauthorized' ? { tip: 'check-key' } : {}) },
  });
}

/**
 * Kibana's refusal of a status change (`{ message, status_code }` from the detection engine's
 * routes, or `{ statusCode, error, message }` from Kibana itself). The change runs as the caller:
 * a 403 names the privileges it needs.
 */
export function kibanaError(status: number, text: string, headers: Headers, alertsIndex: string): IpDataError {
  return kibanaRefusal(status, text, headers, 'the status change', {
    advice: ` Changing an alert's status runs as the key the page sends: it needs the index privileges ${ALERT_WRITE_PRIVILEGES.join(', ')} on ${alertsIndex}, and Kibana's Security feature (Alerts, from 9.4) at All in the space. A read-only key cannot change alerts.`,
    needs: [
      { privileges: ALERT_WRITE_PRIVILEGES, indices: alertsIndex },
      { feature: 'Security (Alerts, from 9.4)', level: 'All' },
    ],
  });
}

/**
 * Kibana refused `what`: its message (`{ message }` in either of its error shapes), the key to
 * check on a 401, and on a 403 what the key needs (`forbidden`).
 */
export function kibanaRefusal(status: number, text: string, headers: Headers, what: string, forbidden: { advice: string; needs: ServiceNeed[] }): IpDataError {
  let said: string | undefined;
  try {
    const body = JSON.parse(text) as { message?: unknown };
    if (typeof body?.message === 'string' && body.message) said = body.message.slice(0, 400);
  } catch {
    // not JSON: the status says enough
  }
  const kind = kindForStatus(status);
  const advice = kind === 'forbidden' ? forbidden.advice : kind === 'unauthorized' ? ' Check the key the page sends to Kibana.' : '';
  return new IpDataError(kind, `Kibana refused ${what} (${status})${said ? `: ${said}` : ''}.${advice}`, {
    status,
    retryAfter: parseRetryAfter(headers.get('Retry-After')),
    reason: { id: 'service', service: 'Kibana', status, ...(said ? { said } : {}), ...(kind === 'forbidden' ? { needs: forbidden.needs } : {}), ...(kind === 'unauthorized' ? { tip: 'check-key' } : {}) },
  });
}

