/**
 * The accounts seen signing in from an IP, as every provider answers them (`listAccounts`) and the
 * Accounts tab lists them. Also exported from model.ts with the rest of the model.
 */
import type { Open, RowProblems } from './model.js';

/** How a sign-in ended: `success`, `failure`, or `interrupted` (Entra: a further step was asked for and not completed). */
export type SignInResult = Open<'success' | 'failure' | 'interrupted'>;

/**
 * An account seen signing in (or trying to) from the IP in the range, with what its sign-ins
 * have in common: one row per account and log (an Entra ID user and the same person's Windows
 * logon are two rows, as their logs name them differently).
 */
export interface AccountActivity extends RowProblems {
  /** Unique in the list (the provider's key: log and account). */
  id: string;
  /** The account as the log names it: a UPN (`ana@contoso.com`), `DOMAIN\\name`, or a local name (`root`). */
  account: string;
  displayName?: string;
  /** The directory's id of the user (Entra object id, SID), for the host's `user-href` link. */
  userId?: string;
  /** The log it was seen in, as words for people (`Entra ID`, `Active Directory`, `Windows`, `SSH`, `Okta`). */
  source?: string;
  /** Sign-ins and attempts from the IP in the range. */
  signIns: number;
  /** Of them, the ones that succeeded. */
  successes: number;
  /** Of them, the ones that failed (the rest were interrupted). */
  failures: number;
  /** How the last one ended. */
  lastResult: SignInResult;
  /** Why the last failure failed, as the log says it (`Invalid username or password`, `0xC000006A`). */
  failureReason?: string;
  /**
   * Of the successful sign-ins, how many passed multifactor authentication; absent when the log
   * does not say (Windows and SSH logons).
   */
  multiFactor?: number;
  /** Applications or services signed in to (at most 5, most used first where the log says). */
  applications?: string[];
  /** Devices signed in from or to (names, at most 5). */
  devices?: string[];
  firstSeen: string;
  lastSeen: string;
}
