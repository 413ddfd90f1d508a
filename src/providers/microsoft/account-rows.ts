/**
 * The accounts seen signing in from an IP, as both Microsoft providers ask for them: each log's
 * sign-ins put in one shape (`Timestamp`, `Source`, `Account`, `DisplayName`, `UserId`, `Result`,
 * `Reason`, `Mfa`, `App`, `Device`), then summarized per log and account in one query, whose
 * rows {@link accountFromRow} reads. The providers page, sort and search what it answered.
 */
import type { AccountActivity } from '../../data/model.js';
import { accountAnswer, type AccountAnswer } from '../../data/account-query.js';
import { kqlClipStage, kqlInt, type Clips } from './kql.js';
import { cutText, list, number, text, type Row } from './tables.js';

/**
 * The most accounts one query answers (the most recently seen): with the cuts below, the largest
 * answer stays under the 20 MB the page reads (test/providers/kql-answer-size.test.ts).
 */
export const ACCOUNT_ROWS = 5_000;

/** Entra ID error codes of an interrupted sign-in (a further step asked for: MFA, keep me signed in, consent). */
export const ENTRA_INTERRUPTED = [50055, 50072, 50074, 50076, 50079, 50097, 50125, 50140, 50158, 65001, 81010, 81012, 81014] as const;

/** What the summary cuts: a failure reason may be a long description. */
// A UPN is at most 113 characters, DOMAIN\name 36, a SID or object id under 64.
export const ACCOUNT_CLIPS: Clips = { Account: 128, DisplayName: 64, UserId: 64, Source: 32, FailureReason: 96, LastResult: 12 };
/** How long a name in the sample lists may be. */
export const SAMPLE_NAME = 48;
/** The sample lists (five names of at most {@link SAMPLE_NAME}), kept whole. */
const ACCOUNT_LISTS = { Applications: { max: 260, type: 'dynamic' }, Devices: { max: 260, type: 'dynamic' } } as const;

/**
 * The summary over the normalized sign-ins (`union isfuzzy=true` of each log's `project`, each
 * with the columns named above), newest account first.
 */
export function accountSummary(): string {
  return `| summarize FirstSeen = min(Timestamp), LastSeen = max(Timestamp), SignIns = count(), Successes = countif(Result == "success"),
    Failures = countif(Result == "failure"), MultiFactor = countif(Result == "success" and Mfa == true), MfaLogged = countif(isnotnull(Mfa)),
    FailureReason = take_anyif(Reason, Result != "success" and isnotempty(Reason)), DisplayName = take_anyif(DisplayName, isnotempty(DisplayName)),
    UserId = take_anyif(UserId, isnotempty(UserId)), Applications = make_set_if(App, isnotempty(App), 5), Devices = make_set_if(Device, isnotempty(Device), 5),
    arg_max(Timestamp, Result) by Source, Account
| where isnotempty(Account)
| project Source, Account, DisplayName, UserId, FirstSeen, LastSeen, SignIns, Successes, Failures, LastResult = Result, FailureReason,
    MultiFactor = iff(MfaLogged > 0, MultiFactor, long(null)), Applications, Devices
${kqlClipStage(ACCOUNT_CLIPS, ACCOUNT_LISTS)}
| top ${kqlInt(ACCOUNT_ROWS)} by LastSeen desc`;
}

/** One row of {@link accountSummary}'s answer, or undefined when it names no account. */
export function accountFromRow(row: Row): AccountActivity | undefined {
  const account = cutText(row, 'Account', ACCOUNT_CLIPS);
  const source = cutText(row, 'Source', ACCOUNT_CLIPS);
  const firstSeen = text(row, 'FirstSeen');
  const lastSeen = text(row, 'LastSeen');
  if (!account || !firstSeen || !lastSeen) return undefined;
  const out: AccountActivity = {
    id: `${source ?? ''}|${account}`,
    account,
    signIns: number(row, 'SignIns') ?? 0,
    successes: number(row, 'Successes') ?? 0,
    failures: number(row, 'Failures') ?? 0,
    lastResult: text(row, 'LastResult') ?? '',
    firstSeen,
    lastSeen,
  };
  const optional: Array<[keyof AccountActivity, unknown]> = [
    ['source', source],
    ['displayName', cutText(row, 'DisplayName', ACCOUNT_CLIPS)],
    ['userId', text(row, 'UserId')],
    ['failureReason', cutText(row, 'FailureReason', ACCOUNT_CLIPS)],
    ['multiFactor', number(row, 'MultiFactor')],
    ['applications', list(row, 'Applications')],
    ['devices', list(row, 'Devices')],
  ];
  for (const [k, v] of optional) if (v !== undefined && !(Array.isArray(v) && !v.length)) (out as unknown as Record<string, unknown>)[k] = v;
  return out;
}

/** The accounts of an answer (with Log Analytics' own note of what it left out). */
export function accountSource(rows: readonly Row[], partial?: string): AccountAnswer {
  return accountAnswer(rows.map(accountFromRow).filter((a): a is AccountActivity => a !== undefined), rows.length, ACCOUNT_ROWS, partial);
}
