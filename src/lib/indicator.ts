/**
 * The rules of the Defender indicator API for IP indicators, as pure functions, shared by the
 * add-indicator wizard (inline messages), the static provider and the mock server:
 * only external IPs, no CIDR, title and description required, `Audit` requires `generateAlert`,
 * an expiration in the future.
 */
import { INDICATOR_ACTIONS, INDICATOR_SEVERITIES, type IndicatorInput } from '../data/model.js';
import { IP_SCOPE_LABELS, isExternalScope, parseIp } from './ip.js';
import { msg, str } from './l10n.js';

/** Field → message, for the fields of an indicator that break a rule. Empty when it is valid. */
export type IndicatorProblems = Partial<Record<keyof IndicatorInput, string>>;

/** Defender's limits on text fields. */
export const INDICATOR_TITLE_MAX = 150;
export const INDICATOR_DESCRIPTION_MAX = 1000;

/**
 * Why this IP cannot be an indicator, or `undefined` when it can. Only external (public) IPs can:
 * a private, loopback, link-local, CGNAT, multicast or reserved address means something else in
 * every network, and a range (CIDR) is configured elsewhere (cloud app IP ranges).
 */
export function indicatorIneligibility(ip: string): string | undefined {
  const parsed = parseIp(ip);
  if (!parsed.ok) {
    if (parsed.code === 'cidr') return msg('A range (CIDR) cannot be an indicator; add single addresses, or configure the range in the cloud app IP settings.');
    return parsed.message;
  }
  if (!isExternalScope(parsed.ip.scope)) {
    return msg(str`${parsed.ip.canonical} is a ${IP_SCOPE_LABELS[parsed.ip.scope].toLowerCase()} address. Only external (public) IP addresses can be indicators.`);
  }
  return undefined;
}

/** Every rule the indicator breaks, by field. `now` is for the expiration check. */
export function indicatorProblems(input: Partial<IndicatorInput>, now = Date.now()): IndicatorProblems {
  const out: IndicatorProblems = {};
  if (input.indicatorType !== undefined && input.indicatorType !== 'IpAddress') out.indicatorType = msg('Only IpAddress indicators are supported here.');
  const ipProblem = typeof input.indicatorValue === 'string' ? indicatorIneligibility(input.indicatorValue) : msg('An indicator needs an IP address.');
  if (ipProblem) out.indicatorValue = ipProblem;
  if (!input.action || !(INDICATOR_ACTIONS as readonly string[]).includes(input.action)) out.action = msg('Choose an action.');
  const title = input.title?.trim() ?? '';
  if (!title) out.title = msg('Enter a title.');
  else if (title.length > INDICATOR_TITLE_MAX) out.title = msg(str`The title is ${title.length} characters; at most ${INDICATOR_TITLE_MAX}.`);
  const description = input.description?.trim() ?? '';
  if (!description) out.description = msg('Enter a description.');
  else if (description.length > INDICATOR_DESCRIPTION_MAX) out.description = msg(str`The description is ${description.length} characters; at most ${INDICATOR_DESCRIPTION_MAX}.`);
  if (input.action === 'Audit' && !input.generateAlert) out.generateAlert = msg('The Audit action only records matches as alerts: turn on “Generate alert”.');
  if (input.severity !== undefined && !(INDICATOR_SEVERITIES as readonly string[]).includes(input.severity)) out.severity = msg(str`Severity must be one of ${INDICATOR_SEVERITIES.join(', ')}.`);
  if (input.expirationTime !== undefined) {
    const t = Date.parse(input.expirationTime);
    if (!Number.isFinite(t)) out.expirationTime = msg('Enter a valid expiration date.');
    else if (t <= now) out.expirationTime = msg('The expiration must be in the future.');
  }
  if (input.rbacGroupNames !== undefined && (!Array.isArray(input.rbacGroupNames) || input.rbacGroupNames.some((g) => typeof g !== 'string' || !g.trim()))) {
    out.rbacGroupNames = msg('Device groups must be names.');
  }
  return out;
}

/** The first problem of an indicator as one message, or `undefined` when it is valid (for servers). */
export function indicatorProblem(input: Partial<IndicatorInput>, now = Date.now()): string | undefined {
  const problems = indicatorProblems(input, now);
  const first = Object.keys(problems)[0] as keyof IndicatorInput | undefined;
  return first ? problems[first] : undefined;
}
