/**
 * Labels of the incident queue's source and asset columns. Apart from lib/labels.ts because only
 * the alerts list (a lazily loaded tab) needs them: the page's first paint does not carry them.
 */
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
  microsoftAppGovernance: 'App governance',
  dataLossPrevention: 'Data loss prevention',
  microsoftDataLossPrevention: 'Data loss prevention',
  microsoftInsiderRiskManagement: 'Insider risk management',
  microsoftSentinel: 'Microsoft Sentinel',
  antivirus: 'Antivirus',
  smartScreen: 'SmartScreen',
  customTi: 'Custom TI',
  customDetection: 'Custom detection',
  automatedInvestigation: 'Automated investigation',
  microsoftThreatExperts: 'Microsoft Threat Experts',
  scheduledAlerts: 'Scheduled analytics rule',
  nrtAlerts: 'Near-real-time rule',
  manual: 'Manual',
};

export const ASSET_KIND_LABELS: Readonly<Record<string, string>> = {
  device: 'Device',
  user: 'User',
  mailbox: 'Mailbox',
  app: 'App',
  ip: 'IP address',
  cloudResource: 'Cloud resource',
};
