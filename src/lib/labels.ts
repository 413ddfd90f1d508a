/**
 * What the page calls each enum value (severity, status, classification, determination,
 * investigation state, indicator action), kept apart from the domain model so the words can be
 * translated without touching the data types. Each label is a getter, so it is read in the
 * language in force when the page renders (@lit/localize's `msg`). A value without a label is shown as itself, words
 * split (`partiallyRemediated` → "Partially remediated"), never dropped.
 */
import { msg } from './l10n.js';
import { revealControls } from './text.js';
import { own, type KnownAlertStatus, type KnownClassification, type KnownSeverity } from '../data/model.js';

export const SEVERITY_LABELS: Readonly<Record<KnownSeverity, string>> = {
  get high() {
    return msg('High');
  },
  get medium() {
    return msg('Medium');
  },
  get low() {
    return msg('Low');
  },
  get informational() {
    return msg('Informational');
  },
  get unknown() {
    return msg('Unknown');
  },
};

export const ALERT_STATUS_LABELS: Readonly<Record<KnownAlertStatus, string>> = {
  get new() {
    return msg('New');
  },
  get inProgress() {
    return msg('In progress');
  },
  get resolved() {
    return msg('Resolved');
  },
  get unknown() {
    return msg('Unknown');
  },
};

export const CLASSIFICATION_LABELS: Readonly<Record<KnownClassification | 'unset', string>> = {
  get truePositive() {
    return msg('True positive');
  },
  get informationalExpectedActivity() {
    return msg('Informational, expected activity');
  },
  get falsePositive() {
    return msg('False positive');
  },
  get unset() {
    return msg('Not set');
  },
};

export const DETERMINATION_LABELS: Readonly<Record<string, string>> = {
  get multiStagedAttack() {
    return msg('Multi-staged attack');
  },
  get maliciousUserActivity() {
    return msg('Malicious user activity');
  },
  get compromisedUser() {
    return msg('Compromised account');
  },
  get malware() {
    return msg('Malware');
  },
  get phishing() {
    return msg('Phishing');
  },
  get unwantedSoftware() {
    return msg('Unwanted software');
  },
  get securityTesting() {
    return msg('Security testing');
  },
  get lineOfBusinessApplication() {
    return msg('Line-of-business application');
  },
  get confirmedUserActivity() {
    return msg('Confirmed activity');
  },
  get clean() {
    return msg('Not malicious');
  },
  get insufficientData() {
    return msg('Not enough data to validate');
  },
  get other() {
    return msg('Other');
  },
  get apt() {
    return msg('APT (deprecated)');
  },
  get securityPersonnel() {
    return msg('Security personnel (deprecated)');
  },
};

export const INVESTIGATION_STATE_LABELS: Readonly<Record<string, string>> = {
  get unknown() {
    return msg('Unknown');
  },
  get terminated() {
    return msg('Terminated');
  },
  get successfullyRemediated() {
    return msg('Remediated');
  },
  get benign() {
    return msg('No threats found');
  },
  get failed() {
    return msg('Failed');
  },
  get partiallyRemediated() {
    return msg('Partially remediated');
  },
  get running() {
    return msg('Running');
  },
  get pendingApproval() {
    return msg('Pending approval');
  },
  get pendingResource() {
    return msg('Pending resource');
  },
  get partiallyInvestigated() {
    return msg('Partially investigated');
  },
  get terminatedByUser() {
    return msg('Terminated by user');
  },
  get terminatedBySystem() {
    return msg('Terminated by system');
  },
  get queued() {
    return msg('Queued');
  },
  get innerFailure() {
    return msg('Failed');
  },
  get preexistingAlert() {
    return msg('Preexisting alert');
  },
  get unsupportedOs() {
    return msg('Unsupported OS');
  },
  get unsupportedAlertType() {
    return msg('Unsupported alert type');
  },
  get suppressedAlert() {
    return msg('Suppressed');
  },
};

export const INDICATOR_ACTION_LABELS: Readonly<Record<string, string>> = {
  get Allowed() {
    return msg('Allow');
  },
  get Audit() {
    return msg('Audit');
  },
  get Warn() {
    return msg('Warn');
  },
  get Block() {
    return msg('Block');
  },
  get BlockAndRemediate() {
    return msg('Block and remediate');
  },
  get AlertAndBlock() {
    return msg('Alert and block');
  },
  get Alert() {
    return msg('Alert');
  },
};

/** A label for any enum value: the known label, else the raw value with its words split. */
export function labelFor(labels: Readonly<Record<string, string>>, value: string | null | undefined, unset = msg('Not set')): string {
  if (value == null || value === '') return unset;
  // A value the page has no label for is data: shown in words, its hidden characters as marks.
  return own(labels, value) ?? revealControls(value.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase()));
}
