/**
 * What the page calls each enum value (severity, status, classification, determination,
 * investigation state, indicator action), kept apart from the domain model so the words can be
 * translated without touching the data types. A value without a label is shown as itself, words
 * split (`partiallyRemediated` → "Partially remediated"), never dropped.
 */
import { own, type KnownAlertStatus, type KnownClassification, type KnownSeverity } from '../data/model.js';

export const SEVERITY_LABELS: Readonly<Record<KnownSeverity, string>> = {
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  informational: 'Informational',
  unknown: 'Unknown',
};

export const ALERT_STATUS_LABELS: Readonly<Record<KnownAlertStatus, string>> = {
  new: 'New',
  inProgress: 'In progress',
  resolved: 'Resolved',
  unknown: 'Unknown',
};

export const CLASSIFICATION_LABELS: Readonly<Record<KnownClassification | 'unset', string>> = {
  truePositive: 'True positive',
  informationalExpectedActivity: 'Informational, expected activity',
  falsePositive: 'False positive',
  unset: 'Not set',
};

export const DETERMINATION_LABELS: Readonly<Record<string, string>> = {
  multiStagedAttack: 'Multi-staged attack',
  maliciousUserActivity: 'Malicious user activity',
  compromisedUser: 'Compromised account',
  malware: 'Malware',
  phishing: 'Phishing',
  unwantedSoftware: 'Unwanted software',
  securityTesting: 'Security testing',
  lineOfBusinessApplication: 'Line-of-business application',
  confirmedUserActivity: 'Confirmed activity',
  clean: 'Not malicious',
  insufficientData: 'Not enough data to validate',
  other: 'Other',
  apt: 'APT (deprecated)',
  securityPersonnel: 'Security personnel (deprecated)',
};

export const INVESTIGATION_STATE_LABELS: Readonly<Record<string, string>> = {
  unknown: 'Unknown',
  terminated: 'Terminated',
  successfullyRemediated: 'Remediated',
  benign: 'No threats found',
  failed: 'Failed',
  partiallyRemediated: 'Partially remediated',
  running: 'Running',
  pendingApproval: 'Pending approval',
  pendingResource: 'Pending resource',
  partiallyInvestigated: 'Partially investigated',
  terminatedByUser: 'Terminated by user',
  terminatedBySystem: 'Terminated by system',
  queued: 'Queued',
  innerFailure: 'Failed',
  preexistingAlert: 'Preexisting alert',
  unsupportedOs: 'Unsupported OS',
  unsupportedAlertType: 'Unsupported alert type',
  suppressedAlert: 'Suppressed',
};

export const INDICATOR_ACTION_LABELS: Readonly<Record<string, string>> = {
  Allowed: 'Allow',
  Audit: 'Audit',
  Warn: 'Warn',
  Block: 'Block',
  BlockAndRemediate: 'Block and remediate',
  AlertAndBlock: 'Alert and block',
  Alert: 'Alert',
};

/** A label for any enum value: the known label, else the raw value with its words split. */
export function labelFor(labels: Readonly<Record<string, string>>, value: string | null | undefined, unset = 'Not set'): string {
  if (value == null || value === '') return unset;
  return own(labels, value) ?? value.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());
}
