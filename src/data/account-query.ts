/**
 * Filter, sort and page the accounts seen signing in from an IP by an {@link AccountQuery}: the
 * one implementation behind the static provider, the mock REST server, and the Microsoft
 * providers (which ask their backend for every account once and page what it answered).
 */
import type { AccountActivity } from './model.js';
import { ACCOUNT_SORT_FIELDS, type AccountQuery, type Page } from './provider.js';
import { criteriaKey, listSource, runQuery, type Criteria, type ListSource, type Schema } from './query-engine.js';

const SCHEMA: Schema<AccountActivity> = {
  defaultField: 'lastSeen',
  searchFields: ['account', 'displayName', 'source', 'failureReason', 'applications', 'devices'],
  fields: {
    account: { type: 'text', read: (a) => a.account },
    displayName: { type: 'text', read: (a) => a.displayName },
    source: { type: 'text', read: (a) => a.source },
    failureReason: { type: 'text', read: (a) => a.failureReason },
    applications: { type: 'text', read: (a) => a.applications },
    devices: { type: 'text', read: (a) => a.devices },
    firstSeen: { type: 'time', read: (a) => a.firstSeen },
    lastSeen: { type: 'time', read: (a) => a.lastSeen },
    signIns: { type: 'number', read: (a) => a.signIns },
    failures: { type: 'number', read: (a) => a.failures },
  },
};

/** Whether an account had a sign-in of one of `results` (`success`, `failure`, `interrupted`). */
function hadResult(a: AccountActivity, results: ReadonlySet<string>): boolean {
  return (results.has('success') && a.successes > 0) || (results.has('failure') && a.failures > 0) || (results.has('interrupted') && a.signIns > a.successes + a.failures);
}

/** Filter, sort and page accounts (an array is queried as is; a source's ordered results are cached). */
export function queryAccounts(source: ListSource<AccountActivity> | readonly AccountActivity[], query: AccountQuery): Page<AccountActivity> {
  const src = Array.isArray(source) ? listSource(source as readonly AccountActivity[]) : (source as ListSource<AccountActivity>);
  const results = query.result?.length ? new Set<string>(query.result) : undefined;
  const sort = query.sort && (ACCOUNT_SORT_FIELDS as readonly string[]).includes(query.sort.field) ? query.sort : undefined;
  const criteria: Criteria = {
    filters: [],
    search: query.search?.trim() || undefined,
    extra: results ? (i) => hadResult(src.get(i), results) : undefined,
    range: query.range ? { range: query.range, start: 'firstSeen', end: 'lastSeen' } : undefined,
    sort: sort ? { field: sort.field, direction: sort.direction === 'asc' ? 'asc' : 'desc' } : undefined,
  };
  const key = `${criteriaKey(criteria)}|result:${[...(results ?? [])].join(',')}`;
  return runQuery(src, SCHEMA, criteria, Array.isArray(source) ? undefined : key, query.offset, query.limit);
}

/**
 * The accounts a backend answered in one query (the Microsoft and Elastic providers ask for every
 * account of the range at once, newest first, up to a row limit), as a source the query engine
 * pages, sorts and searches (and keeps the ordered results of), with what the answer left out.
 */
export interface AccountAnswer {
  source: ListSource<AccountActivity>;
  /** The query's row limit: an answer that reached it left older accounts out. */
  limit: number;
  capped: boolean;
  /** What the backend itself said it left out. */
  partial?: string;
}

export function accountAnswer(accounts: readonly AccountActivity[], rows: number, limit: number, partial?: string): AccountAnswer {
  return { source: listSource(accounts), limit, capped: rows >= limit, ...(partial ? { partial } : {}) };
}

/** A page of an answer, saying what it left out (the backend's words, and the row limit reached). */
export function accountAnswerPage(answer: AccountAnswer, query: AccountQuery): Page<AccountActivity> {
  const page = queryAccounts(answer.source, query);
  const notes = [answer.partial, answer.capped ? `Only the ${answer.limit.toLocaleString('en-US')} accounts seen most recently are listed; older ones are left out.` : undefined].filter(Boolean);
  return notes.length ? { ...page, incomplete: notes.join(' ') } : page;
}
