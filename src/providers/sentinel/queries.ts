/**
 * The Log Analytics (KQL) queries of the Sentinel provider: the Sentinel tab's timeline and
 * insights, log activity, logged hosts, alerts and incidents, devices and prevalence. Sentinel's
 * tables use `TimeGenerated`; `union isfuzzy=true` keeps a query working in a workspace without
 * one of the tables (a connector not enabled). Every value comes through `kql.ts`.
 */
import type { InsightChart } from '../../data/model.js';
import type { TimeRange } from '../../lib/time-range.js';
import { DEVICE_DETAILS_ROWS, DEVICE_LIST_CLIPS, LAST_EVENT_CLIPS, LAST_EVENT_COLUMNS } from '../microsoft/device-rows.js';
import { kqlClipStage, kqlDatetime, type Clips, kqlInt, kqlIp, kqlIpForms, kqlString, marker } from '../microsoft/kql.js';
import { BUCKET_DEVICE_NAMES } from '../../data/model.js';

/** The most devices the list query returns. */
const DEVICE_LIST_ROWS = 10_000;

export function head(name: string, ip: string, range: TimeRange): string {
  // `ips`: the forms a Device* table logs the address in (IPv4 also as ::ffff:a.b.c.d).
  return [marker(name), `let ip = ${kqlIp(ip)};`, `let ips = ${kqlIpForms(ip)};`, `let start = ${kqlDatetime(range.from)};`, `let end = ${kqlDatetime(range.to)};`].join('\n');
}

/** The most recent timeline events one query returns. */
export const TIMELINE_ROWS = 2_000;
/** What the timeline query cuts (a bookmark's query and a description nearly whole). */
export const TIMELINE_CLIPS: Clips = { Id: 128, Title: 300, Source: 100, Severity: 16, Description: 800, AlertId: 64, BookmarkedBy: 128, Query: 1_500 };

/** Alerts (any product, Sentinel's own and third-party), bookmarks, anomalies and activities with the IP, the most recent `limit`. */
export function timelineQuery(ip: string, range: TimeRange, limit = TIMELINE_ROWS): string {
  return `${head('timeline', ip, range)}
union isfuzzy = true
  (SecurityAlert
    | where TimeGenerated between (start .. end) and Entities has ip
    | summarize arg_max(TimeGenerated, *) by SystemAlertId
    | project Time = StartTime, Kind = "alert", Id = SystemAlertId, Title = AlertName, Source = ProductName,
        Severity = AlertSeverity, Description, AlertId = SystemAlertId),
  (HuntingBookmark
    | where TimeGenerated between (start .. end) and (Entities has ip or QueryResultRow has ip)
    | summarize arg_max(TimeGenerated, *) by BookmarkId
    | where SoftDeleted != true
    // CreatedBy is a JSON object (its name, e-mail and object id), written as text.
    | extend Creator = parse_json(CreatedBy)
    | project Time = EventTime, Kind = "bookmark", Id = BookmarkId, Title = BookmarkName, Source = "Hunting bookmark",
        BookmarkedBy = coalesce(tostring(Creator.Name), tostring(Creator.Email), tostring(Creator.ObjectId)), Query = QueryText, Description = Notes),
  (Anomalies
    | where TimeGenerated between (start .. end) and (Entities has ip or SourceIpAddress == ip)
    | project Time = StartTime, Kind = "anomaly", Id = Id, Title = AnomalyTemplateName, Source = "Anomaly rules (UEBA)",
        Severity = "medium", Description = Description),
  (SigninLogs
    | where TimeGenerated between (start .. end) and IPAddress == ip
    | project Time = TimeGenerated, Kind = "activity", Id = Id,
        Title = strcat("Sign-in from ", ip, " by ", UserPrincipalName, " (", iff(ResultType == "0", "success", strcat("failure: ", ResultDescription)), ")"),
        Source = "SigninLogs"),
  (CommonSecurityLog
    | where TimeGenerated between (start .. end) and (SourceIP == ip or DestinationIP == ip)
    | summarize Events = count(), Time = max(TimeGenerated) by DeviceVendor, DeviceProduct, DeviceAction, DestinationPort, bin(TimeGenerated, 1h)
    | project Time, Kind = "activity", Id = strcat(DeviceVendor, "/", DeviceProduct, "/", tostring(TimeGenerated), "/", tostring(DestinationPort)),
        Title = strcat(DeviceProduct, " ", DeviceAction, " port ", tostring(DestinationPort), " (", tostring(Events), " events)"),
        Source = "CommonSecurityLog")
${kqlClipStage(TIMELINE_CLIPS)}
| top ${kqlInt(Math.min(limit, TIMELINE_ROWS))} by Time desc`;
}

/** Where the IP shows up, per table, and the hosts that report it as their own address (Heartbeat). */
export function logActivityQuery(ip: string, range: TimeRange): string {
  return `${head('log-activity', ip, range)}
// Each leg names its table: \`withsource\` names a parenthesised leg union_arg0, union_arg1 …
union isfuzzy = true
  (CommonSecurityLog | where SourceIP == ip or DestinationIP == ip | extend Source = "CommonSecurityLog"),
  (SigninLogs | where IPAddress == ip | extend Source = "SigninLogs"),
  (AADNonInteractiveUserSignInLogs | where IPAddress == ip | extend Source = "AADNonInteractiveUserSignInLogs"),
  (SecurityEvent | where IpAddress == ip | extend Source = "SecurityEvent"),
  (Syslog | where HostIP == ip or SyslogMessage has ip | extend Source = "Syslog"),
  // Office 365 writes a client address with its port (1.2.3.4:5678, [2001:db8::1]:443).
  (OfficeActivity | where ClientIP == ip or ClientIP startswith strcat(ip, ":") or ClientIP startswith strcat("[", ip, "]") | extend Source = "OfficeActivity"),
  (AuditLogs | where tostring(InitiatedBy) has ip | extend Source = "AuditLogs"),
  (DeviceNetworkEvents | where RemoteIP in (ips) or LocalIP in (ips) | extend Source = "DeviceNetworkEvents")
| where TimeGenerated between (start .. end)
| summarize FirstSeen = min(TimeGenerated), LastSeen = max(TimeGenerated), Events = count() by Source
| order by LastSeen desc`;
}

/**
 * The hosts whose agent reports the IP as its own: a private address is in `ComputerPrivateIPs`;
 * `ComputerIP` is the public address the agent is seen from (for a NAT's egress address, every
 * host behind it), so a public IP matches there only.
 */
export function loggedHostsQuery(ip: string, range: TimeRange): string {
  return `${head('logged-hosts', ip, range)}
Heartbeat
| where TimeGenerated between (start .. end) and (set_has_element(ComputerPrivateIPs, ip) or ComputerIP == ip)
| summarize LastHeartbeat = max(TimeGenerated) by Computer, OSType, ResourceId = _ResourceId
${kqlClipStage({ Computer: 255, OSType: 32 }, { ResourceId: { max: 1_000, type: 'string' } })}
| top ${kqlInt(1_000)} by LastHeartbeat desc`;
}

/** The most recent incidents and alerts one query returns. */
export const ALERT_ROWS = 2_000;
/** What the alerts query cuts; links and lists are kept whole or left out (a cut one would not work). */
export const ALERT_CLIPS: Clips = { Id: 64, IncidentName: 64, Title: 250, Severity: 16, Status: 32, Description: 600, Category: 64, ProductName: 100, CompromisedEntity: 255, Classification: 40, Owner: 128 };
const ALERT_WHOLE = {
  Link: { max: 600, type: 'string' },
  Categories: { max: 300, type: 'dynamic' },
  Techniques: { max: 400, type: 'dynamic' },
  Tags: { max: 300, type: 'dynamic' },
  ProductNames: { max: 200, type: 'dynamic' },
} as const;

/** The alerts with the IP in the range, the newest version of each, as `alerts` (the list and its counts read the same rows). */
export const ALERTS_WITH_IP = `let alerts = SecurityAlert
  | where TimeGenerated between (start .. end) and Entities has ip
  | summarize arg_max(TimeGenerated, *) by SystemAlertId;`;

/** The incidents that hold one of `alerts`, the newest version of each. */
export const INCIDENTS_OF_ALERTS = `SecurityIncident
    | where TimeGenerated between (start .. end)
    | summarize arg_max(TimeGenerated, *) by IncidentNumber
    | mv-expand AlertId = AlertIds to typeof(string)
    | join kind = inner (alerts | project AlertId = SystemAlertId) on AlertId
    | summarize arg_max(TimeGenerated, *) by IncidentNumber`;

/** Sentinel incidents and alerts whose entities name the IP, the most recent `limit`. */
export function alertsQuery(ip: string, range: TimeRange, limit = ALERT_ROWS): string {
  return `${head('alerts', ip, range)}
${ALERTS_WITH_IP}
union
  (alerts
    | project Kind = "alert", Id = SystemAlertId, Title = AlertName, Severity = AlertSeverity, Status, Description,
        FirstActivity = StartTime, LastActivity = EndTime, LastModified = TimeGenerated, Category = tostring(split(Tactics, ",")[0]),
        Categories = split(replace_string(Tactics, " ", ""), ","), ProductName, CompromisedEntity, Link = AlertLink,
        // A JSON list written as text in SecurityAlert, a list in SecurityIncident: one type, or the union splits the column.
        Techniques = todynamic(Techniques)),
  (${INCIDENTS_OF_ALERTS}
    | project Kind = "incident", Id = tostring(IncidentNumber), IncidentName, Title, Severity, Status, Classification, Owner = tostring(Owner.assignedTo),
        FirstActivity = FirstActivityTime, LastActivity = LastActivityTime, LastModified = LastModifiedTime, Description,
        AlertCount = array_length(AlertIds), Tags = Labels, Categories = AdditionalData.tactics,
        ProductNames = AdditionalData.alertProductNames, Techniques = AdditionalData.techniques, Link = IncidentUrl)
${kqlClipStage(ALERT_CLIPS, ALERT_WHOLE)}
| top ${kqlInt(Math.min(limit, ALERT_ROWS))} by LastActivity desc`;
}

/**
 * Devices that talked to the IP, from the Defender tables Sentinel ingests: the short columns that
 * filter the list; the last event's details come from {@link deviceDetailsQuery} for the page shown.
 */
export function devicesQuery(ip: string, range: TimeRange): string {
  return `${head('devices', ip, range)}
DeviceNetworkEvents
| where TimeGenerated between (start .. end) and (RemoteIP in (ips) or LocalIP in (ips))
| summarize FirstSeen = min(TimeGenerated), LastSeen = max(TimeGenerated), Connections = count(), arg_max(TimeGenerated, DeviceName, ActionType, LocalIP, RemoteIP) by DeviceId
| project DeviceId, DeviceName, FirstSeen, LastSeen, Connections, ActionType, LocalIP, RemoteIP
${kqlClipStage({ DeviceName: DEVICE_LIST_CLIPS['DeviceName']!, ActionType: DEVICE_LIST_CLIPS['ActionType']! })}
| top ${kqlInt(DEVICE_LIST_ROWS)} by LastSeen desc`;
}


/** The last event with the IP of each of `deviceIds` (at most 100), or without ids of the devices seen last. */
export function deviceDetailsQuery(ip: string, range: TimeRange, deviceIds?: readonly string[]): string {
  const only = deviceIds?.length ? ` and DeviceId in (${deviceIds.slice(0, DEVICE_DETAILS_ROWS).map(kqlString).join(', ')})` : '';
  const { OSVersion: _v, ExposureLevel: _e, ...clips } = LAST_EVENT_CLIPS;
  return `${head('device-details', ip, range)}
DeviceNetworkEvents
| where TimeGenerated between (start .. end) and (RemoteIP in (ips) or LocalIP in (ips))${only}
| summarize arg_max(TimeGenerated, ${LAST_EVENT_COLUMNS.join(', ')}) by DeviceId
| project DeviceId, Timestamp = TimeGenerated, ${LAST_EVENT_COLUMNS.join(', ')}
${kqlClipStage(clips)}
| top ${kqlInt(DEVICE_DETAILS_ROWS)} by Timestamp desc`;
}

/** The devices any of whose events with the IP in the range contains `text` (see the Defender provider's twin). */
export function deviceSearchQuery(ip: string, range: TimeRange, text: string): string {
  return `${head('device-search', ip, range)}
let term = ${kqlString(text)};
DeviceNetworkEvents
| where TimeGenerated between (start .. end) and (RemoteIP in (ips) or LocalIP in (ips))
| where InitiatingProcessFileName contains term or InitiatingProcessCommandLine contains term or InitiatingProcessSHA256 =~ term
    or InitiatingProcessAccountName contains term or RemoteUrl contains term or ActionType contains term
| summarize by DeviceId
| take ${kqlInt(10_000)}`;
}

/** Distinct devices per hour or day, and a few of their names (the chart's tooltip names them). */
export function prevalenceQuery(ip: string, range: TimeRange, bucket: 'hour' | 'day'): string {
  return `${head('prevalence', ip, range)}
DeviceNetworkEvents
| where TimeGenerated between (start .. end) and (RemoteIP in (ips) or LocalIP in (ips))
| summarize Devices = dcount(DeviceId), DeviceNames = make_set(DeviceName, ${kqlInt(BUCKET_DEVICE_NAMES)}) by Start = bin(TimeGenerated, ${bucket === 'hour' ? '1h' : '1d'})
| order by Start asc
${kqlClipStage({}, { DeviceNames: { max: 1000, type: 'dynamic' } })}`;
}

export interface InsightDefinition {
  id: string;
  title: string;
  description: string;
  dataSources: string[];
  chart?: InsightChart;
  /** Text columns the query cuts (its last stage), by name: a cut value is shown ending in `…`. */
  clips?: Clips;
  query: (ip: string, range: TimeRange) => string;
}

/**
 * The workspace's threat intelligence indicators for the IP, newest version of each, live ones
 * only: \`ThreatIntelIndicators\` (STIX), which replaced \`ThreatIntelligenceIndicator\` (no new data
 * since July 2025). An address is an observable: \`ObservableKey\` \`ipv4-addr:value\` (or IPv6, or a
 * network-traffic reference) and \`ObservableValue\` the address. Indicators are republished every
 * 7 days, so the query looks back two weeks from the end of the range, whatever the range.
 */
const INDICATORS = `ThreatIntelIndicators
| where TimeGenerated between ((end - 14d) .. end)
| where ObservableKey in ("ipv4-addr:value", "ipv6-addr:value", "network-traffic:src_ref.value", "network-traffic:dst_ref.value") and ObservableValue == ip
| summarize arg_max(TimeGenerated, *) by Id
| where IsDeleted != true and Revoked != true and (isnull(ValidUntil) or ValidUntil > now())
| extend ThreatType = tostring(Data.indicator_types[0]), Description = tostring(Data.description), IndicatorId = tostring(Data.id)`;

/** What the indicators query cuts (STIX names and descriptions run long; sources and tags nearly whole). */
export const INDICATOR_CLIPS: Clips = { Id: 200, Title: 300, Description: 1_000, ThreatType: 64, SourceSystem: 200, Tags: 500 };

/**
 * The workspace's threat intelligence indicators for the IP (the newest version of each, live or
 * expired, not deleted), for the response bar: what Sentinel's TI-matching analytics rules raise
 * alerts on. `start`/`end` are the two weeks indicators are republished in.
 */
export function indicatorsQuery(ip: string, range: TimeRange): string {
  return `${head('indicators', ip, range)}
ThreatIntelIndicators
| where TimeGenerated between (start .. end)
| where ObservableKey in ("ipv4-addr:value", "ipv6-addr:value", "network-traffic:src_ref.value", "network-traffic:dst_ref.value") and ObservableValue == ip
| summarize arg_max(TimeGenerated, *) by Id
| where IsDeleted != true
| project Id, Title = tostring(Data.name), Description = tostring(Data.description), ThreatType = tostring(Data.indicator_types[0]), Confidence, Created, Modified, ValidUntil, Revoked, SourceSystem, Tags
${kqlClipStage(INDICATOR_CLIPS)}
| top 100 by Created desc`;
}

/** An insight whose query ends by cutting `clips` (its last stage, given to `query` as `cut`). */
function withCuts(d: Omit<InsightDefinition, 'query' | 'clips'> & { clips: Clips; query: (ip: string, range: TimeRange, cut: string) => string }): InsightDefinition {
  return { ...d, query: (ip, range) => d.query(ip, range, kqlClipStage(d.clips)) };
}

/** The entity insights of the Sentinel IP page, each one KQL query. */
export const INSIGHTS: readonly InsightDefinition[] = [
  withCuts({
    id: 'mdti-reputation',
    title: 'Microsoft Defender Threat Intelligence reputation',
    description: 'What Microsoft Defender Threat Intelligence says of the IP: its indicators in the workspace (ThreatIntelIndicators), newest per indicator.',
    dataSources: ['ThreatIntelIndicators'],
    clips: { ThreatType: 64, Description: 1000, Tags: 500 },
    query: (ip, r, cut) => `${head('insight-mdti-reputation', ip, r)}
${INDICATORS}
| where SourceSystem in ("Microsoft Defender Threat Intelligence", "Premium Microsoft Defender Threat Intelligence")
| project ThreatType, Confidence, Description, Tags, ValidUntil
${cut}
| top 50 by ValidUntil desc`,
  }),
  withCuts({
    id: 'recorded-future',
    title: 'Recorded Future IP address',
    description: 'Recorded Future risk lists that name the IP (imported as threat intelligence indicators): risk score and the rules behind it.',
    dataSources: ['ThreatIntelIndicators'],
    clips: { RiskRules: 1000, ThreatType: 64 },
    query: (ip, r, cut) => `${head('insight-recorded-future', ip, r)}
${INDICATORS}
| where SourceSystem has "Recorded Future"
| project RiskScore = Confidence, RiskRules = Description, ThreatType, LastSeen = Modified
${cut}
| top 50 by LastSeen desc`,
  }),
  withCuts({
    id: 'anomali',
    title: 'Anomali IP address',
    description: 'Anomali ThreatStream observables for the IP (imported as threat intelligence indicators).',
    dataSources: ['ThreatIntelIndicators'],
    clips: { ThreatType: 64, Tags: 500, Feed: 500 },
    query: (ip, r, cut) => `${head('insight-anomali', ip, r)}
${INDICATORS}
| where SourceSystem has "Anomali"
| project ThreatType, Confidence, Tags, Feed = Description, LastSeen = Modified
${cut}
| top 50 by LastSeen desc`,
  }),
  {
    id: 'anomalies-by-ip',
    title: 'Anomalies count by IP address',
    description: 'UEBA anomalies that name the IP, per day.',
    dataSources: ['Anomalies', 'BehaviorAnalytics'],
    chart: { type: 'bar', x: 'Day', y: 'Anomalies' },
    query: (ip, r) => `${head('insight-anomalies-by-ip', ip, r)}
Anomalies
| where TimeGenerated between (start .. end) and (Entities has ip or SourceIpAddress == ip)
| summarize Anomalies = count() by Day = bin(TimeGenerated, 1d)
| order by Day asc`,
  },
  withCuts({
    id: 'network-traffic',
    title: 'Network traffic inspection',
    description: 'Firewall and proxy records (CEF) with the IP, by product and action.',
    dataSources: ['CommonSecurityLog'],
    clips: { Vendor: 100, Product: 100, Action: 100 },
    query: (ip, r, cut) => `${head('insight-network-traffic', ip, r)}
CommonSecurityLog
| where TimeGenerated between (start .. end) and (SourceIP == ip or DestinationIP == ip)
| summarize Events = count(), LastSeen = max(TimeGenerated) by Vendor = DeviceVendor, Product = DeviceProduct, Action = DeviceAction, Port = DestinationPort
${cut}
| top 50 by Events desc`,
  }),
  {
    id: 'remote-connections',
    title: 'IP address remote connections',
    description: 'Connections from devices to the IP, per day.',
    dataSources: ['DeviceNetworkEvents'],
    chart: { type: 'line', x: 'Day', y: 'Connections' },
    query: (ip, r) => `${head('insight-remote-connections', ip, r)}
DeviceNetworkEvents
| where TimeGenerated between (start .. end) and RemoteIP in (ips)
| summarize Connections = count() by Day = bin(TimeGenerated, 1d)
| order by Day asc`,
  },
  withCuts({
    id: 'remote-connections-ti',
    title: 'IP address remote connections with TI match',
    description: 'Devices that connected to the IP while a threat intelligence indicator named it.',
    dataSources: ['DeviceNetworkEvents', 'ThreatIntelIndicators'],
    clips: { Device: 255, ThreatType: 64 },
    query: (ip, r, cut) => `${head('insight-remote-connections-ti', ip, r)}
let threat = toscalar(${INDICATORS.replace(/\n/g, ' ')} | take 1 | project ThreatType);
DeviceNetworkEvents
| where TimeGenerated between (start .. end) and RemoteIP in (ips)
| where isnotempty(threat)
| summarize Connections = count(), LastSeen = max(TimeGenerated) by Device = DeviceName
| extend ThreatType = threat
${cut}
| top 50 by Connections desc`,
  }),
  withCuts({
    id: 'ti-match',
    title: 'This IP has a TI match',
    description: 'Active threat intelligence indicators for the IP.',
    dataSources: ['ThreatIntelIndicators'],
    clips: { Indicator: 200, Source: 200, ThreatType: 64, Description: 1000 },
    query: (ip, r, cut) => `${head('insight-ti-match', ip, r)}
${INDICATORS}
| project Indicator = IndicatorId, Source = SourceSystem, ThreatType, Confidence, Description, Expires = ValidUntil
${cut}
| top 50 by Expires desc`,
  }),
  withCuts({
    id: 'sign-ins',
    title: 'Sign-ins from the IP',
    description: 'Microsoft Entra ID sign-ins from the IP, by country and city.',
    dataSources: ['SigninLogs', 'AADNonInteractiveUserSignInLogs'],
    clips: { Country: 64, City: 128 },
    query: (ip, r, cut) => `${head('insight-sign-ins', ip, r)}
union isfuzzy = true SigninLogs, (AADNonInteractiveUserSignInLogs | extend LocationDetails = todynamic(LocationDetails))
| where TimeGenerated between (start .. end) and IPAddress == ip
| summarize Attempts = count(), Successes = countif(ResultType == "0"), Failures = countif(ResultType != "0"), Users = dcount(UserPrincipalName)
    by Country = tostring(LocationDetails.countryOrRegion), City = tostring(LocationDetails.city)
${cut}
| top 50 by Attempts desc`,
  }),
  withCuts({
    id: 'windows-logons',
    title: 'Windows sign-ins from the IP',
    description: 'Windows logons (4624) and failed logons (4625) whose source address is the IP, by computer and account.',
    dataSources: ['SecurityEvent'],
    clips: { Computer: 255, Account: 255 },
    query: (ip, r, cut) => `${head('insight-windows-logons', ip, r)}
SecurityEvent
| where TimeGenerated between (start .. end) and EventID in (4624, 4625) and IpAddress == ip
| summarize Succeeded = countif(EventID == 4624), Failed = countif(EventID == 4625), LastSeen = max(TimeGenerated) by Computer, Account
${cut}
| order by Failed desc, Succeeded desc
| take 50`,
  }),
  withCuts({
    id: 'linux-logons',
    title: 'Linux sign-ins from the IP',
    description: 'SSH logons from the IP in the Linux hosts\' Syslog, accepted and failed, by host and user.',
    dataSources: ['Syslog'],
    clips: { Host: 255, User: 255 },
    query: (ip, r, cut) => `${head('insight-linux-logons', ip, r)}
Syslog
| where TimeGenerated between (start .. end) and ProcessName == "sshd" and SyslogMessage has ip
| parse SyslogMessage with Result:string " password for " User:string " from " Source:string " port " *
| where Source == ip
| summarize Accepted = countif(Result has "Accepted"), Failed = countif(Result has "Failed"), LastSeen = max(TimeGenerated) by Host = HostName, User
${cut}
| top 50 by Failed desc`,
  }),
  withCuts({
    id: 'directory-changes',
    title: 'Directory changes from the IP',
    description: 'Microsoft Entra ID audit events initiated from the IP (AuditLogs), by operation and actor.',
    dataSources: ['AuditLogs'],
    clips: { Operation: 200, Actor: 255, Result: 64 },
    query: (ip, r, cut) => `${head('insight-directory-changes', ip, r)}
AuditLogs
| where TimeGenerated between (start .. end)
| extend Actor = tostring(InitiatedBy.user.userPrincipalName), ActorIp = tostring(InitiatedBy.user.ipAddress)
| where ActorIp == ip
| summarize Events = count(), LastSeen = max(TimeGenerated) by Operation = OperationName, Actor, Result
${cut}
| top 50 by Events desc`,
  }),
  withCuts({
    id: 'office-activity',
    title: 'Office 365 activity from the IP',
    description: 'Exchange, SharePoint and Teams operations from the IP (OfficeActivity), by workload, operation and user.',
    dataSources: ['OfficeActivity'],
    clips: { Workload: 64, Operation: 200, User: 255 },
    query: (ip, r, cut) => `${head('insight-office-activity', ip, r)}
OfficeActivity
| where TimeGenerated between (start .. end) and (ClientIP == ip or ClientIP startswith strcat(ip, ":") or ClientIP startswith strcat("[", ip, "]"))
| summarize Operations = count(), LastSeen = max(TimeGenerated) by Workload = OfficeWorkload, Operation, User = UserId
${cut}
| top 50 by Operations desc`,
  }),
  withCuts({
    id: 'watchlist',
    title: 'Watchlist insights',
    description: 'Watchlists that list the IP.',
    dataSources: ['Watchlist'],
    clips: { Watchlist: 128, Item: 255 },
    query: (ip, r, cut) => `${head('insight-watchlist', ip, r)}
_GetWatchlistAlias
| extend Watchlist = WatchlistAlias
| join kind = inner (Watchlist | where SearchKey == ip | summarize arg_max(TimeGenerated, *) by WatchlistAlias, SearchKey) on $left.Watchlist == $right.WatchlistAlias
| project Watchlist, Item = SearchKey, Added = TimeGenerated
${cut}
| top 50 by Added desc`,
  }),
  withCuts({
    id: 'logged-hosts',
    title: 'Hosts that reported this IP',
    description: 'Machines whose agent reported the IP as their own address (Heartbeat).',
    dataSources: ['Heartbeat'],
    clips: { Computer: 255, OSType: 32 },
    query: (ip, r, cut) => `${head('insight-logged-hosts', ip, r)}
Heartbeat
| where TimeGenerated between (start .. end) and ComputerIP == ip
| summarize LastHeartbeat = max(TimeGenerated) by Computer, OSType
${cut}
| top 100 by LastHeartbeat desc`,
  }),
];

/** A KQL name as it is written: quoted (\`['ip_s']\`), after checking it is one (letters, digits, \`_\`). */
function kqlName(name: string, what: string): string {
  if (typeof name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]{0,254}$/.test(name)) throw new TypeError(`${what} “${String(name)}” is not a table or column name.`);
  return `['${name}']`;
}

/** An insight over a table of the host's own workspace (see {@link customTableInsight}). */
export interface CustomTableInsightOptions {
  /** A stable id (letters, digits, `-`). */
  id: string;
  title: string;
  description?: string;
  /** The table, such as `VirusTotal_IP_CL` (what an enrichment playbook writes). */
  table: string;
  /** The column holding the IP address, such as `ip_s`. */
  ipColumn: string;
  /** The columns shown, by the name the table shows: `{ Malicious: 'malicious_d', Owner: 'as_owner_s' }`. */
  columns: Readonly<Record<string, string>>;
}

/**
 * An insight over a custom table whose schema only the host knows — enrichment playbooks
 * (VirusTotal, AbuseIPDB …) write tables no Microsoft document describes, so none is on by
 * default: a host that has one declares it with its own table and column names, and passes it
 * with the defaults (`insights: [...INSIGHTS, customTableInsight({…})]`). The newest row for the IP
 * in the range is shown. Every name is checked and quoted; the IP is a string literal.
 */
export function customTableInsight(o: CustomTableInsightOptions): InsightDefinition {
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(o.id)) throw new TypeError(`Insight id “${o.id}” should be lower-case letters, digits and “-”.`);
  const table = kqlName(o.table, 'Table');
  const ipColumn = kqlName(o.ipColumn, 'Column');
  const projected = Object.entries(o.columns).map(([shown, column]) => `${kqlName(shown, 'Shown name')} = ${kqlName(column, 'Column')}`);
  if (!projected.length) throw new TypeError('A custom insight shows at least one column.');
  return {
    id: o.id,
    title: o.title,
    description: o.description ?? `The newest row of ${o.table} for the IP.`,
    dataSources: [o.table],
    query: (ip, r) => `${head(`insight-${o.id}`, ip, r)}
${table}
| where TimeGenerated between (start .. end) and ${ipColumn} == ip
| summarize arg_max(TimeGenerated, *) by ${ipColumn}
| project ${projected.join(', ')}, LastSeen = TimeGenerated`,
  };
}
