/**
 * The Log Analytics (KQL) queries of the Sentinel provider: the Sentinel tab's timeline and
 * insights, log activity, logged hosts, alerts and incidents, devices and prevalence. Sentinel's
 * tables use `TimeGenerated`; `union isfuzzy=true` keeps a query working in a workspace without
 * one of the tables (a connector not enabled). Every value comes through `kql.ts`.
 */
import type { InsightChart } from '../../data/model.js';
import type { TimeRange } from '../../lib/time-range.js';
import { kqlDatetime, kqlInt, kqlIp, kqlString, marker } from '../microsoft/kql.js';

function head(name: string, ip: string, range: TimeRange): string {
  return [marker(name), `let ip = ${kqlIp(ip)};`, `let from = ${kqlDatetime(range.from)};`, `let to = ${kqlDatetime(range.to)};`].join('\n');
}

/** Alerts (any product, Sentinel's own and third-party), bookmarks, anomalies and activities with the IP. */
export function timelineQuery(ip: string, range: TimeRange, limit: number): string {
  return `${head('timeline', ip, range)}
union isfuzzy = true
  (SecurityAlert
    | where TimeGenerated between (from .. to) and Entities has ip
    | summarize arg_max(TimeGenerated, *) by SystemAlertId
    | project Time = StartTime, Kind = "alert", Id = SystemAlertId, Title = AlertName, Source = ProductName,
        Severity = AlertSeverity, Description, AlertId = SystemAlertId),
  (HuntingBookmark
    | where TimeGenerated between (from .. to) and (Entities has ip or QueryResultRow has ip)
    | summarize arg_max(TimeGenerated, *) by BookmarkId
    | project Time = EventTime, Kind = "bookmark", Id = BookmarkId, Title = BookmarkName, Source = "Hunting bookmark",
        BookmarkedBy = CreatedBy, Query = QueryText, Description = Notes),
  (Anomalies
    | where TimeGenerated between (from .. to) and (Entities has ip or SourceIpAddress == ip)
    | project Time = StartTime, Kind = "anomaly", Id = Id, Title = AnomalyTemplateName, Source = "Anomaly rules (UEBA)",
        Severity = "medium", Description = Description),
  (SigninLogs
    | where TimeGenerated between (from .. to) and IPAddress == ip
    | project Time = TimeGenerated, Kind = "activity", Id = Id,
        Title = strcat("Sign-in from ", ip, " by ", UserPrincipalName, " (", iff(ResultType == "0", "success", strcat("failure: ", ResultDescription)), ")"),
        Source = "SigninLogs"),
  (CommonSecurityLog
    | where TimeGenerated between (from .. to) and (SourceIP == ip or DestinationIP == ip)
    | summarize Events = count(), Time = max(TimeGenerated) by DeviceVendor, DeviceProduct, DeviceAction, DestinationPort, bin(TimeGenerated, 1h)
    | project Time, Kind = "activity", Id = strcat(DeviceVendor, "/", DeviceProduct, "/", tostring(TimeGenerated), "/", tostring(DestinationPort)),
        Title = strcat(DeviceProduct, " ", DeviceAction, " port ", tostring(DestinationPort), " (", tostring(Events), " events)"),
        Source = "CommonSecurityLog")
| order by Time desc
| take ${kqlInt(limit)}`;
}

/** Where the IP shows up, per table, and the hosts that report it as their own address (Heartbeat). */
export function logActivityQuery(ip: string, range: TimeRange): string {
  return `${head('log-activity', ip, range)}
union withsource = Source isfuzzy = true
  (CommonSecurityLog | where SourceIP == ip or DestinationIP == ip),
  (SigninLogs | where IPAddress == ip),
  (AADNonInteractiveUserSignInLogs | where IPAddress == ip),
  (SecurityEvent | where IpAddress == ip),
  (Syslog | where HostIP == ip or SyslogMessage has ip),
  (OfficeActivity | where ClientIP == ip),
  (AuditLogs | where tostring(InitiatedBy) has ip),
  (DeviceNetworkEvents | where RemoteIP == ip or LocalIP == ip)
| where TimeGenerated between (from .. to)
| summarize FirstSeen = min(TimeGenerated), LastSeen = max(TimeGenerated), Events = count() by Source
| order by LastSeen desc`;
}

export function loggedHostsQuery(ip: string, range: TimeRange): string {
  return `${head('logged-hosts', ip, range)}
Heartbeat
| where TimeGenerated between (from .. to) and ComputerIP == ip
| summarize LastHeartbeat = max(TimeGenerated) by Computer, OSType, ResourceId = _ResourceId
| order by LastHeartbeat desc
| take ${kqlInt(1_000)}`;
}

/** Sentinel incidents and alerts whose entities name the IP, newest first. */
export function alertsQuery(ip: string, range: TimeRange, limit: number): string {
  return `${head('alerts', ip, range)}
let alerts = SecurityAlert
  | where TimeGenerated between (from .. to) and Entities has ip
  | summarize arg_max(TimeGenerated, *) by SystemAlertId;
union
  (alerts
    | project Kind = "alert", Id = SystemAlertId, Title = AlertName, Severity = AlertSeverity, Status, Description,
        FirstActivity = StartTime, LastActivity = EndTime, LastModified = TimeGenerated, Category = tostring(split(Tactics, ",")[0]),
        Categories = split(replace_string(Tactics, " ", ""), ","), ProductName, CompromisedEntity, Techniques),
  (SecurityIncident
    | where TimeGenerated between (from .. to)
    | summarize arg_max(TimeGenerated, *) by IncidentNumber
    | mv-expand AlertId = AlertIds to typeof(string)
    | join kind = inner (alerts | project AlertId = SystemAlertId) on AlertId
    | summarize arg_max(TimeGenerated, *) by IncidentNumber
    | project Kind = "incident", Id = tostring(IncidentNumber), Title, Severity, Status, Classification, Owner = tostring(Owner.assignedTo),
        FirstActivity = FirstActivityTime, LastActivity = LastActivityTime, LastModified = LastModifiedTime, Description,
        AlertCount = array_length(AlertIds), Tags = Labels, Categories = AdditionalData.tactics,
        ProductNames = AdditionalData.alertProductNames, Techniques = AdditionalData.techniques)
| order by LastActivity desc
| take ${kqlInt(limit)}`;
}

/** Devices that talked to the IP, from the Defender tables Sentinel ingests. */
export function devicesQuery(ip: string, range: TimeRange): string {
  return `${head('devices', ip, range)}
DeviceNetworkEvents
| where TimeGenerated between (from .. to) and (RemoteIP == ip or LocalIP == ip)
| summarize FirstSeen = min(TimeGenerated), LastSeen = max(TimeGenerated), Connections = count(),
    arg_max(TimeGenerated, DeviceName, ActionType, LocalIP, LocalPort, RemoteIP, RemotePort, Protocol, RemoteUrl,
      InitiatingProcessFileName, InitiatingProcessCommandLine, InitiatingProcessSHA256, InitiatingProcessAccountName) by DeviceId
| extend Timestamp = LastSeen
| top ${kqlInt(10_000)} by LastSeen desc`;
}

/** The devices any of whose events with the IP in the range contains `text` (see the Defender provider's twin). */
export function deviceSearchQuery(ip: string, range: TimeRange, text: string): string {
  return `${head('device-search', ip, range)}
let term = ${kqlString(text)};
DeviceNetworkEvents
| where TimeGenerated between (from .. to) and (RemoteIP == ip or LocalIP == ip)
| where InitiatingProcessFileName contains term or InitiatingProcessCommandLine contains term or InitiatingProcessSHA256 =~ term
    or InitiatingProcessAccountName contains term or RemoteUrl contains term or ActionType contains term
| summarize by DeviceId
| take ${kqlInt(10_000)}`;
}

export function prevalenceQuery(ip: string, range: TimeRange, bucket: 'hour' | 'day'): string {
  return `${head('prevalence', ip, range)}
DeviceNetworkEvents
| where TimeGenerated between (from .. to) and (RemoteIP == ip or LocalIP == ip)
| summarize Devices = dcount(DeviceId) by Start = bin(TimeGenerated, ${bucket === 'hour' ? '1h' : '1d'})
| order by Start asc`;
}

export interface InsightDefinition {
  id: string;
  title: string;
  description: string;
  dataSources: string[];
  chart?: InsightChart;
  query: (ip: string, range: TimeRange) => string;
}

/** The entity insights of the Sentinel IP page, each one KQL query. */
export const INSIGHTS: readonly InsightDefinition[] = [
  {
    id: 'mdti-reputation',
    title: 'Microsoft Defender Threat Intelligence reputation',
    description: 'What Microsoft Defender Threat Intelligence says of the IP: the indicators its data connector brings into the workspace, newest per indicator.',
    dataSources: ['ThreatIntelligenceIndicator'],
    query: (ip, r) => `${head('insight-mdti-reputation', ip, r)}
ThreatIntelligenceIndicator
| where TimeGenerated between (from .. to) and SourceSystem in ("Microsoft Defender Threat Intelligence", "Premium Microsoft Defender Threat Intelligence")
| where NetworkIP == ip or NetworkSourceIP == ip or NetworkDestinationIP == ip
| summarize arg_max(TimeGenerated, *) by IndicatorId
| project ThreatType, Confidence = ConfidenceScore, Description, Tags, ValidUntil = ExpirationDateTime`,
  },
  {
    id: 'virustotal',
    title: 'VirusTotal IP address',
    description: 'The IP report of VirusTotal (its enrichment playbook writes reports to a custom table): how many engines flag it.',
    dataSources: ['VirusTotal_IP_CL'],
    query: (ip, r) => `${head('insight-virustotal', ip, r)}
VirusTotal_IP_CL
| where TimeGenerated between (from .. to) and ip_s == ip
| summarize arg_max(TimeGenerated, *) by ip_s
| project Malicious = malicious_d, Suspicious = suspicious_d, Harmless = harmless_d, Undetected = undetected_d, Reputation = reputation_d, Owner = as_owner_s, LastAnalysis = last_analysis_date_t`,
  },
  {
    id: 'recorded-future',
    title: 'Recorded Future IP address',
    description: 'Recorded Future risk lists that name the IP (imported as threat intelligence indicators): risk score and the rules behind it.',
    dataSources: ['ThreatIntelligenceIndicator'],
    query: (ip, r) => `${head('insight-recorded-future', ip, r)}
ThreatIntelligenceIndicator
| where TimeGenerated between (from .. to) and SourceSystem has "Recorded Future"
| where NetworkIP == ip or NetworkSourceIP == ip or NetworkDestinationIP == ip
| summarize arg_max(TimeGenerated, *) by IndicatorId
| project RiskScore = ConfidenceScore, RiskRules = Description, ThreatType, LastSeen = LastUpdatedTimeUtc`,
  },
  {
    id: 'anomali',
    title: 'Anomali IP address',
    description: 'Anomali ThreatStream observables for the IP (imported as threat intelligence indicators).',
    dataSources: ['ThreatIntelligenceIndicator'],
    query: (ip, r) => `${head('insight-anomali', ip, r)}
ThreatIntelligenceIndicator
| where TimeGenerated between (from .. to) and SourceSystem has "Anomali"
| where NetworkIP == ip or NetworkSourceIP == ip or NetworkDestinationIP == ip
| summarize arg_max(TimeGenerated, *) by IndicatorId
| project ThreatType, Severity = ThreatSeverity, Confidence = ConfidenceScore, Tags, Feed = Description`,
  },
  {
    id: 'abuseipdb',
    title: 'AbuseIPDB',
    description: 'Reports of the IP to AbuseIPDB (the AbuseIPDB playbook writes them to a custom table).',
    dataSources: ['AbuseIPDB_CL'],
    query: (ip, r) => `${head('insight-abuseipdb', ip, r)}
AbuseIPDB_CL
| where TimeGenerated between (from .. to) and ipAddress_s == ip
| summarize arg_max(TimeGenerated, *) by ipAddress_s
| project Confidence = abuseConfidenceScore_d, Reports = totalReports_d, Country = countryCode_s, LastReported = lastReportedAt_t`,
  },
  {
    id: 'anomalies-by-ip',
    title: 'Anomalies count by IP address',
    description: 'UEBA anomalies that name the IP, per day.',
    dataSources: ['Anomalies', 'BehaviorAnalytics'],
    chart: { type: 'bar', x: 'Day', y: 'Anomalies' },
    query: (ip, r) => `${head('insight-anomalies-by-ip', ip, r)}
Anomalies
| where TimeGenerated between (from .. to) and (Entities has ip or SourceIpAddress == ip)
| summarize Anomalies = count() by Day = bin(TimeGenerated, 1d)
| order by Day asc`,
  },
  {
    id: 'network-traffic',
    title: 'Network traffic inspection',
    description: 'Firewall and proxy records (CEF) with the IP, by product and action.',
    dataSources: ['CommonSecurityLog'],
    query: (ip, r) => `${head('insight-network-traffic', ip, r)}
CommonSecurityLog
| where TimeGenerated between (from .. to) and (SourceIP == ip or DestinationIP == ip)
| summarize Events = count(), LastSeen = max(TimeGenerated) by Vendor = DeviceVendor, Product = DeviceProduct, Action = DeviceAction, Port = DestinationPort
| order by Events desc
| take 50`,
  },
  {
    id: 'remote-connections',
    title: 'IP address remote connections',
    description: 'Connections from devices to the IP, per day.',
    dataSources: ['DeviceNetworkEvents'],
    chart: { type: 'line', x: 'Day', y: 'Connections' },
    query: (ip, r) => `${head('insight-remote-connections', ip, r)}
DeviceNetworkEvents
| where TimeGenerated between (from .. to) and RemoteIP == ip
| summarize Connections = count() by Day = bin(TimeGenerated, 1d)
| order by Day asc`,
  },
  {
    id: 'remote-connections-ti',
    title: 'IP address remote connections with TI match',
    description: 'Devices that connected to the IP while a threat intelligence indicator named it.',
    dataSources: ['DeviceNetworkEvents', 'ThreatIntelligenceIndicator'],
    query: (ip, r) => `${head('insight-remote-connections-ti', ip, r)}
let ti = ThreatIntelligenceIndicator | where TimeGenerated between (from .. to) and Active == true
  | where NetworkIP == ip or NetworkDestinationIP == ip | summarize arg_max(TimeGenerated, *) by IndicatorId;
DeviceNetworkEvents
| where TimeGenerated between (from .. to) and RemoteIP == ip
| summarize Connections = count(), LastSeen = max(TimeGenerated) by Device = DeviceName
| extend ThreatType = toscalar(ti | take 1 | project ThreatType)
| where isnotempty(ThreatType)
| order by Connections desc`,
  },
  {
    id: 'ti-match',
    title: 'This IP has a TI match',
    description: 'Active threat intelligence indicators for the IP.',
    dataSources: ['ThreatIntelligenceIndicator'],
    query: (ip, r) => `${head('insight-ti-match', ip, r)}
ThreatIntelligenceIndicator
| where TimeGenerated between (from .. to)
| extend TI_ipEntity = coalesce(NetworkIP, EmailSourceIpAddress, NetworkDestinationIP, NetworkSourceIP)
| where TI_ipEntity == ip
| summarize arg_max(TimeGenerated, *) by IndicatorId
| where Active == true and ExpirationDateTime > now()
| project Indicator = IndicatorId, ThreatType, Confidence = ConfidenceScore, Description, Expires = ExpirationDateTime`,
  },
  {
    id: 'sign-ins',
    title: 'Sign-ins from the IP',
    description: 'Microsoft Entra ID sign-ins from the IP, by country and city.',
    dataSources: ['SigninLogs', 'AADNonInteractiveUserSignInLogs'],
    query: (ip, r) => `${head('insight-sign-ins', ip, r)}
union isfuzzy = true SigninLogs, (AADNonInteractiveUserSignInLogs | extend LocationDetails = todynamic(LocationDetails))
| where TimeGenerated between (from .. to) and IPAddress == ip
| summarize Attempts = count(), Successes = countif(ResultType == "0"), Failures = countif(ResultType != "0"), Users = dcount(UserPrincipalName)
    by Country = tostring(LocationDetails.countryOrRegion), City = tostring(LocationDetails.city)`,
  },
  {
    id: 'windows-logons',
    title: 'Windows sign-ins from the IP',
    description: 'Windows logons (4624) and failed logons (4625) whose source address is the IP, by computer and account.',
    dataSources: ['SecurityEvent'],
    query: (ip, r) => `${head('insight-windows-logons', ip, r)}
SecurityEvent
| where TimeGenerated between (from .. to) and EventID in (4624, 4625) and IpAddress == ip
| summarize Succeeded = countif(EventID == 4624), Failed = countif(EventID == 4625), LastSeen = max(TimeGenerated) by Computer, Account
| order by Failed desc, Succeeded desc
| take 50`,
  },
  {
    id: 'linux-logons',
    title: 'Linux sign-ins from the IP',
    description: 'SSH logons from the IP in the Linux hosts\' Syslog, accepted and failed, by host and user.',
    dataSources: ['Syslog'],
    query: (ip, r) => `${head('insight-linux-logons', ip, r)}
Syslog
| where TimeGenerated between (from .. to) and ProcessName == "sshd" and SyslogMessage has ip
| parse SyslogMessage with Result:string " password for " User:string " from " Source:string " port " *
| where Source == ip
| summarize Accepted = countif(Result has "Accepted"), Failed = countif(Result has "Failed"), LastSeen = max(TimeGenerated) by Host = HostName, User
| order by Failed desc
| take 50`,
  },
  {
    id: 'directory-changes',
    title: 'Directory changes from the IP',
    description: 'Microsoft Entra ID audit events initiated from the IP (AuditLogs), by operation and actor.',
    dataSources: ['AuditLogs'],
    query: (ip, r) => `${head('insight-directory-changes', ip, r)}
AuditLogs
| where TimeGenerated between (from .. to)
| extend Actor = tostring(InitiatedBy.user.userPrincipalName), ActorIp = tostring(InitiatedBy.user.ipAddress)
| where ActorIp == ip
| summarize Events = count(), LastSeen = max(TimeGenerated) by Operation = OperationName, Actor, Result
| order by Events desc
| take 50`,
  },
  {
    id: 'office-activity',
    title: 'Office 365 activity from the IP',
    description: 'Exchange, SharePoint and Teams operations from the IP (OfficeActivity), by workload, operation and user.',
    dataSources: ['OfficeActivity'],
    query: (ip, r) => `${head('insight-office-activity', ip, r)}
OfficeActivity
| where TimeGenerated between (from .. to) and (ClientIP == ip or ClientIP startswith strcat(ip, ":") or ClientIP startswith strcat("[", ip, "]"))
| summarize Operations = count(), LastSeen = max(TimeGenerated) by Workload = OfficeWorkload, Operation, User = UserId
| order by Operations desc
| take 50`,
  },
  {
    id: 'watchlist',
    title: 'Watchlist insights',
    description: 'Watchlists that list the IP.',
    dataSources: ['Watchlist'],
    query: (ip, r) => `${head('insight-watchlist', ip, r)}
_GetWatchlistAlias
| extend Watchlist = WatchlistAlias
| join kind = inner (Watchlist | where SearchKey == ip | summarize arg_max(TimeGenerated, *) by WatchlistAlias, SearchKey) on $left.Watchlist == $right.WatchlistAlias
| project Watchlist, Item = SearchKey, Added = TimeGenerated`,
  },
  {
    id: 'logged-hosts',
    title: 'Hosts that reported this IP',
    description: 'Machines whose agent reported the IP as their own address (Heartbeat).',
    dataSources: ['Heartbeat'],
    query: (ip, r) => `${head('insight-logged-hosts', ip, r)}
Heartbeat
| where TimeGenerated between (from .. to) and ComputerIP == ip
| summarize LastHeartbeat = max(TimeGenerated) by Computer, OSType`,
  },
];
