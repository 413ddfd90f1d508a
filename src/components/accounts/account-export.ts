/**
 * What the accounts export writes: every account matching the list's query, fetched page by page
 * from the provider (never only the rows on screen), with its counts, MFA, applications and devices.
 */
import type { AccountActivity } from '../../data/model.js';
import type { AccountQuery, IpDataProvider } from '../../data/provider.js';
import { exportField, type ExportBatch, type ExportField } from '../shared/export.js';
import { formatIso } from '../../lib/format.js';
import { msg } from '../shared/l10n.js';

const PAGE = 500;

type Field = ExportField<AccountActivity>;
const field = (key: string, label: () => string, read: (x: AccountActivity) => unknown, text?: (x: AccountActivity) => unknown): Field => exportField(key, label, read, text);
const time = (iso: string) => formatIso(iso);
const joined = (list: readonly string[] | undefined) => list?.join('; ');

export const ACCOUNT_EXPORT_FIELDS: readonly Field[] = [
  field('account', () => msg('Account'), (a) => a.account),
  field('displayName', () => msg('Display name'), (a) => a.displayName),
  field('userId', () => msg('User ID'), (a) => a.userId),
  field('source', () => msg('Log'), (a) => a.source),
  field('signIns', () => msg('Sign-ins'), (a) => a.signIns),
  field('successes', () => msg('Succeeded'), (a) => a.successes),
  field('failures', () => msg('Failed'), (a) => a.failures),
  field('lastResult', () => msg('Last result'), (a) => a.lastResult),
  field('failureReason', () => msg('Failure reason'), (a) => a.failureReason),
  field('multiFactor', () => msg('With MFA'), (a) => a.multiFactor),
  field('applications', () => msg('Applications'), (a) => a.applications, (a) => joined(a.applications)),
  field('devices', () => msg('Devices'), (a) => a.devices, (a) => joined(a.devices)),
  field('firstSeen', () => msg('First seen'), (a) => a.firstSeen, (a) => time(a.firstSeen)),
  field('lastSeen', () => msg('Last seen'), (a) => a.lastSeen, (a) => time(a.lastSeen)),
];

/** Every account matching `query`, page by page. */
export async function* accountPages(provider: IpDataProvider, ip: string, query: Omit<AccountQuery, 'offset' | 'limit'>, signal: AbortSignal): AsyncIterable<ExportBatch<AccountActivity>> {
  let offset = 0;
  for (;;) {
    signal.throwIfAborted();
    const page = await provider.listAccounts!(ip, { ...query, offset, limit: PAGE }, { signal });
    offset += page.items.length;
    yield { items: page.items, done: offset, total: Math.max(page.total, offset) };
    if (!page.items.length || offset >= page.total) return;
  }
}
