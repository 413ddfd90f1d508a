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

/** Entra ID error codes the demo uses, with the words the Defender query's `case` gives them. */
const DEFENDER_ENTRA_REASONS: Readonly<Record<number, string>> = {
  50126: 'Invalid username or password (50126)',
  50053: 'Account locked (50053)',
  50034: 'No such account in the directory (50034)',
  53003: 'Blocked by Conditional Access (53003)',
  50074: 'MFA required (50074)',
};

/** Defender XDR: EntraIdSignInEvents, IdentityLogonEvents (Active Directory), DeviceLogonEvents. */
function defenderView(e: SignInEvent): SignInView {
  if (e.log === 'entra') {
    const code = e.errorCode ?? 0;
    return { source: 'Entra ID', account: e.upn!, failureReason: code ? (DEFENDER_ENTRA_REASONS[code] ?? `Entra ID error ${code}`) : undefined, application: e.application, device: e.device, mfaLogged: true };
  }
  if (e.log === 'ad') return { source: 'Active Directory', account: e.upn ?? accountName(e), failureReason: e.failureReason, application: e.application, device: e.device, mfaLogged: false };
  // A device logon: its LogonType (SSH to Linux logs as a network logon), the device logged on to.
  // DeviceLogonEvents has the account's SID, no display name.
  return { source: 'Device logons', account: accountName(e), failureReason: e.result === 'failure' ? 'InvalidUserNameOrPassword' : undefined, application: 'Network', device: e.device, mfaLogged: false, displayName: null };
}

/** Sentinel: SigninLogs, SecurityEvent 4624/4625 (domain controllers and servers), sshd in Syslog. */
function sentinelView(e: SignInEvent): SignInView {
  if (e.log === 'entra') return { source: 'Entra ID', account: e.upn!, failureReason: e.failureReason, application: e.application, device: e.device, mfaLogged: true };
  if (e.log === 'ssh') return { source: 'SSH', account: e.name, failureReason: e.result === 'failure' ? 'Failed password' : undefined, application: 'SSH password', device: e.device, mfaLogged: false, displayName: null, userId: null };
  // 4624/4625 name the target account and its SID, not the person.
  return {
    displayName: null,
    source: 'Windows',
    account: `${e.domain ?? 'WORKGROUP'}\\${e.name}`,
    failureReason: e.result === 'failure' ? `Bad password (${WINDOWS_BAD_PASSWORD.subStatus})` : undefined,
    application: 'Network',
    device: e.log === 'ad' ? 'DC01' : e.device,
    mfaLogged: false,
  };
}

/** The query's rows (KQL column names) for one service. */
export function accountRows(d: IpDataset, range: TimeRange, service: 'defender' | 'logAnalytics'): Array<Record<string, unknown>> {
  return aggregateAccounts(signInEvents(d), range, service === 'defender' ? defenderView : sentinelView).map((a) => ({
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
