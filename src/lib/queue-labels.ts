/**
 * Labels of the incident queue's source and asset columns. Apart from lib/labels.ts because only
 * the alerts list (a lazily loaded tab) needs them: the page's first paint does not carry them.
 * Product names stay as Microsoft writes them; the generic words are translated (getters, read
 * in the language in force).
 */
import { msg } from './l10n.js';
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
