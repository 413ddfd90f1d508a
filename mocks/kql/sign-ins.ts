/**
 * The `accounts` query's answer, as advanced hunting and Log Analytics would give it over the
 * demo's sign-ins written into each service's tables: what each table logs of a sign-in (Entra
 * ID's error codes and MFA requirement, Defender for Identity's protocol, a device logon's type,
 * Windows' 4625 sub-status, sshd's line), then one row per log and account with the query's
 * columns. The mock's `applyTail` then applies the query's own `top`.
 */
import type { TimeRange } from '../../src/lib/time-range.js';
import type { IpDataset } from '../generator/dataset.js';
import { accountName, aggregateAccounts, signInEvents, WINDOWS_BAD_PASSWORD, type SignInEvent, type SignInView } from '../generator/sign-ins.js';

/**
 * What a `case()` in the query gives for a value of `column`, evaluated as the service would:
 * its `column == value, "words"` (or `=~`, case-insensitive) branches, else its
 * `strcat("prefix", tostring(column))` fallback. The words are the query's own, never the mock's.
 */
export function caseWords(query: string, column: string): (value: string | number) => string | undefined {
  const branches = [...query.matchAll(new RegExp(`\\b${column} (==|=~) ("[^"]*"|\\d+), "((?:[^"\\\\]|\\\\.)*)"`, 'g'))].map((m) => ({ loose: m[1] === '=~', value: m[2]!.replace(/^"|"$/g, ''), words: m[3]! }));
  const prefix = new RegExp(`strcat\\("([^"]*)", tostring\\(${column}\\)\\)`).exec(query)?.[1];
  return (value) => {
    const v = String(value);
    const hit = branches.find((b) => (b.loose ? b.value.toLowerCase() === v.toLowerCase() : b.value === v));
    return hit ? hit.words : prefix !== undefined ? `${prefix}${v}` : undefined;
  };
}

/**
 * Defender XDR: EntraIdSignInEvents (`ErrorCode`, the query's words for it), IdentityLogonEvents
 * (Active Directory), DeviceLogonEvents. Microsoft documents `DeviceLogonEvents.FailureReason` only as
 * "information explaining why the recorded action failed", no values: the mock writes Windows'
 * own 4625 failure text there. `LogonType` values are the table doc's (`Network`).
 */
function defenderView(query: string): (e: SignInEvent) => SignInView {
  const entraReason = caseWords(query, 'ErrorCode');
  return (e) => {
    if (e.log === 'entra') {
      const code = e.errorCode ?? 0;
      return { source: 'Entra ID', account: e.upn!, failureReason: code ? entraReason(code) : undefined, application: e.application, device: e.device, mfaLogged: true };
    }
    if (e.log === 'ad') return { source: 'Active Directory', account: e.upn ?? accountName(e), failureReason: e.failureReason, application: e.application, device: e.device, mfaLogged: false };
    // A device logon (SSH to Linux logs as a network logon) on the device logged on to; the account's SID, no display name.
    return { source: 'Device logons', account: accountName(e), failureReason: e.result === 'failure' ? WINDOWS_BAD_PASSWORD.reason : undefined, application: 'Network', device: e.device, mfaLogged: false, displayName: null };
  };
}

/**
 * Sentinel: SigninLogs (`ResultDescription`), SecurityEvent 4624/4625 from domain controllers and
 * servers (`SubStatus` and `LogonType` 3, a network logon, in the query's words), sshd's
 * "Failed password for … from … port …" line in Syslog.
 */
function sentinelView(query: string): (e: SignInEvent) => SignInView {
  const subStatus = caseWords(query, 'SubStatus');
  const logonType = caseWords(query, 'LogonType');
  return (e) => {
    if (e.log === 'entra') return { source: 'Entra ID', account: e.upn!, failureReason: e.failureReason, application: e.application, device: e.device, mfaLogged: true };
    if (e.log === 'ssh') return { source: 'SSH', account: e.name, failureReason: e.result === 'failure' ? 'Failed password' : undefined, application: 'SSH password', device: e.device, mfaLogged: false, displayName: null, userId: null };
    // 4624/4625 name the target account and its SID, not the person.
    return {
      displayName: null,
      source: 'Windows',
      account: `${e.domain ?? 'WORKGROUP'}\\${e.name}`,
      failureReason: e.result === 'failure' ? subStatus(WINDOWS_BAD_PASSWORD.subStatus) : undefined,
      application: logonType(3),
      device: e.log === 'ad' ? 'DC01' : e.device,
      mfaLogged: false,
    };
  };
}

/** The query's rows (KQL column names) for one service. */
export function accountRows(d: IpDataset, range: TimeRange, service: 'defender' | 'logAnalytics', query: string): Array<Record<string, unknown>> {
  return aggregateAccounts(signInEvents(d), range, service === 'defender' ? defenderView(query) : sentinelView(query)).map((a) => ({
    Source: a.source,
    Account: a.account,
    DisplayName: a.displayName ?? '',
    UserId: a.userId ?? '',
    FirstSeen: a.firstSeen,
    LastSeen: a.lastSeen,
    SignIns: a.signIns,
    Successes: a.successes,
    Failures: a.failures,
    LastResult: a.lastResult,
    FailureReason: a.failureReason ?? '',
    MultiFactor: a.multiFactor ?? null,
    Applications: a.applications ?? [],
    Devices: a.devices ?? [],
  }));
}
