/**
 * The accounts seen signing in from an IP, from Elasticsearch: the authentication events
 * (`event.category: authentication`, a DSL `term`, which matches a multi-valued category) whose
 * `source.ip` is the IP, in one ES|QL query summarized per account and data stream. What each
 * integration writes differs (elastic/integrations' pipelines), so each column takes the first
 * field an index maps:
 * - the account: Entra ID's UPN (`azure.signinlogs.properties.user_principal_name`: the
 *   integration's `user.name` is only the part before `@` in older versions), else
 *   `user.domain\user.name` (Windows 4624/4625), else `user.name` (sshd, Okta);
 * - why a failure failed: Entra ID's result description, Windows' `winlog.logon.failure.reason`,
 *   Okta's `okta.outcome.reason`, sshd's event and method (no integration sets `event.reason`);
 * - MFA: Entra ID's `authentication_requirement` (the only log here that records it);
 * - the application (Entra ID's) else `event.action`; the device: `host.name`, `host.hostname`,
 *   Entra ID's device.
 * PAM's "authentication failure" lines repeat sshd's own failure line for the same attempt, so
 * they are left out. The page, sort and search of the list are cut from the answer.
 */
import type { AccountActivity } from '../../data/model.js';
import type { TimeRange } from '../../lib/time-range.js';
import { accountAnswer, type AccountAnswer } from '../../data/account-query.js';

export { accountAnswerPage, type AccountAnswer } from '../../data/account-query.js';
import type { FieldTypes } from './cluster.js';
import { esqlInt, type EsqlRequest } from './esql.js';
import { MissingFieldsError, noneOf, type ElasticQueries } from './queries.js';
import { num, str, strings, type Row } from './read.js';

/** The most accounts one query answers (the most recently seen). */
export const ELASTIC_ACCOUNT_ROWS = 5_000;

const first = (...e: Array<string | undefined>): string | undefined => {
  const present = e.filter((x): x is string => Boolean(x));
  return present.length > 1 ? `COALESCE(${present.join(', ')})` : present[0];
};

/** The query, or a {@link MissingFieldsError} when no index maps a user name or an outcome. */
export function accountsRequest(q: ElasticQueries, ip: string, range: TimeRange, fields: FieldTypes | undefined): EsqlRequest {
  const f = (k: Parameters<ElasticQueries['field']>[0]) => q.field(k, fields);
  // An integration's own field only where the cluster says an index maps it (unknown, it is not named).
  const i = (n: Parameters<ElasticQueries['integrationField']>[0]) => (fields ? q.integrationField(n, 'keyword', fields) : undefined);
  const ts = f('timestamp');
  const user = f('userName');
  const outcome = f('eventOutcome');
  const missing = [!ts && 'timestamp', !user && 'userName', !outcome && 'eventOutcome'].filter((x): x is 'timestamp' | 'userName' | 'eventOutcome' => Boolean(x));
  if (missing.length) throw new MissingFieldsError(missing.map((k) => q.nameOf(k)), q.events, 'the accounts list');
  const domain = f('userDomain');
  const upn = i('azure.signinlogs.properties.user_principal_name');
  const mfa = i('azure.signinlogs.properties.authentication_requirement');
  const ssh = i('system.auth.ssh.event');
  const method = i('system.auth.ssh.method');
  const sshReason = ssh && (method ? `CONCAT(${ssh}, " ", ${method})` : ssh);
  const reason = first(i('azure.signinlogs.result_description'), i('winlog.logon.failure.reason'), i('okta.outcome.reason'), sshReason);
  const app = first(i('azure.signinlogs.properties.app_display_name'), f('eventAction'));
  const device = first(f('hostName'), i('host.hostname'), i('azure.signinlogs.properties.device_detail.display_name'));
  const dataset = f('dataset');
  const name = domain ? `CASE(${domain} IS NOT NULL, CONCAT(${domain}, "\\\\", ${user}), ${user})` : user!;
  const evals = [
    `account = ${upn ? `COALESCE(${upn}, ${name})` : name}`,
    `ok = CASE(${outcome} == "success", 1, 0)`,
    `bad = CASE(${outcome} == "failure", 1, 0)`,
    `ok_at = CASE(${outcome} == "success", ${ts}, null)`,
    `bad_at = CASE(${outcome} == "failure", ${ts}, null)`,
    ...(reason ? [`why = CASE(${outcome} == "success", null, ${reason})`] : []),
    ...(app ? [`app = ${app}`] : []),
    ...(device ? [`device = ${device}`] : []),
    ...(mfa ? [`mfa = CASE(${outcome} == "success" AND ${mfa} == "multiFactorAuthentication", 1, 0)`, `mfa_logged = CASE(${mfa} IS NOT NULL, 1, 0)`] : []),
  ];
  const stats = [
    `first_seen = MIN(${ts})`,
    `last_seen = MAX(${ts})`,
    'sign_ins = COUNT(*)',
    'successes = SUM(ok)',
    'failures = SUM(bad)',
    'last_success = MAX(ok_at)',
    'last_failure = MAX(bad_at)',
    ...(reason ? ['reasons = VALUES(why)'] : []),
    ...(app ? ['apps = VALUES(app)'] : []),
    ...(device ? ['devices = VALUES(device)'] : []),
    ...(mfa ? ['multi_factor = SUM(mfa)', 'mfa_logged = SUM(mfa_logged)'] : []),
    ...(f('userFullName') ? [`display_name = VALUES(${f('userFullName')})`] : []),
    ...(f('userId') ? [`user_id = VALUES(${f('userId')})`] : []),
  ];
  const slices = [reason && 'reasons = MV_SLICE(reasons, 0, 0)', app && 'apps = MV_SLICE(apps, 0, 4)', device && 'devices = MV_SLICE(devices, 0, 4)'].filter(Boolean);
  return q.esqlRequest('accounts', ip, range, [
    `| EVAL ${evals.join(', ')}`,
    '| WHERE account IS NOT NULL',
    `| STATS ${stats.join(', ')} BY account${dataset ? `, dataset = ${dataset}` : ''}`,
    ...(slices.length ? [`| EVAL ${slices.join(', ')}`] : []),
    '| SORT last_seen DESC',
    `| LIMIT ${esqlInt(ELASTIC_ACCOUNT_ROWS)}`,
  ], {
    ipFields: ['sourceIp'],
    more: [{ term: { [q.nameOf('eventCategory')]: 'authentication' } }, noneOf({ term: { [q.nameOf('eventAction')]: 'authentication_failure' } })],
  });
}

/** One row of the answer. */
export function accountFromEsql(r: Row): AccountActivity | undefined {
  const account = str(r, 'account');
  const firstSeen = str(r, 'first_seen');
  const lastSeen = str(r, 'last_seen');
  if (!account || !firstSeen || !lastSeen) return undefined;
  const dataset = str(r, 'dataset');
  const lastSuccess = str(r, 'last_success');
  const lastFailure = str(r, 'last_failure');
  const out: AccountActivity = {
    id: `${dataset ?? ''}|${account}`,
    account,
    signIns: num(r, 'sign_ins') ?? 0,
    successes: num(r, 'successes') ?? 0,
    failures: num(r, 'failures') ?? 0,
    // ES|QL has no "value at the latest time": the later of the last success and the last failure.
    lastResult: lastSuccess && (!lastFailure || lastSuccess >= lastFailure) ? 'success' : lastFailure ? 'failure' : 'unknown',
    firstSeen,
    lastSeen,
  };
  const mfaLogged = num(r, 'mfa_logged');
  const optional: Array<[keyof AccountActivity, unknown]> = [
    ['source', dataset],
    ['displayName', strings(r, 'display_name')[0]],
    ['userId', strings(r, 'user_id')[0]],
    ['failureReason', strings(r, 'reasons')[0]],
    ['multiFactor', mfaLogged ? num(r, 'multi_factor') : undefined],
    ['applications', strings(r, 'apps')],
    ['devices', strings(r, 'devices')],
  ];
  for (const [k, v] of optional) if (v !== undefined && v !== '' && !(Array.isArray(v) && !v.length)) (out as unknown as Record<string, unknown>)[k] = v;
  return out;
}

/** The accounts of an answer (with the cluster's own note of what it left out). */
export function elasticAccounts(rows: readonly Row[], partial?: string): AccountAnswer {
  return accountAnswer(rows.map(accountFromEsql).filter((a): a is AccountActivity => a !== undefined), rows.length, ELASTIC_ACCOUNT_ROWS, partial);
}
