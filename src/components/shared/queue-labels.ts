/**
 * Labels of the incident queue's status, classification, determination, investigation state,
 * source and asset columns. Apart from labels.ts because only
 * the alerts list (a lazily loaded tab) needs them: the page's first paint does not carry them.
 * Product names stay as Microsoft writes them; the generic words are translated (getters, read
 * in the language in force).
 */
import { msg } from './l10n.js';
import type { KnownAlertStatus, KnownClassification } from '../../data/model.js';

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
/** Service and detection sources (Graph's `serviceSource` and `detectionSource` enums) as the portal names them. */
export const SOURCE_LABELS: Readonly<Record<string, string>> = {
  microsoftDefenderForEndpoint: 'Defender for Endpoint',
  microsoftDefenderForIdentity: 'Defender for Identity',
  microsoftDefenderForCloudApps: 'Defender for Cloud Apps',
  cloudAppSecurity: 'Defender for Cloud Apps',
  microsoftDefenderForOffice365: 'Defender for Office 365',
  microsoftDefenderForCloud: 'Defender for Cloud',
  microsoft365Defender: 'Defender XDR',
  azureAdIdentityProtection: 'Entra ID Protection',
  get microsoftAppGovernance() {
    return msg('App governance');
  },
  get dataLossPrevention() {
    return msg('Data loss prevention');
  },
  get microsoftDataLossPrevention() {
    return msg('Data loss prevention');
  },
  get microsoftInsiderRiskManagement() {
    return msg('Insider risk management');
  },
  microsoftSentinel: 'Microsoft Sentinel',
  get antivirus() {
    return msg('Antivirus');
  },
  smartScreen: 'SmartScreen',
  get customTi() {
    return msg('Custom TI');
  },
  get customDetection() {
    return msg('Custom detection');
  },
  get automatedInvestigation() {
    return msg('Automated investigation');
  },
  microsoftThreatExperts: 'Microsoft Threat Experts',
  get scheduledAlerts() {
    return msg('Scheduled analytics rule');
  },
  get nrtAlerts() {
    return msg('Near-real-time rule');
  },
  get manual() {
    return msg('Manual');
  },
};

export const ASSET_KIND_LABELS: Readonly<Record<string, string>> = {
  get device() {
    return msg('Device');
  },
  get user() {
    return msg('User');
  },
  get mailbox() {
    return msg('Mailbox');
  },
  get app() {
    return msg('App');
  },
  get ip() {
    return msg('IP address');
  },
  get cloudResource() {
    return msg('Cloud resource');
  },
};
