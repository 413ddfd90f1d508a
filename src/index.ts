/**
 * ip-entity-page: what a host uses, without registering any element. Import
 * `ip-entity-page/ip-entity-page.js` (or another `ip-*.js` module) to define an element; the
 * element classes are exported there, and as types here.
 *
 * This list is the package's public surface: api/ip-entity-page.api.md records it and CI compares
 * the two, so a change to it is seen in review. Helpers the elements use internally are not here.
 */

// The elements (types only: each `ip-*.js` entry point defines one and exports its class).
export type { IpEntityPage } from './components/entity-page/entity-page.js';
export type { IpOverview } from './components/overview/overview.js';
export type { IpPrevalenceChart } from './components/prevalence-chart/prevalence-chart.js';
export type { IpAlertsList } from './components/alerts-list/alerts-list.js';
export type { IpObservedDevices } from './components/observed-devices/observed-devices.js';
export type { IpAccounts } from './components/accounts/accounts.js';
export type { IpTraffic } from './components/traffic/traffic.js';
export type { IpCaseDialog } from './components/case-dialog/case-dialog.js';
export type { IpResponseActions } from './components/response-actions/response-actions.js';
export type { IpIndicatorWizard } from './components/indicator-wizard/indicator-wizard.js';
export type { IpHuntDialog } from './components/hunt-dialog/hunt-dialog.js';
export type { IpShortcutsDialog } from './components/shortcuts-dialog/shortcuts-dialog.js';
export type { IpThreatIntel } from './components/threat-intel/threat-intel.js';
export type { IpReputationBadge } from './components/threat-intel/reputation-badge.js';
export type { IpIndicatorBadge } from './components/response-actions/indicator-badge.js';
export type { IpNoteElement } from './components/note/note.js';
export type { IpLookupLinks } from './components/lookup-links/lookup-links.js';
export { DEFAULT_LOOKUPS, type LookupLink, type LookupService } from './components/lookup-links/lookups.js';
export type { IpSentinelEvents } from './components/sentinel-events/sentinel-events.js';
export type { IpTimeRangePicker } from './components/time-range-picker/time-range-picker.js';
export type { IpCopyButton } from './components/copy-button/copy-button.js';
export type { IpExternalUrl } from './components/external-url/external-url.js';
export type { IpSlowNotice } from './components/slow-notice/slow-notice.js';
export type { IpElement } from './components/base/ip-element.js';
export type { IpDataElement } from './components/base/data-element.js';
export type { IpSectionElement } from './components/base/section-element.js';
// Types of the elements' properties.
export type { AlertColumn, ColumnState, ColumnId } from './components/alerts-list/columns.js';
export type { ShortcutSection, ShortcutLine } from './components/shortcuts-dialog/shortcuts-dialog.js';
export type { ShortcutScope } from './components/entity-page/shortcuts.js';
export type { ActionId } from './components/response-actions/response-actions.js';
export type { ShareView } from './components/shared/link-templates.js';
export type { IpSummaryData } from './components/shared/summary.js';
export type { ExportFormat } from './components/shared/export.js';

// The provider contract.
export {
  ALERT_FILTER_FIELDS,
  ALERT_SORT_FIELDS,
  ACCOUNT_SORT_FIELDS,
  DEVICE_SORT_FIELDS,
  type AccountQuery,
  type AccountSortField,
  type AlertFilter,
  type AlertFilterField,
  type AlertQuery,
  type AlertSortField,
  type DeviceQuery,
  type DeviceSortField,
  type IpDataProvider,
  type LinkResolver,
  type Page,
  type ProviderCapabilities,
  type RequestOptions,
  type Sort,
  type SortDirection,
} from './data/provider.js';
export { PROVIDER_METHODS, type ProviderMethod, type MethodSpec, type CapabilityFlag, type AnswerMethod } from './data/contract.js';
export { IpDataError, PartlyAppliedError, isAbortError, type IpDataErrorKind, type IpDataErrorOptions, type ErrorReason, type ServiceNeed } from './data/errors.js';
export { RANGE_KEYS, DEFAULT_RANGE, type TimeRange, type RangeKey, type RangeSpec } from './lib/time-range.js';

// What providers return.
export {
  SEVERITIES,
  ALERT_STATUSES,
  CLASSIFICATIONS,
  DETERMINATIONS_BY_CLASSIFICATION,
  INDICATOR_ACTIONS,
  INDICATOR_SEVERITIES,
  type Open,
  type KnownSeverity,
  type Severity,
  type KnownAlertStatus,
  type AlertStatus,
  type KnownClassification,
  type Classification,
  type Determination,
  type InvestigationState,
  type IndicatorAction,
  type IndicatorSeverity,
  type IpDetails,
  type WhoisInfo,
  type SeverityCounts,
  type SecuritySummary,
  type LogActivity,
  type LogSourceActivity,
  type LoggedHost,
  type Prevalence,
  type PrevalenceBucket,
  type AlertMark,
  type AlertItem,
  type AlertKind,
  type AlertComment,
  type AlertPatch,
  type ImpactedAsset,
  type ImpactedAssetKind,
  type EvidenceSummary,
  type ExtensionValue,
  type RowProblems,
  type UnreadableRow,
  type ObservedDevice,
  type AccountActivity,
  type SignInResult,
  type Traffic,
  type DeviceTraffic,
  type TrafficPort,
  type BeaconStats,
  type CaseRef,
  type CaseQuery,
  type CaseRecord,
  type IpNote,
  type DeviceEvent,
  type ConnectionDirection,
  type ProcessInfo,
  type FileInfo,
  type ExposureLevel,
  type RiskScore,
  type IndicatorInput,
  type Indicator,
  type TimelineEvent,
  type TimelineKind,
  type Insight,
  type InsightColumn,
  type InsightChart,
  type QueryLanguage,
} from './data/model.js';
// Beacon statistics, for a provider whose backend returns connections rather than statistics.
export { TRAFFIC_DEVICES, beaconScore } from './data/traffic.js';
export { beaconStats, trafficFromEvents, type TrafficSource } from './data/traffic-compute.js';
export {
  REPUTATION_CLASSIFICATIONS,
  THREAT_INTEL_RELATIONS,
  type ThreatIntel,
  type ThreatIntelRelation,
  type ThreatIntelRows,
  type IpReputation,
  type ReputationClassification,
  type ReputationRule,
  type SeenSpan,
  type PassiveDnsRecord,
  type CertificateRecord,
  type HostPairRecord,
  type TrackerRecord,
  type ComponentRecord,
  type WhoisHistoryRecord,
} from './data/threat-intel.js';

// Providers, and helpers for writing one.
export { RestIpDataProvider, type RestIpDataProviderOptions } from './providers/rest/index.js';
export { StaticIpDataProvider, applyPatch, type StaticIpData, type StaticIpDataProviderOptions } from './providers/static/index.js';
export { combineProviders } from './providers/combine.js';
export { guardProvider } from './providers/guard.js';
export { readAnswer } from './providers/validate.js';
export { LIMITS } from './providers/read/primitives.js';
export { queryAlerts, queryDevices, queryTimeline, listSource, type ListSource, type TimelineQuery, type DeviceSearchOptions } from './data/query.js';
export { summarize, prevalenceFrom } from './data/derive.js';

// Events.
export * from './events/events.js';

// IP addresses, as the page reads them.
export { parseIp, isValidIp, canonicalIp, type ParsedIp, type IpParseResult, type IpProblem, type IpScope, type IpErrorCode, type EmbeddedIpv4 } from './lib/ip.js';
export { ipProblemText } from './components/shared/ip-problem.js';

// Languages.
export { applyLocale, matchLocale, adoptLocalization, loadTemplates, SUPPORTED_LOCALES } from './components/shared/localization.js';

// Framework typings.
export type { IpElements, IpTagName, IpEventOf, IpHandlerName, IpElementProperties, IpElementHandlers, IpElementReactEvents } from './frameworks/types.js';
