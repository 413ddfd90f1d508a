/**
 * The `accounts` ES|QL query's answer over the demo's sign-ins as three Elastic integrations
 * write them (see cluster.ts): Entra ID sign-ins in `azure.signinlogs` (the UPN, the result
 * description of a failure, the MFA requirement, the application), Windows 4624/4625 from the
 * domain controller and servers in `system.security` (`DOMAIN\user`, SID, `winlog.logon.failure.reason`,
 * `logged-in` / `logon-failed`), and sshd in `system.auth`, where the system integration also
 * writes PAM's "authentication failure" line for each failed password (`authentication_failure`):
 * counted unless the request leaves that action out, as a cluster would. One row per account and
 * data stream, the columns in the order ES|QL gives them (STATS, then BY, then the EVAL'd slices).
 */
import type { TimeRange } from '../../src/lib/time-range.js';
import type { IpDataset } from '../generator/dataset.js';
import { ENTRA_ERRORS, signInEvents, WINDOWS_BAD_PASSWORD, type SignInEvent } from '../generator/sign-ins.js';

export const ACCOUNT_COLUMNS: Array<[string, string]> = [
  ['first_seen', 'date'], ['last_seen', 'date'], ['sign_ins', 'long'], ['successes', 'long'], ['failures', 'long'], ['last_success', 'date'], ['last_failure', 'date'],
  ['multi_factor', 'long'], ['mfa_logged', 'long'], ['display_name', 'keyword'], ['user_id', 'keyword'], ['account', 'keyword'], ['dataset', 'keyword'],
  ['reasons', 'keyword'], ['apps', 'keyword'], ['devices', 'keyword'],
];

interface Doc {
  time: number;
  dataset: string;
  account: string;
  outcome: 'success' | 'failure' | 'unknown';
  reason?: string;
  app: string;
  device?: string;
  fullName?: string;
  userId?: string;
  mfa?: string;
}

function docs(e: SignInEvent, pam: boolean): Doc[] {
  const outcome = e.result === 'success' ? 'success' : 'failure';
  if (e.log === 'entra') {
    // The integration: outcome `failure` for any error code above 0 (an interrupt too).
    return [{ time: e.time, dataset: 'azure.signinlogs', account: e.upn!, outcome, reason: e.errorCode ? ENTRA_ERRORS[e.errorCode] : undefined, app: e.application, device: e.device, fullName: e.displayName, userId: e.userId, mfa: e.mfa ? 'multiFactorAuthentication' : 'singleFactorAuthentication' }];
  }
  if (e.log === 'ssh') {
    const line: Doc = { time: e.time, dataset: 'system.auth', account: e.name, outcome, reason: outcome === 'failure' ? 'Failed password' : undefined, app: 'ssh_login', device: e.device };
    return pam && outcome === 'failure' ? [line, { ...line, app: 'authentication_failure', reason: undefined }] : [line];
  }
  return [{ time: e.time, dataset: 'system.security', account: `${e.domain}\\${e.name}`, outcome, reason: outcome === 'failure' ? WINDOWS_BAD_PASSWORD.reason : undefined, app: outcome === 'success' ? 'logged-in' : 'logon-failed', device: e.log === 'ad' ? 'DC01' : e.device, userId: e.userId }];
}

/** An ES|QL cell: null, one value, or a list of several. */
const cell = (values: readonly string[]) => (values.length === 0 ? null : values.length === 1 ? values[0]! : [...values]);

/** The rows for the range, newest account first, at most `limit`. */
export function elasticAccountRows(d: IpDataset, range: TimeRange, o: { pamLeftOut: boolean; limit: number }): unknown[][] {
  const groups = new Map<string, Doc[]>();
  for (const e of signInEvents(d)) {
    if (e.time < range.from.getTime() || e.time >= range.to.getTime()) continue;
    for (const doc of docs(e, !o.pamLeftOut)) {
      const key = `${doc.dataset}|${doc.account}`;
      groups.set(key, [...(groups.get(key) ?? []), doc]);
    }
  }
  const iso = (t: number | undefined) => (t === undefined ? null : new Date(t).toISOString());
  const max = (xs: number[]) => (xs.length ? Math.max(...xs) : undefined);
  // VALUES gives each distinct value once, in no promised order; MV_SLICE keeps the first ones.
  const distinct = (xs: Array<string | undefined>) => [...new Set(xs.filter((x): x is string => Boolean(x)))];
  return [...groups.values()]
    .map((g) => {
      const ok = g.filter((x) => x.outcome === 'success');
      const bad = g.filter((x) => x.outcome === 'failure');
      const mfa = g.filter((x) => x.mfa !== undefined);
      return [
        iso(Math.min(...g.map((x) => x.time))), iso(Math.max(...g.map((x) => x.time))), g.length, ok.length, bad.length, iso(max(ok.map((x) => x.time))), iso(max(bad.map((x) => x.time))),
        ok.filter((x) => x.mfa === 'multiFactorAuthentication').length, mfa.length, cell(distinct(g.map((x) => x.fullName))), cell(distinct(g.map((x) => x.userId))), g[0]!.account, g[0]!.dataset,
        cell(distinct(bad.map((x) => x.reason)).slice(0, 1)), cell(distinct(g.map((x) => x.app)).slice(0, 5)), cell(distinct(g.map((x) => x.device)).slice(0, 5)),
      ];
    })
    .sort((a, b) => String(b[1]).localeCompare(String(a[1])))
    .slice(0, o.limit);
}
