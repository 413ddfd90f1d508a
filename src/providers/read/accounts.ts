/**
 * Reading the accounts seen signing in from the IP (`listAccounts`). The account, its counts and
 * first and last seen are required; anything else that cannot be read is left out and the row
 * says so. A short list (applications, devices) keeps at most {@link ACCOUNT_SAMPLE} names: the
 * row shows a sample, never a list to page.
 */
import type { AccountActivity, UnreadableRow } from '../../data/model.js';
import { bad, get, id, object, optCount, optId, optStr, str, time, type Json } from './primitives.js';
import { camel } from './overview.js';
import { placeholderId, Problems } from './rows.js';

/** The most applications or devices an account row keeps. */
export const ACCOUNT_SAMPLE = 5;

const EPOCH = '1970-01-01T00:00:00.000Z';

function names(o: Json, key: string, path: string, p: Problems): string[] | undefined {
  const v = get(o, key);
  if (v == null) return undefined;
  // Text is a sample: names that are not text are left out (and noted), extra names cut.
  const out = p.items(o, key, path, (item, where) => {
    if (typeof item !== 'string') bad(where, 'text', item);
    return (item as string).slice(0, 256);
  }, 100);
  return out.filter((n) => n !== '').slice(0, ACCOUNT_SAMPLE);
}

export function readAccount(value: unknown, path = ''): AccountActivity {
  const o = object(value, path);
  const p = new Problems(path);
  const signIns = optCount(o, 'signIns', path) ?? 0;
  // The parts cannot add up to more than the whole: a count past it is cut to what is left.
  const successes = Math.min(signIns, p.soft(() => optCount(o, 'successes', path)) ?? 0);
  const failures = Math.min(signIns - successes, p.soft(() => optCount(o, 'failures', path)) ?? 0);
  const row: AccountActivity = {
    id: id(o, 'id', path),
    account: str(o, 'account', path, 512),
    signIns,
    successes,
    failures,
    lastResult: camel(str(o, 'lastResult', path, 64))!,
    firstSeen: time(o, 'firstSeen', path),
    lastSeen: time(o, 'lastSeen', path),
  };
  const optional: Array<[keyof AccountActivity, unknown]> = [
    ['displayName', p.soft(() => optStr(o, 'displayName', path, 512))],
    ['userId', p.soft(() => optId(o, 'userId', path))],
    ['source', p.soft(() => optStr(o, 'source', path, 64))],
    ['failureReason', p.soft(() => optStr(o, 'failureReason', path, 1024))],
    ['multiFactor', p.soft(() => optCount(o, 'multiFactor', path))],
    ['applications', names(o, 'applications', path, p)],
    ['devices', names(o, 'devices', path, p)],
  ];
  for (const [key, v] of optional) if (v !== undefined && v !== '') (row as unknown as Json)[key] = v;
  if (row.multiFactor !== undefined) row.multiFactor = Math.min(row.multiFactor, successes);
  return p.attach(row, o);
}

export function unreadableAccount(unreadable: UnreadableRow, rowPath: string): AccountActivity {
  return { id: placeholderId(rowPath), account: '', signIns: 0, successes: 0, failures: 0, lastResult: '', firstSeen: EPOCH, lastSeen: EPOCH, unreadable };
}
