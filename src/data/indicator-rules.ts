/**
 * The rules of the Defender indicator API for IP indicators, as pure functions: only external
 * IPs, no CIDR, title and description required and bounded, `Audit` requires `generateAlert`, an
 * expiration in the future. The add-indicator wizard words them (components/shared/indicator.ts);
 * the static provider and the mock server refuse what breaks them.
 */
import { INDICATOR_ACTIONS, INDICATOR_SEVERITIES, type IndicatorInput } from './model.js';
import { isExternalScope, parseIp, type IpParseResult, type IpScope } from '../lib/ip.js';

/** Defender's limits on text fields. */
export const INDICATOR_TITLE_MAX = 150;
export const INDICATOR_DESCRIPTION_MAX = 1000;

/** Why an address cannot be an indicator. */
export type IpIneligibility =
  | { readonly rule: 'cidr' }
  | { readonly rule: 'not-an-address'; readonly parsed: Extract<IpParseResult, { ok: false }> }
  | { readonly rule: 'internal'; readonly canonical: string; readonly scope: IpScope };

/** A rule an indicator breaks, with what a message needs to say so. */
export type IndicatorRuleBreak =
  | { readonly rule: 'type' | 'no-ip' | 'action' | 'title-missing' | 'description-missing' | 'audit-needs-alert' | 'severity' | 'expiration-invalid' | 'expiration-past' | 'groups' }
  | { readonly rule: 'title-long' | 'description-long'; readonly length: number }
  | { readonly rule: 'ip'; readonly why: IpIneligibility };

/** Why this IP cannot be an indicator, or `undefined` when it can. */
export function ipIneligibility(ip: string): IpIneligibility | undefined {
  const parsed = parseIp(ip);
  if (!parsed.ok) return parsed.code === 'cidr' ? { rule: 'cidr' } : { rule: 'not-an-address', parsed };
  if (!isExternalScope(parsed.ip.scope)) return { rule: 'internal', canonical: parsed.ip.canonical, scope: parsed.ip.scope };
  return undefined;
}

/** Every rule the indicator breaks, by field (empty when it is valid). `now` is for the expiration. */
export function indicatorRuleBreaks(input: Partial<IndicatorInput>, now = Date.now()): Partial<Record<keyof IndicatorInput, IndicatorRuleBreak>> {
  const out: Partial<Record<keyof IndicatorInput, IndicatorRuleBreak>> = {};
  if (input.indicatorType !== undefined && input.indicatorType !== 'IpAddress') out.indicatorType = { rule: 'type' };
  if (typeof input.indicatorValue !== 'string') out.indicatorValue = { rule: 'no-ip' };
  else {
    const why = ipIneligibility(input.indicatorValue);
    if (why) out.indicatorValue = { rule: 'ip', why };
  }
  if (!input.action || !(INDICATOR_ACTIONS as readonly string[]).includes(input.action)) out.action = { rule: 'action' };
  const title = input.title?.trim() ?? '';
  if (!title) out.title = { rule: 'title-missing' };
  else if (title.length > INDICATOR_TITLE_MAX) out.title = { rule: 'title-long', length: title.length };
  const description = input.description?.trim() ?? '';
  if (!description) out.description = { rule: 'description-missing' };
  else if (description.length > INDICATOR_DESCRIPTION_MAX) out.description = { rule: 'description-long', length: description.length };
  if (input.action === 'Audit' && !input.generateAlert) out.generateAlert = { rule: 'audit-needs-alert' };
  if (input.severity !== undefined && !(INDICATOR_SEVERITIES as readonly string[]).includes(input.severity)) out.severity = { rule: 'severity' };
  if (input.expirationTime !== undefined) {
    const t = Date.parse(input.expirationTime);
    if (!Number.isFinite(t)) out.expirationTime = { rule: 'expiration-invalid' };
    else if (t <= now) out.expirationTime = { rule: 'expiration-past' };
  }
  if (input.rbacGroupNames !== undefined && (!Array.isArray(input.rbacGroupNames) || input.rbacGroupNames.some((g) => typeof g !== 'string' || !g.trim()))) {
    out.rbacGroupNames = { rule: 'groups' };
  }
  return out;
}
