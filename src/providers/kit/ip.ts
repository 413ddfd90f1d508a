/**
 * The IP a provider is asked about. The page only ever asks about valid, canonical addresses;
 * a host that calls a provider itself gets a clear `invalid-input` for anything else.
 */
import { IpDataError } from '../../data/errors.js';
import { parseIp, type ParsedIp } from '../../lib/ip.js';

/** `ip` parsed; an `invalid-input` {@link IpDataError} when it is not an address. */
export function requireIp(ip: unknown): ParsedIp {
  const parsed = parseIp(typeof ip === 'string' ? ip.trim() : '');
  if (!parsed.ok) {
    const input = String(ip).slice(0, 64);
    throw new IpDataError('invalid-input', `“${input}” is not a valid IP address.`, { reason: { id: 'invalid-ip', input } });
  }
  return parsed.ip;
}
