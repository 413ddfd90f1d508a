/**
 * The add-indicator draft: the wizard's steps, its fields as the analyst sees them, and the rules
 * that turn a draft into the Defender API's indicator (or say, per field, what is wrong). Pure
 * functions, so the wizard element, a host's own form and the tests share one set of rules.
 */
import type { IndicatorAction, IndicatorInput, IndicatorSeverity } from '../../data/model.js';
import { indicatorProblems, type IndicatorProblems } from '../shared/indicator.js';
import { msg, str } from '../shared/l10n.js';

export const WIZARD_STEPS = ['indicator', 'action', 'scope', 'summary'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

/** A step's name, in the language in force. */
export function stepLabel(step: WizardStep): string {
  return step === 'indicator' ? msg('Indicator') : step === 'action' ? msg('Action') : step === 'scope' ? msg('Scope') : msg('Summary');
}

export const EXPIRATIONS = ['never', '1', '7', '30', '90', 'date'] as const;
export type ExpirationChoice = (typeof EXPIRATIONS)[number];

/** An expiration choice in words ("7 days"), in the language in force. */
export function expirationLabel(choice: ExpirationChoice): string {
  if (choice === 'never') return msg('Never');
  if (choice === 'date') return msg('On a date…');
  return choice === '1' ? msg('1 day') : msg(str`${choice} days`);
}

export const CATEGORIES = [
  'CommandAndControl',
  'InitialAccess',
  'Execution',
  'Persistence',
  'CredentialAccess',
  'Discovery',
  'LateralMovement',
  'Collection',
  'Exfiltration',
  'Impact',
  'Malware',
  'SuspiciousActivity',
] as const;

export interface IndicatorDraft {
  expiration: ExpirationChoice;
  /** `YYYY-MM-DD`, for `expiration: 'date'`. */
  expirationDate: string;
  action: IndicatorAction;
  generateAlert: boolean;
  severity: IndicatorSeverity;
  title: string;
  description: string;
  category: string;
  recommendedActions: string;
  scope: 'all' | 'groups';
  groups: string[];
}

export function emptyDraft(): IndicatorDraft {
  return {
    expiration: 'never',
    expirationDate: '',
    action: 'Block',
    generateAlert: true,
    severity: 'High',
    title: '',
    description: '',
    category: 'CommandAndControl',
    recommendedActions: '',
    scope: 'all',
    groups: [],
  };
}

/** Whether the user changed anything (closing then asks first). */
export function isDirty(draft: IndicatorDraft): boolean {
  return JSON.stringify(draft) !== JSON.stringify(emptyDraft());
}

/** When the draft expires (ISO), `undefined` for never, `null` when the chosen date is not a date. */
export function expirationTime(draft: IndicatorDraft, now: number): string | undefined | null {
  if (draft.expiration === 'never') return undefined;
  if (draft.expiration === 'date') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.expirationDate)) return null;
    // The end of the chosen day, UTC: "expires on the 23rd" includes the 23rd.
    const t = Date.parse(`${draft.expirationDate}T23:59:59Z`);
    return Number.isFinite(t) ? new Date(t).toISOString() : null;
  }
  return new Date(now + Number(draft.expiration) * 86_400_000).toISOString();
}

/** The indicator the draft describes, with the Defender API's names. */
export function draftToInput(draft: IndicatorDraft, ip: string, now = Date.now(), withCategory = true): IndicatorInput {
  const input: IndicatorInput = {
    indicatorValue: ip,
    indicatorType: 'IpAddress',
    action: draft.action,
    title: draft.title.trim(),
    description: draft.description.trim(),
    generateAlert: draft.generateAlert,
  };
  const exp = expirationTime(draft, now);
  if (exp) input.expirationTime = exp;
  if (draft.generateAlert) {
    input.severity = draft.severity;
    if (draft.category && withCategory) input.category = draft.category;
  }
  if (draft.recommendedActions.trim()) input.recommendedActions = draft.recommendedActions.trim();
  if (draft.scope === 'groups') input.rbacGroupNames = [...draft.groups];
  return input;
}

/** Problems by field name of the form (not of the API), for the fields of one step or all. */
export function draftProblems(draft: IndicatorDraft, ip: string, now = Date.now()): Record<string, string> {
  const api: IndicatorProblems = indicatorProblems(draftToInput(draft, ip, now), now);
  const out: Record<string, string> = {};
  const exp = expirationTime(draft, now);
  if (exp === null) out['expirationDate'] = msg('Choose the date it expires.');
  else if (api.expirationTime) out[draft.expiration === 'date' ? 'expirationDate' : 'expiration'] = api.expirationTime;
  if (api.action) out['action'] = api.action;
  if (api.title) out['title'] = api.title;
  if (api.description) out['description'] = api.description;
  if (api.generateAlert) out['generateAlert'] = api.generateAlert;
  if (api.severity) out['severity'] = api.severity;
  if (draft.scope === 'groups' && draft.groups.length === 0) out['groups'] = msg('Choose at least one device group, or All devices.');
  return out;
}

export const STEP_FIELDS: Readonly<Record<WizardStep, readonly string[]>> = {
  indicator: ['expiration', 'expirationDate'],
  action: ['action', 'generateAlert', 'severity', 'title', 'description'],
  scope: ['groups'],
  summary: [],
};

