/**
 * The demo's sign-ins from an IP: one list of sign-in events per IP that fits its story, from
 * which every mock answers in its vendor's shape (Entra ID sign-in logs, Defender for Identity's
 * logons, Windows 4624/4625, sshd's lines) and the REST and static data aggregate their account
 * rows. An identity attacker sprays passwords at many Entra ID accounts and gets into a few; a C2
 * server is where a stolen session is replayed from (AiTM); a scanner guesses SSH and RDP
 * passwords; an internal host signs in to servers as it should.
 */
import type { AccountActivity } from '../../src/data/model.js';
import { DAY_MS, HOUR_MS, type TimeRange } from '../../src/lib/time-range.js';
import { FIRST_NAMES, LAST_NAMES } from './catalog.js';
import type { IpDataset } from './dataset.js';
import { rngAt, type Rng } from './random.js';

/** The log a sign-in was written to. */
export type SignInLog = 'entra' | 'ad' | 'windows' | 'ssh';

export interface SignInEvent {
  time: number;
  log: SignInLog;
  /** Entra ID and Active Directory: the user principal name. */
  upn?: string;
  /** The account name without domain (`ana.silva`, `root`). */
  name: string;
  /** Windows and Active Directory: the NetBIOS domain. */
  domain?: string;
  displayName?: string;
  /** Entra ID: object id; Windows and AD: SID. */
  userId?: string;
  result: 'success' | 'failure' | 'interrupted';
  /** Entra ID's error code (0 = success). */
  errorCode?: number;
  /** The log's reason for a failure, as it words it. */
  failureReason?: string;
  /** Entra ID: whether multifactor authentication was required and satisfied. */
  mfa?: boolean;
  /** Entra ID: the application; AD: the protocol; Windows: the logon type; SSH: `sshd`. */
  application: string;
  /** The device: Entra ID's registered device (often none), the Windows or Linux host signed in to. */
  device?: string;
}

/** Entra ID sign-in error codes the demo uses, with the description Microsoft's reference gives. */
export const ENTRA_ERRORS: Readonly<Record<number, string>> = {
  50126: 'Error validating credentials due to invalid username or password.',
  50053: 'Account is locked because user tried to sign in too many times with an incorrect user ID or password.',
  50057: 'User account is disabled.',
  50074: 'Strong Authentication is required.',
  50034: 'The user account does not exist in the directory.',
  53003: 'Access has been blocked by Conditional Access policies.',
};

/** The Windows logon failure the demo uses (4625's `Status`/`SubStatus` and its text). */
export const WINDOWS_BAD_PASSWORD = { status: '0xc000006d', subStatus: '0xc000006a', reason: 'Unknown user name or bad password.' } as const;

const TENANT = 'contoso.com';
const DOMAIN = 'CONTOSO';
const ENTRA_APPS = ['Microsoft Office', 'Azure Portal', 'Microsoft Authentication Broker', 'Office 365 Exchange Online', 'Microsoft Teams', 'OfficeHome'];
const SSH_USERS = ['root', 'admin', 'ubuntu', 'oracle', 'test', 'postgres', 'git', 'deploy', 'user', 'ftpuser'];
const RDP_USERS = ['administrator', 'admin', 'backup', 'scanner', 'guest'];

const cache = new WeakMap<IpDataset, SignInEvent[]>();

interface Person {
  name: string;
  upn: string;
  displayName: string;
  objectId: string;
  sid: string;
}

function people(r: Rng, n: number): Person[] {
  const out: Person[] = [];
  const seen = new Set<string>();
  for (let k = 0; out.length < n; k++) {
    const first = r.pick(FIRST_NAMES);
    const last = r.pick(LAST_NAMES);
    const plain = `${first}.${last}`.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    const name = seen.has(plain) ? `${plain}${k}` : plain;
    seen.add(name);
    out.push({ name, upn: `${name}@${TENANT}`, displayName: `${first} ${last}`, objectId: uuid(r), sid: `S-1-5-21-1004336348-1177238915-682003330-${1100 + out.length}` });
  }
  return out;
}

function uuid(r: Rng): string {
  const h = r.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** How many accounts an IP's story signs in with (the busy demo IPs: many, for the huge states). */
function accountCount(d: IpDataset): number {
  const { story, devices, alerts } = d.profile;
  if (!d.observed) return 0;
  if (alerts >= 1_000_000) return 12_000;
  if (alerts >= 100_000) return 2_500;
  if (story === 'identity') return Math.max(24, Math.min(80, devices * 5));
  if (story === 'scanner') return 12;
  if (story === 'internal') return Math.max(3, Math.min(8, devices + 2));
  return Math.max(2, Math.min(4, Math.ceil(devices / 15)));
}

/** The IP's sign-in events, oldest first (the same for the same dataset). */
export function signInEvents(d: IpDataset): SignInEvent[] {
  let events = cache.get(d);
  if (events) return events;
  events = build(d);
  events.sort((a, b) => a.time - b.time);
  cache.set(d, events);
  return events;
}

function build(d: IpDataset): SignInEvent[] {
  const n = accountCount(d);
  if (!n) return [];
  const r = rngAt(d.seed, 31);
  const span = Math.max(1, d.profile.spanDays) * DAY_MS;
  const at = (k: number) => d.now - Math.floor(r.next() * span * k) - r.int(1, 59) * 60_000;
  const out: SignInEvent[] = [];
  const devices = d.devices();
  const windows = devices.filter((x) => x.osPlatform?.startsWith('Windows')).map((x) => x.name);
  const linux = devices.filter((x) => x.osPlatform === 'Linux').map((x) => x.name);
  const story = d.profile.story;

  const entra = (p: Person, time: number, result: SignInEvent['result'], errorCode: number, app: string, mfa: boolean): SignInEvent => ({
    time,
    log: 'entra',
    upn: p.upn,
    name: p.name,
    displayName: p.displayName,
    userId: p.objectId,
    result,
    errorCode,
    ...(errorCode ? { failureReason: ENTRA_ERRORS[errorCode] } : {}),
    mfa,
    application: app,
  });

  if (d.profile.alerts >= 100_000 || story === 'identity') {
    // A password spray: a few attempts per account in bursts, the same password each round; a
    // handful get in (one asked for MFA and stopped there, one let in with a password only).
    const victims = people(r, n);
    const rounds = Math.max(3, Math.min(8, Math.round(d.profile.spanDays / 5)));
    const burst = Array.from({ length: rounds }, () => at(1));
    victims.forEach((p, k) => {
      const tries = 1 + (k % 3);
      for (let t = 0; t < tries; t++) {
        const code = k % 17 === 5 && t === tries - 1 ? 50053 : k % 11 === 7 ? 50034 : 50126;
        out.push(entra(p, burst[(k + t) % rounds]! + k * 1_000, 'failure', code, ENTRA_APPS[k % 3]!, false));
      }
      if (k % Math.max(9, Math.floor(n / 3)) === 2) {
        // Got in: a success after the failures, then sessions to mail and files.
        const inAt = Math.min(d.now - HOUR_MS, burst[(k + tries) % rounds]! + 3 * 60_000);
        const single = k % 2 === 0;
        if (!single) out.push(entra(p, inAt - 60_000, 'interrupted', 50074, 'OfficeHome', false));
        out.push(entra(p, inAt, 'success', 0, 'OfficeHome', !single));
        for (let s = 0; s < 4; s++) out.push(entra(p, Math.min(d.now - 60_000, inAt + (s + 1) * r.int(20, 300) * 60_000), 'success', 0, ENTRA_APPS[3 + (s % 3)]!, !single));
      }
    });
  } else if (story === 'c2') {
    // Adversary in the middle: the stolen session is replayed from the server, MFA claim and all.
    for (const p of people(r, n)) {
      const first = at(0.6);
      for (let s = 0; s < r.int(3, 12); s++) out.push(entra(p, Math.min(d.now - 60_000, first + s * r.int(30, 600) * 60_000), 'success', 0, ENTRA_APPS[3 + (s % 3)]!, true));
      if (r.chance(0.5)) out.push(entra(p, first - 5 * 60_000, 'failure', 53003, 'Azure Portal', false));
    }
  } else if (story === 'scanner') {
    // Password guessing at SSH and RDP: many failures per name, no success.
    const names = [...SSH_USERS.slice(0, Math.ceil(n * 0.6)), ...RDP_USERS].slice(0, n);
    names.forEach((name, k) => {
      const ssh = k < Math.ceil(n * 0.6);
      const host = ssh ? (linux[k % Math.max(1, linux.length)] ?? 'build-agent-001') : (windows[k % Math.max(1, windows.length)] ?? 'FS-01');
      const tries = r.int(20, 120);
      const start = at(1);
      for (let t = 0; t < tries; t++) {
        out.push(
          ssh
            ? { time: Math.min(d.now - 60_000, start + t * r.int(2, 40) * 1_000), log: 'ssh', name, result: 'failure', failureReason: 'Failed password', application: 'sshd', device: host }
            : { time: Math.min(d.now - 60_000, start + t * r.int(2, 40) * 1_000), log: 'windows', name, domain: DOMAIN, result: 'failure', failureReason: WINDOWS_BAD_PASSWORD.reason, application: 'Network', device: host },
        );
      }
    });
  } else {
    // An internal host: people sign in to file servers (Windows, Kerberos in AD) and a deploy key to Linux.
    const staff = people(r, n - 1);
    staff.forEach((p, k) => {
      const host = windows[k % Math.max(1, windows.length)] ?? 'FS-01';
      for (let s = 0; s < r.int(4, 30); s++) {
        const time = at(1);
        const failed = r.chance(0.08);
        out.push({ time, log: 'windows', name: p.name, domain: DOMAIN, userId: p.sid, displayName: p.displayName, result: failed ? 'failure' : 'success', ...(failed ? { failureReason: WINDOWS_BAD_PASSWORD.reason } : {}), application: 'Network', device: host });
        out.push({ time: time - 2_000, log: 'ad', upn: p.upn, name: p.name, domain: DOMAIN, userId: p.sid, displayName: p.displayName, result: failed ? 'failure' : 'success', ...(failed ? { failureReason: 'WrongPassword' } : {}), application: 'Kerberos', device: 'DC01' });
      }
    });
    for (let s = 0; s < r.int(10, 40); s++) out.push({ time: at(1), log: 'ssh', name: 'deploy', result: 'success', application: 'sshd', device: linux[s % Math.max(1, linux.length)] ?? 'build-agent-001' });
  }
  return out;
}

/** The words for each log (as the REST and static data name them). */
export const LOG_NAMES: Readonly<Record<SignInLog, string>> = { entra: 'Entra ID', ad: 'Active Directory', windows: 'Windows', ssh: 'SSH' };

/** The account as a log names it: a UPN, `DOMAIN\name`, or the local name. */
export function accountName(e: SignInEvent): string {
  return e.upn ?? (e.domain ? `${e.domain}\\${e.name}` : e.name);
}

/** How a log shows a sign-in: the account, its log's name, and the columns a backend groups. */
export interface SignInView {
  source: string;
  account: string;
  failureReason?: string;
  application?: string;
  device?: string;
  /** The log says whether MFA was used. */
  mfaLogged: boolean;
  /** What the log records of the user beyond the account (default: the event's). */
  displayName?: string | null;
  userId?: string | null;
}

/** The REST and static data's view: each log by its name, the reason as the log words it. */
export const restView = (e: SignInEvent): SignInView => ({
  source: LOG_NAMES[e.log],
  account: accountName(e),
  failureReason: e.failureReason,
  application: e.application,
  device: e.device,
  mfaLogged: e.log === 'entra',
});

/**
 * The account rows of the events in a range, as a backend aggregates them: one per log and
 * account (as `view` names them), with counts, the last result, a failure reason, MFA (where the
 * log says), and up to five applications and devices (most used first).
 */
export function aggregateAccounts(events: readonly SignInEvent[], range: TimeRange, view: (e: SignInEvent) => SignInView = restView): AccountActivity[] {
  const from = range.from.getTime();
  const to = range.to.getTime();
  const rows = new Map<string, { row: AccountActivity; apps: Map<string, number>; devices: Map<string, number>; mfa: boolean }>();
  for (const e of events) {
    if (e.time < from || e.time >= to) continue;
    const v = view(e);
    const id = `${v.source}|${v.account}`;
    let acc = rows.get(id);
    const iso = new Date(e.time).toISOString();
    if (!acc) {
      acc = {
        row: { id, account: v.account, source: v.source, signIns: 0, successes: 0, failures: 0, lastResult: e.result, firstSeen: iso, lastSeen: iso },
        apps: new Map(),
        devices: new Map(),
        mfa: false,
      };
      rows.set(id, acc);
    }
    const row = acc.row;
    const displayName = v.displayName === undefined ? e.displayName : v.displayName;
    const userId = v.userId === undefined ? e.userId : v.userId;
    if (displayName && !row.displayName) row.displayName = displayName;
    if (userId && !row.userId) row.userId = userId;
    acc.mfa ||= v.mfaLogged;
    row.signIns++;
    if (e.result === 'failure') row.failures++;
    else if (e.result === 'success') row.successes++;
    if (v.failureReason && e.result !== 'success') row.failureReason = v.failureReason;
    if (iso < row.firstSeen) row.firstSeen = iso;
    if (iso >= row.lastSeen) {
      row.lastSeen = iso;
      row.lastResult = e.result;
    }
    if (v.mfaLogged && e.result === 'success' && e.mfa) row.multiFactor = (row.multiFactor ?? 0) + 1;
    if (v.application) acc.apps.set(v.application, (acc.apps.get(v.application) ?? 0) + 1);
    if (v.device) acc.devices.set(v.device, (acc.devices.get(v.device) ?? 0) + 1);
  }
  const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 5).map(([k]) => k);
  return [...rows.values()].map(({ row, apps, devices, mfa }) => {
    if (mfa && row.multiFactor === undefined) row.multiFactor = 0;
    if (apps.size) row.applications = top(apps);
    if (devices.size) row.devices = top(devices);
    return row;
  });
}
