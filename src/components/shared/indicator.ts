/**
 * The indicator rules' words, in the page's language, for the add-indicator wizard's inline
 * messages and the response bar. The rules themselves are pure (data/indicator-rules.ts).
 */
import { IP_SCOPE_LABELS } from './ip-text.js';
import { ipProblemText } from './ip-problem.js';
import { INDICATOR_SEVERITIES, type IndicatorInput } from '../../data/model.js';
import { INDICATOR_DESCRIPTION_MAX, INDICATOR_TITLE_MAX, indicatorRuleBreaks, ipIneligibility, type IndicatorRuleBreak, type IpIneligibility } from '../../data/indicator-rules.js';
import { msg, str } from './l10n.js';

export { INDICATOR_DESCRIPTION_MAX, INDICATOR_TITLE_MAX } from '../../data/indicator-rules.js';

/** Field → message, for the fields of an indicator that break a rule. Empty when it is valid. */
export type IndicatorProblems = Partial<Record<keyof IndicatorInput, string>>;

function ineligibilityText(why: IpIneligibility): string {
  switch (why.rule) {
    case 'cidr':
      return msg('A range (CIDR) cannot be an indicator; add single addresses, or configure the range in the cloud app IP settings.');
    case 'not-an-address':
      return ipProblemText(why.parsed);
    case 'internal':
      return msg(str`${why.canonical} is a ${IP_SCOPE_LABELS[why.scope].toLowerCase()} address. Only external (public) IP addresses can be indicators.`);
  }
}

function breakText(b: IndicatorRuleBreak): string {
  switch (b.rule) {
    case 'type':
      return msg('Only IpAddress indicators are supported here.');
    case 'no-ip':
      return msg('An indicator needs an IP address.');
    case 'ip':
      return ineligibilityText(b.why);
    case 'action':
      return msg('Choose an action.');
    case 'title-missing':
      return msg('Enter a title.');
    case 'title-long':
      return msg(str`The title is ${b.length} characters; at most ${INDICATOR_TITLE_MAX}.`);
    case 'description-missing':
      return msg('Enter a description.');
    case 'description-long':
      return msg(str`The description is ${b.length} characters; at most ${INDICATOR_DESCRIPTION_MAX}.`);
    case 'audit-needs-alert':
      return msg('The Audit action only records matches as alerts: turn on “Generate alert”.');
    case 'severity':
      return msg(str`Severity must be one of ${INDICATOR_SEVERITIES.join(', ')}.`);
    case 'expiration-invalid':
      return msg('Enter a valid expiration date.');
    case 'expiration-past':
      return msg('The expiration must be in the future.');
    case 'groups':
      return msg('Device groups must be names.');
  }
}

/**
 * Why this IP cannot be an indicator, or `undefined` when it can. Only external (public) IPs can:
 * a private, loopback, link-local, CGNAT, multicast or reserved address means something else in
 * every network, and a range (CIDR) is configured elsewhere (cloud app IP ranges).
 */
export function indicatorIneligibility(ip: string): string | undefined {
  const why = ipIneligibility(ip);
  return why ? ineligibilityText(why) : undefined;
}

/** Every rule the indicator breaks, by field, in words. `now` is for the expiration check. */
export function indicatorProblems(input: Partial<IndicatorInput>, now = Date.now()): IndicatorProblems {
  const out: IndicatorProblems = {};
  for (const [field, b] of Object.entries(indicatorRuleBreaks(input, now)) as [keyof IndicatorInput, IndicatorRuleBreak][]) out[field] = breakText(b);
  return out;
}

/** The first problem of an indicator as one message, or `undefined` when it is valid. */
export function indicatorProblem(input: Partial<IndicatorInput>, now = Date.now()): string | undefined {
  const problems = indicatorProblems(input, now);
  const first = Object.keys(problems)[0] as keyof IndicatorInput | undefined;
  return first ? problems[first] : undefined;
}
