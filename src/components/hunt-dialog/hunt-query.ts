import type { QueryLanguage } from '../../data/model.js';
import type { IpDataProvider } from '../../data/provider.js';
import { huntingQuery } from '../../lib/hunting.js';
import type { TimeRange } from '../../lib/time-range.js';

/** The hunting query for the IP in a language: the provider's own, else the library's (Go hunt needs it before its dialog's code loads). */
export function huntQuery(provider: IpDataProvider | undefined, ip: string, range: TimeRange, language: QueryLanguage): string {
  return provider?.huntingQuery?.(ip, range, language) ?? huntingQuery(ip, range, language);
}
