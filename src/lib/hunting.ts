/**
 * Ready hunting queries for an IP, for the backends analysts hunt in: KQL for Microsoft Defender
 * advanced hunting (`Timestamp`), KQL for Microsoft Sentinel (`TimeGenerated`, with firewall and
 * sign-in tables), ES|QL for Elastic (ECS fields) and SPL for Splunk (CIM fields). Each query is
 * scoped to the time range. IPv6 addresses are compared as addresses where the language can
 * (text comparison misses other spellings of the same address).
 *
 * The IP must be valid (from `lib/ip`); it is still quoted as a string literal defensively.
 */
import type { TimeRange } from './time-range.js';

/** The query languages hunting queries are written in. */
export type QueryLanguage = 'kql-defender' | 'kql-sentinel' | 'esql' | 'spl';

export const HUNTING_KINDS = ['activity', 'devices'] as const;
export type HuntingKind = (typeof HUNTING_KINDS)[number];

export const QUERY_LANGUAGES: readonly QueryLanguage[] = ['kql-defender', 'kql-sentinel', 'esql', 'spl'];

export const QUERY_LANGUAGE_LABELS: Readonly<Record<QueryLanguage, string>> = {
  'kql-defender': 'Defender (KQL)',
  'kql-sentinel': 'Sentinel (KQL)',
  esql: 'Elastic (ES|QL)',
  spl: 'Splunk (SPL)',
};

/** A double-quoted string literal, safe in KQL, ES|QL and SPL. */
function quoted(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function iso(d: Date): string {
  return d.toISOString();
}

function isV6(ip: string): boolean {
  return ip.includes(':');
}

/** KQL predicate: `column` equals the IP (as an address for IPv6). */
function kqlIs(column: string, ip: string): string {
  return isV6(ip) ? `ipv6_compare(${column}, ip) == 0` : `${column} == ip`;
}

function kqlHeader(ip: string, range: TimeRange): string {
  return [`let ip = ${quoted(ip)};`, `let start = datetime(${iso(range.from)});`, `let end = datetime(${iso(range.to)});`].join('\n');
}

function defenderActivity(ip: string, range: TimeRange): string {
  return `${kqlHeader(ip, range)}
union withsource=SourceTable isfuzzy=true
    (DeviceNetworkEvents | where ${kqlIs('RemoteIP', ip)} or ${kqlIs('LocalIP', ip)}),
    (DeviceEvents | where ${kqlIs('RemoteIP', ip)} or ${kqlIs('LocalIP', ip)} or ${kqlIs('FileOriginIP', ip)}),
    (AlertEvidence | where ${kqlIs('RemoteIP', ip)} or ${kqlIs('LocalIP', ip)})
| where Timestamp between (start .. end)
| project Timestamp, SourceTable, DeviceName, ActionType, RemoteIP, RemotePort, RemoteUrl, LocalIP, LocalPort,
    InitiatingProcessFileName, InitiatingProcessCommandLine, InitiatingProcessAccountName, FileName, AlertId
| order by Timestamp desc`;
}

function defenderDevices(ip: string, range: TimeRange): string {
  return `${kqlHeader(ip, range)}
DeviceNetworkEvents
| where Timestamp between (start .. end)
| where ${kqlIs('RemoteIP', ip)} or ${kqlIs('LocalIP', ip)}
| summarize FirstSeen = min(Timestamp), LastSeen = max(Timestamp), Connections = count(),
    arg_max(Timestamp, DeviceName, ActionType, RemotePort, RemoteUrl, Protocol,
        InitiatingProcessFileName, InitiatingProcessSHA256, InitiatingProcessAccountName) by DeviceId
| order by LastSeen desc`;
}

function sentinelActivity(ip: string, range: TimeRange): string {
  return `${kqlHeader(ip, range)}
union withsource=SourceTable isfuzzy=true
    (DeviceNetworkEvents | where ${kqlIs('RemoteIP', ip)} or ${kqlIs('LocalIP', ip)}),
    (DeviceEvents | where ${kqlIs('RemoteIP', ip)} or ${kqlIs('LocalIP', ip)} or ${kqlIs('FileOriginIP', ip)}),
    (CommonSecurityLog | where ${kqlIs('SourceIP', ip)} or ${kqlIs('DestinationIP', ip)}),
    (SigninLogs | where ${kqlIs('IPAddress', ip)}),
    (AADNonInteractiveUserSignInLogs | where ${kqlIs('IPAddress', ip)})
| where TimeGenerated between (start .. end)
| project TimeGenerated, SourceTable, DeviceName, Computer, ActionType, DeviceAction, RemoteIP, RemotePort,
    SourceIP, DestinationIP, DestinationPort, UserPrincipalName, AppDisplayName, ResultType, InitiatingProcessFileName
| order by TimeGenerated desc`;
}

function sentinelDevices(ip: string, range: TimeRange): string {
  return `${kqlHeader(ip, range)}
DeviceNetworkEvents
| where TimeGenerated between (start .. end)
| where ${kqlIs('RemoteIP', ip)} or ${kqlIs('LocalIP', ip)}
| summarize FirstSeen = min(TimeGenerated), LastSeen = max(TimeGenerated), Connections = count(),
    arg_max(TimeGenerated, DeviceName, ActionType, RemotePort, RemoteUrl, InitiatingProcessFileName) by DeviceId
| order by LastSeen desc`;
}

function esqlWhere(ip: string, range: TimeRange): string {
  return `| WHERE @timestamp >= ${quoted(iso(range.from))} AND @timestamp < ${quoted(iso(range.to))}
| WHERE source.ip == TO_IP(${quoted(ip)}) OR destination.ip == TO_IP(${quoted(ip)})`;
}

function esqlActivity(ip: string, range: TimeRange): string {
  return `FROM logs-*, filebeat-*, winlogbeat-*, packetbeat-*
${esqlWhere(ip, range)}
| KEEP @timestamp, host.name, event.dataset, event.action, source.ip, source.port, destination.ip, destination.port,
    network.transport, url.domain, process.name, process.command_line, user.name
| SORT @timestamp DESC
| LIMIT 10000`;
}

function esqlDevices(ip: string, range: TimeRange): string {
  return `FROM logs-*, filebeat-*, winlogbeat-*, packetbeat-*
${esqlWhere(ip, range)}
| STATS first_seen = MIN(@timestamp), last_seen = MAX(@timestamp), connections = COUNT(*) BY host.name
| SORT last_seen DESC`;
}

function splTime(range: TimeRange): string {
  // Epoch seconds: unambiguous whatever the Splunk user's time format.
  return `earliest=${Math.floor(range.from.getTime() / 1000)} latest=${Math.ceil(range.to.getTime() / 1000)}`;
}

function splActivity(ip: string, range: TimeRange): string {
  return `search index=* ${splTime(range)} (src_ip=${quoted(ip)} OR dest_ip=${quoted(ip)} OR src=${quoted(ip)} OR dest=${quoted(ip)})
| table _time, sourcetype, host, action, src_ip, src_port, dest_ip, dest_port, transport, app, user, process
| sort - _time`;
}

function splDevices(ip: string, range: TimeRange): string {
  return `| tstats summariesonly=false count AS connections min(_time) AS first_seen max(_time) AS last_seen
    FROM datamodel=Network_Traffic
    WHERE (All_Traffic.src_ip=${quoted(ip)} OR All_Traffic.dest_ip=${quoted(ip)}) ${splTime(range)}
    BY All_Traffic.src_ip, All_Traffic.dest_ip, host
| sort - last_seen`;
}

const BUILDERS: Readonly<Record<QueryLanguage, Record<HuntingKind, (ip: string, range: TimeRange) => string>>> = {
  'kql-defender': { activity: defenderActivity, devices: defenderDevices },
  'kql-sentinel': { activity: sentinelActivity, devices: sentinelDevices },
  esql: { activity: esqlActivity, devices: esqlDevices },
  spl: { activity: splActivity, devices: splDevices },
};

/**
 * A hunting query for the IP over the range: `activity` (every event involving it) or
 * `devices` (one line per device that communicated with it, newest first).
 */
export function huntingQuery(ip: string, range: TimeRange, language: QueryLanguage, kind: HuntingKind = 'activity'): string {
  return BUILDERS[language][kind](ip, range);
}
