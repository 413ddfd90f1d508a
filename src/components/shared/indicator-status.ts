/**
 * What the indicators already set for an IP mean, in words: whether it is blocked, warned,
 * audited or allowed (the strongest indicator in force), and one line per indicator (action,
 * scope, expiry, who set it). Shared by the response bar and the add-indicator wizard.
 */
import { own, type Indicator } from '../../data/model.js';
import { formatDate } from '../../lib/format.js';
import { revealControls } from '../../lib/text.js';
import { msg, str } from './l10n.js';

/**
 * The strongest effect first: what the IP's connections meet. `ThreatIntel` is a threat
 * intelligence indicator (Sentinel's): it enforces nothing, rules alert on it.
 */
const RANK: Readonly<Record<string, number>> = { Block: 0, BlockAndRemediate: 0, AlertAndBlock: 0, Warn: 1, Audit: 2, Alert: 2, Allowed: 3, ThreatIntel: 4 };

export type IndicatorEffect = 'blocked' | 'warned' | 'audited' | 'allowed' | 'intel' | 'other';

/** The action of a threat intelligence indicator, which enforces nothing on devices. */
export const THREAT_INTEL_ACTION = 'ThreatIntel';

export function effectOf(action: string): IndicatorEffect {
  return (['blocked', 'warned', 'audited', 'allowed', 'intel'] as const)[own(RANK, action) ?? 5] ?? 'other';
}

/** Whether it still applies at `now` (no expiry, or one still ahead). */
export function inForce(i: Indicator, now: number): boolean {
  const expires = i.expirationTime ? Date.parse(i.expirationTime) : NaN;
  return !Number.isFinite(expires) || expires > now;
}

/** The indicators in force, strongest first (newest first within an effect). */
export function inForceByStrength(list: readonly Indicator[], now: number): Indicator[] {
  return list.filter((i) => inForce(i, now)).sort((a, b) => (own(RANK, a.action) ?? 5) - (own(RANK, b.action) ?? 5) || Date.parse(b.creationTimeDateTimeUtc) - Date.parse(a.creationTimeDateTimeUtc));
}

/**
 * What the IP's indicators amount to, for a status badge: the effect of the strongest in force
 * (undefined when all have expired), its word ("Blocked", or "Indicator expired"), and how many
 * are in force.
 */
export function indicatorsStatus(list: readonly Indicator[], now: number): { effect?: IndicatorEffect; word: string; inForce: number } {
  const active = inForceByStrength(list, now);
  const effect = active.length ? effectOf(active[0]!.action) : undefined;
  return { effect, word: effect ? effectWord(effect) : msg('Indicator expired'), inForce: active.length };
}

/** "Blocked", "Allowed" …: what the strongest indicator in force does. */
export function effectWord(effect: IndicatorEffect): string {
  switch (effect) {
    case 'blocked':
      return msg('Blocked');
    case 'warned':
      return msg('Warned');
    case 'audited':
      return msg('Audited');
    case 'allowed':
      return msg('Allowed');
    case 'intel':
      return msg('In threat intel');
    default:
      return msg('Indicator set');
  }
}

/** "All devices" or the device groups it applies to. */
export function scopeText(i: Indicator): string {
  if (i.action === THREAT_INTEL_ACTION) return msg('threat intelligence');
  return i.rbacGroupNames?.length ? revealControls(i.rbacGroupNames.join(', ')) : msg('all devices');
}

/** "until Mar 3, 2027", "expired Oct 22, 2026" or "no expiry". */
export function expiryText(i: Indicator, now: number, locale?: string): string {
  if (!i.expirationTime || !Number.isFinite(Date.parse(i.expirationTime))) {
    // A feed's indicator has no expiry of its own: when the feed last saw it says more.
    return i.action === THREAT_INTEL_ACTION && i.lastUpdateTime ? msg(str`last seen ${formatDate(i.lastUpdateTime, locale)}`) : msg('no expiry');
  }
  const date = formatDate(i.expirationTime, locale);
  return inForce(i, now) ? msg(str`until ${date}`) : msg(str`expired ${date}`);
}

/** "by soc-lead@contoso.com, Dec 3, 2026": who set it, and when. */
export function setByText(i: Indicator, locale?: string): string {
  const date = formatDate(i.creationTimeDateTimeUtc, locale);
  const who = revealControls(i.createdBySource ?? i.createdBy ?? '');
  return who ? msg(str`set by ${who}, ${date}`) : msg(str`set ${date}`);
}
