/**
 * The advanced-hunting queries of the Defender provider. Each starts with its marker line
 * (`// ip-entity-page:devices`, visible in the tenant's query log), and every value in it comes
 * through `kql.ts`: the canonical IP, dates, whole numbers, and quoted text. Columns follow the
 * Defender XDR advanced-hunting schema (`Timestamp`, `DeviceNetworkEvents`, `AlertEvidence` …).
 */
import type { TimeRange } from '../../lib/time-range.js';
import { DEVICE_DETAILS_ROWS, DEVICE_EVENT_ROWS, DEVICE_LIST_CLIPS, EVENT_CLIPS, LAST_EVENT_CLIPS, LAST_EVENT_COLUMNS } from '../microsoft/device-rows.js';
import { kqlClipStage, kqlDatetime, kqlInt, kqlIp, kqlIpForms, kqlString, marker } from '../microsoft/kql.js';
import { BUCKET_DEVICE_NAMES } from '../../data/model.js';
import { accountSummary, ENTRA_INTERRUPTED, SAMPLE_NAME } from '../microsoft/account-rows.js';
import { trafficBody } from '../microsoft/traffic-rows.js';

/** The most rows a list query asks for (Defender answers at most 100,000). */
export const QUERY_ROWS = 10_000;

function head(name: string, ip: string, range: TimeRange): string {
  // `ips`: the forms a Device* table logs the address in (IPv4 also as ::ffff:a.b.c.d).
  return [marker(name), `let ip = ${kqlIp(ip)};`, `let ips = ${kqlIpForms(ip)};`, `let start = ${kqlDatetime(range.from)};`, `let end = ${kqlDatetime(range.to)};`].join('\n');
}

/** The device groups devices reported in the range (DeviceInfo's MachineGroup): no IP, no exposure score needed. */
export function deviceGroupsQuery(range: TimeRange): string {
  return `${marker('device-groups')}
let start = ${kqlDatetime(range.from)};
let end = ${kqlDatetime(range.to)};
DeviceInfo
| where Timestamp between (start .. end) and isnotempty(MachineGroup)
| distinct MachineGroup
${kqlClipStage({}, { MachineGroup: { max: 1000, type: 'string' } })}
| order by MachineGroup asc
| take 1000`;
}

/**
 * Devices that talked to the IP: first and last time, how often, and what filters the list (the
 * last event's action and direction). Up to 10,000 devices, so only short columns: the last
 * event's details come from {@link deviceDetailsQuery} for the devices shown.
 */
export function devicesQuery(ip: string, range: TimeRange): string {
  return `${head('devices', ip, range)}
DeviceNetworkEvents
| where Timestamp between (start .. end) and (RemoteIP in (ips) or LocalIP in (ips))
| summarize FirstSeen = min(Timestamp), LastSeen = max(Timestamp), Connections = count(), arg_max(Timestamp, DeviceName, ActionType, LocalIP, RemoteIP) by DeviceId
| join kind=leftouter (DeviceInfo | summarize arg_max(Timestamp, OSPlatform) by DeviceId) on DeviceId
| project DeviceId, DeviceName, OSPlatform, FirstSeen, LastSeen, Connections, ActionType, LocalIP, RemoteIP
${kqlClipStage(DEVICE_LIST_CLIPS)}
| top ${kqlInt(QUERY_ROWS)} by LastSeen desc`;
}

/** The IP's traffic per device with the beacon statistics, computed in advanced hunting (see traffic-rows.ts). */
export function trafficQuery(ip: string, range: TimeRange): string {
  return `${head('traffic', ip, range)}
${trafficBody(range, 'Timestamp')}`;
}

/**
 * The last event with the IP of each of `deviceIds` (at most {@link DEVICE_DETAILS_ROWS}), or
 * without ids of the devices seen last, with the device's OS version and exposure level.
 */
export function deviceDetailsQuery(ip: string, range: TimeRange, deviceIds?: readonly string[]): string {
  const only = deviceIds?.length ? ` and DeviceId in (${deviceIds.slice(0, DEVICE_DETAILS_ROWS).map(kqlString).join(', ')})` : '';
  return `${head('device-details', ip, range)}
DeviceNetworkEvents
| where Timestamp between (start .. end) and (RemoteIP in (ips) or LocalIP in (ips))${only}
| summarize arg_max(Timestamp, ${LAST_EVENT_COLUMNS.join(', ')}) by DeviceId
| top ${kqlInt(DEVICE_DETAILS_ROWS)} by Timestamp desc
| join kind=leftouter (DeviceInfo | summarize arg_max(Timestamp, OSVersion, ExposureLevel) by DeviceId) on DeviceId
| project DeviceId, OSVersion, ExposureLevel, Timestamp, ${LAST_EVENT_COLUMNS.join(', ')}
${kqlClipStage(LAST_EVENT_CLIPS)}
| top ${kqlInt(DEVICE_DETAILS_ROWS)} by Timestamp desc`;
}

/** One device's most recent events with the IP (up to {@link DEVICE_EVENT_ROWS}): connections, DNS, files it brought in. */
export function deviceEventsQuery(ip: string, deviceId: string, range: TimeRange): string {
  return `${head('device-events', ip, range)}
let device = ${kqlString(deviceId)};
union
  (DeviceNetworkEvents
    | where Timestamp between (start .. end) and DeviceId == device and (RemoteIP in (ips) or LocalIP in (ips))),
  (DeviceEvents
    | where Timestamp between (start .. end) and DeviceId == device and (RemoteIP in (ips) or LocalIP in (ips) or FileOriginIP in (ips)))
| project Timestamp, ReportId, ActionType, LocalIP, LocalPort, RemoteIP, RemotePort, Protocol, RemoteUrl, FileName, FolderPath, SHA256,
    InitiatingProcessFileName, InitiatingProcessCommandLine, InitiatingProcessSHA256, InitiatingProcessFolderPath, InitiatingProcessId,
    InitiatingProcessAccountName, InitiatingProcessAccountDomain
${kqlClipStage(EVENT_CLIPS)}
| top ${kqlInt(DEVICE_EVENT_ROWS)} by Timestamp desc`;
}

/**
 * The devices any of whose events with the IP in the range contains `text` (process, command line,
 * hashes, account, file, URL), so a search finds a device by any event of its timeline, not only
 * by its last one. The text is a KQL string literal, never part of the query's syntax.
 */
export function deviceSearchQuery(ip: string, range: TimeRange, text: string): string {
  return `${head('device-search', ip, range)}
let term = ${kqlString(text)};
union
  (DeviceNetworkEvents | where Timestamp between (start .. end) and (RemoteIP in (ips) or LocalIP in (ips))),
  (DeviceEvents | where Timestamp between (start .. end) and (RemoteIP in (ips) or LocalIP in (ips) or FileOriginIP in (ips)))
| where InitiatingProcessFileName contains term or InitiatingProcessCommandLine contains term or InitiatingProcessSHA256 =~ term
    or InitiatingProcessAccountName contains term or FileName contains term or SHA256 =~ term or FolderPath contains term
    or RemoteUrl contains term or ActionType contains term
| summarize by DeviceId
| take ${kqlInt(QUERY_ROWS)}`;
}

/** Distinct devices per hour or day, and a few of their names (the chart's tooltip names them). */
export function prevalenceQuery(ip: string, range: TimeRange, bucket: 'hour' | 'day'): string {
  return `${head('prevalence', ip, range)}
DeviceNetworkEvents
| where Timestamp between (start .. end) and (RemoteIP in (ips) or LocalIP in (ips))
| summarize Devices = dcount(DeviceId), DeviceNames = make_set(DeviceName, ${kqlInt(BUCKET_DEVICE_NAMES)}) by Start = bin(Timestamp, ${bucket === 'hour' ? '1h' : '1d'})
| order by Start asc
${kqlClipStage({}, { DeviceNames: { max: 1000, type: 'dynamic' } })}`;
}

/**
 * The most recent alerts the alerts query lists (every match is counted): the list details the
 * most recent 100 from Graph, the chart marks the most severe; this many keeps its answer small.
 */
export const ALERT_ROWS = 5_000;
/** What the alerts query cuts: AlertInfo's text columns (the longest documented values are under 40 characters but the title). */
export const ALERT_CLIPS = { Title: 300, Severity: 16, Category: 40, ServiceSource: 40, DetectionSource: 40 } as const;

/** Alerts whose evidence names the IP, with what AlertInfo says of each (a techniques list longer than 800 characters is left out). */
export function alertsQuery(ip: string, range: TimeRange, filter: { severity?: readonly string[]; category?: readonly string[] } = {}): string {
  // Filters on AlertInfo's own columns run in the query; the rest in the provider.
  const where = (column: string, values: readonly string[] | undefined) =>
    values?.length ? `\n    | where ${column} in~ (${values.map(kqlString).join(', ')})` : '';
  // The most recent rows, and how many matched per severity (all of them, past the row cap too).
  return `${head('alerts', ip, range)}
let matched = materialize(AlertEvidence
| where Timestamp between (start .. end) and (RemoteIP in (ips) or LocalIP in (ips))
| summarize EvidenceFirst = min(Timestamp) by AlertId
| join kind=inner (
    AlertInfo
    | where Timestamp between (start .. end)${where('Severity', filter.severity)}${where('Category', filter.category)}
    | summarize arg_max(Timestamp, Title, Severity, Category, ServiceSource, DetectionSource, AttackTechniques), FirstActivity = min(Timestamp) by AlertId
  ) on AlertId
| project AlertId, Timestamp, FirstActivity, Title, Severity, Category, ServiceSource, DetectionSource, AttackTechniques);
union
  (matched | top ${kqlInt(ALERT_ROWS)} by Timestamp desc),
  (matched | summarize Matched = count() by Severity | extend Kind = "count")
${kqlClipStage(ALERT_CLIPS, { AttackTechniques: { max: 800, type: 'string' } })}`;
}

/**
 * The devices whose network adapters had the IP in the range, newest first (DeviceNetworkInfo's
 * IPAddresses is JSON text: a list of {IPAddress, SubnetPrefix, AddressType}).
 */
export function loggedHostsQuery(ip: string, range: TimeRange): string {
  return `${head('logged-hosts', ip, range)}
DeviceNetworkInfo
| where Timestamp between (start .. end) and IPAddresses has ip
| mv-expand Address = todynamic(IPAddresses)
| where tostring(Address.IPAddress) in (ips)
| summarize LastSeen = max(Timestamp), DeviceName = take_any(DeviceName) by DeviceId
| join kind=leftouter (DeviceInfo | where Timestamp between (start .. end) | summarize arg_max(Timestamp, OSPlatform) by DeviceId) on DeviceId
| project DeviceId, DeviceName, OSPlatform, LastSeen
${kqlClipStage({ DeviceName: 255, OSPlatform: 64 })}
| top 100 by LastSeen desc`;
}

/** Where the IP shows up in the Defender tables: first and last time and how often, per table. */
export function logActivityQuery(ip: string, range: TimeRange): string {
  return `${head('log-activity', ip, range)}
// Each leg names its table: \`withsource\` names a parenthesised leg union_arg0, union_arg1 …
union isfuzzy = true
  (DeviceNetworkEvents | where RemoteIP in (ips) or LocalIP in (ips) | extend Source = "DeviceNetworkEvents"),
  (DeviceEvents | where RemoteIP in (ips) or LocalIP in (ips) or FileOriginIP in (ips) | extend Source = "DeviceEvents"),
  (DeviceLogonEvents | where RemoteIP in (ips) | extend Source = "DeviceLogonEvents"),
  (IdentityLogonEvents | where IPAddress == ip | extend Source = "IdentityLogonEvents"),
  (CloudAppEvents | where IPAddress == ip | extend Source = "CloudAppEvents"),
  (EmailEvents | where SenderIPv4 == ip or SenderIPv6 == ip | extend Source = "EmailEvents")
| where Timestamp between (start .. end)
| summarize FirstSeen = min(Timestamp), LastSeen = max(Timestamp), Events = count() by Source
| order by LastSeen desc`;
}

/**
 * The accounts seen signing in from the IP: Entra ID sign-ins (`EntraIdSignInEvents`, with MFA),
 * Defender for Identity's logons to Active Directory and other identity providers
 * (`IdentityLogonEvents`), and logons to onboarded devices from the IP (`DeviceLogonEvents`:
 * Windows, and Linux through SSH), summarized per log and account. `isfuzzy` keeps it working
 * in a tenant without one of the tables (no Entra ID P1/P2 or Defender for Identity).
 */
export function accountsQuery(ip: string, range: TimeRange): string {
  const cut = (c: string) => `substring(${c}, 0, ${kqlInt(SAMPLE_NAME)})`;
  return `${head('accounts', ip, range)}
union isfuzzy = true
  (EntraIdSignInEvents
    | where Timestamp between (start .. end) and IPAddress in (ips)
    | project Timestamp, Source = "Entra ID", Account = AccountUpn, DisplayName = AccountDisplayName, UserId = AccountObjectId,
        Result = case(ErrorCode == 0, "success", ErrorCode in (${ENTRA_INTERRUPTED.join(', ')}), "interrupted", "failure"),
        Reason = case(ErrorCode == 0, "", ErrorCode == 50126, "Invalid username or password (50126)", ErrorCode == 50053, "Account locked (50053)",
          ErrorCode == 50057, "Account disabled (50057)", ErrorCode == 50034, "No such account in the directory (50034)",
          ErrorCode == 53003, "Blocked by Conditional Access (53003)", ErrorCode == 50074, "MFA required (50074)", strcat("Entra ID error ", tostring(ErrorCode))),
        Mfa = AuthenticationRequirement == "multiFactorAuthentication", App = ${cut('Application')}, Device = ${cut('DeviceName')}),
  (IdentityLogonEvents
    | where Timestamp between (start .. end) and IPAddress in (ips) and ActionType in ("LogonSuccess", "LogonFailed")
    | project Timestamp, Source = iff(isempty(Application), "Identity", Application),
        Account = iff(isnotempty(AccountUpn), AccountUpn, iff(isempty(AccountDomain), AccountName, strcat(AccountDomain, "\\\\", AccountName))),
        DisplayName = AccountDisplayName, UserId = iff(isnotempty(AccountObjectId), AccountObjectId, AccountSid),
        Result = iff(ActionType == "LogonSuccess", "success", "failure"), Reason = FailureReason, Mfa = bool(null),
        App = ${cut('Protocol')}, Device = ${cut('DestinationDeviceName')}),
  (DeviceLogonEvents
    | where Timestamp between (start .. end) and RemoteIP in (ips) and ActionType in ("LogonSuccess", "LogonFailed")
    | project Timestamp, Source = "Device logons", Account = iff(isempty(AccountDomain), AccountName, strcat(AccountDomain, "\\\\", AccountName)),
        DisplayName = "", UserId = AccountSid, Result = iff(ActionType == "LogonSuccess", "success", "failure"), Reason = FailureReason, Mfa = bool(null),
        App = ${cut('LogonType')}, Device = ${cut('DeviceName')})
${accountSummary()}`;
}
