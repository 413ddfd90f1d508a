/**
 * Sentinel-style entity insights for the demo: each one the KQL it would run against Sentinel
 * tables, and a plausible result computed from the IP's generated data.
 */
import type { Insight } from '../../src/data/model.js';
import { bucketStarts, DAY_MS, type TimeRange } from '../../src/lib/time-range.js';
import type { IpDataset } from './dataset.js';
import { rngAt, unit } from './random.js';
import { intelligenceInsights, logSourceInsights } from './insights-sources.js';
import { signInEvents } from './sign-ins.js';

const STREAM = 40;

function days(range: TimeRange): number {
  return Math.max(1, Math.round((range.to.getTime() - range.from.getTime()) / DAY_MS));
}

export function buildInsights(d: IpDataset, range: TimeRange): Insight[] {
  const ip = d.ip.canonical;
  const r = rngAt(d.seed, STREAM);
  const lookback = `${days(range)}d`;
  const malicious = d.profile.story === 'c2' && d.observed;
  const score = malicious ? r.int(75, 100) : d.observed ? r.int(20, 70) : r.int(0, 15);
  const devices = d.devices();
  const insights: Insight[] = [];

  // What the MDTI data connector brings into the workspace: its indicators (the reputation score and
  // rules themselves come from the MDTI API, on the Threat Intelligence tab).
  insights.push({
    id: 'mdti-reputation',
    title: 'Microsoft Defender Threat Intelligence reputation',
    description: 'What Microsoft Defender Threat Intelligence says of the IP: the indicators its data connector brings into the workspace.',
    language: 'kql-sentinel',
    query: `ThreatIntelligenceIndicator\n| where TimeGenerated > ago(${lookback}) and SourceSystem in ("Microsoft Defender Threat Intelligence", "Premium Microsoft Defender Threat Intelligence")\n| where NetworkIP == "${ip}" or NetworkSourceIP == "${ip}" or NetworkDestinationIP == "${ip}"\n| summarize arg_max(TimeGenerated, *) by IndicatorId\n| project ThreatType, Confidence = ConfidenceScore, Description, Tags, ValidUntil = ExpirationDateTime`,
    columns: [
      { name: 'ThreatType', type: 'string' },
      { name: 'Confidence', type: 'number' },
      { name: 'Description', type: 'string' },
      { name: 'Tags', type: 'string' },
      { name: 'ValidUntil', type: 'datetime' },
    ],
    rows: malicious
      ? [
          ['C2', score, 'Known C2 infrastructure (Cobalt Strike team server)', 'CobaltStrike, C2', new Date(d.now + 30 * DAY_MS).toISOString()],
          ['MaliciousUrl', Math.max(50, score - 20), 'Hosting provider abused for malware delivery', 'MalwareDelivery', new Date(d.now + 14 * DAY_MS).toISOString()],
        ]
      : d.observed && d.profile.story === 'scanner'
        ? [['Scanner', score, 'Observed in mass scanning activity', 'Scanning', new Date(d.now + 7 * DAY_MS).toISOString()]]
        : [],
    dataSources: ['ThreatIntelligenceIndicator'],
  });

  const context = { d, r, ip, lookback, malicious, score, range };
  insights.push(...intelligenceInsights(context));

  insights.push({
    id: 'abuseipdb',
    title: 'AbuseIPDB',
    description: 'Community abuse reports for the IP.',
    language: 'kql-sentinel',
    query: `// Enrichment playbook result stored in a custom table\nAbuseIPDB_CL\n| where IPAddress_s == "${ip}"\n| top 1 by TimeGenerated desc`,
    columns: [
      { name: 'Abuse confidence', type: 'number' },
      { name: 'Reports', type: 'number' },
      { name: 'Distinct reporters', type: 'number' },
      { name: 'Usage type', type: 'string' },
      { name: 'Last reported', type: 'datetime' },
    ],
    rows: [[score, malicious ? r.int(40, 900) : r.int(0, 12), malicious ? r.int(10, 120) : r.int(0, 5), d.org.kind === 'hosting' ? 'Data Center/Web Hosting/Transit' : 'Fixed Line ISP', new Date(d.now - r.int(1, 72) * 3_600_000).toISOString()]],
    dataSources: ['AbuseIPDB_CL'],
  });

  const anomalyDays = bucketStarts(range, 'day').slice(-14);
  insights.push({
    id: 'anomalies-by-ip',
    title: 'Anomalies count by IP address',
    description: 'Anomalies from UEBA and anomaly rules that involve the IP, per day.',
    language: 'kql-sentinel',
    query: `Anomalies\n| where TimeGenerated > ago(${lookback})\n| where tostring(Entities) has "${ip}"\n| summarize Anomalies = count() by bin(TimeGenerated, 1d)\n| order by TimeGenerated asc`,
    columns: [
      { name: 'Day', type: 'datetime' },
      { name: 'Anomalies', type: 'number' },
    ],
    rows: d.observed ? anomalyDays.map((t, k) => [new Date(t).toISOString(), Math.floor(unit(d.seed, STREAM, k) * (malicious ? 9 : 3))]) : [],
    chart: { type: 'bar', x: 'Day', y: 'Anomalies' },
    dataSources: ['Anomalies', 'BehaviorAnalytics'],
  });

  insights.push({
    id: 'network-traffic',
    title: 'Network traffic inspection',
    description: 'Firewall and proxy events (CEF) to and from the IP.',
    language: 'kql-sentinel',
    query: `CommonSecurityLog\n| where TimeGenerated > ago(${lookback})\n| where SourceIP == "${ip}" or DestinationIP == "${ip}"\n| summarize Events = count() by DeviceVendor, DeviceProduct, DeviceAction, DestinationPort\n| order by Events desc`,
    columns: [
      { name: 'Vendor', type: 'string' },
      { name: 'Product', type: 'string' },
      { name: 'Action', type: 'string' },
      { name: 'Port', type: 'number' },
      { name: 'Events', type: 'number' },
    ],
    rows: d.observed
      ? [
          ['Palo Alto Networks', 'PAN-OS', 'allow', 443, r.int(50, 5000)],
          ['Palo Alto Networks', 'PAN-OS', 'deny', 8080, r.int(5, 800)],
          ['Zscaler', 'NSSWeblog', 'Blocked', 443, r.int(1, 300)],
        ]
      : [],
    dataSources: ['CommonSecurityLog'],
  });

  const perDay = bucketStarts(range, 'day');
  insights.push({
    id: 'remote-connections',
    title: 'IP address remote connections',
    description: 'Connections from devices in the organization to the IP, per day.',
    language: 'kql-sentinel',
    query: `DeviceNetworkEvents\n| where TimeGenerated > ago(${lookback})\n| where RemoteIP == "${ip}"\n| summarize Connections = count() by bin(TimeGenerated, 1d)`,
    columns: [
      { name: 'Day', type: 'datetime' },
      { name: 'Connections', type: 'number' },
    ],
    rows: devices.length ? perDay.map((t, k) => [new Date(t).toISOString(), Math.floor(unit(d.seed, STREAM + 1, k) * devices.length * 6)]) : [],
    chart: { type: 'line', x: 'Day', y: 'Connections' },
    dataSources: ['DeviceNetworkEvents'],
  });

  insights.push({
    id: 'remote-connections-ti',
    title: 'IP address remote connections with TI match',
    description: 'Devices whose connections to the IP matched a threat-intelligence indicator.',
    language: 'kql-sentinel',
    query: `let ti = ThreatIntelligenceIndicator | where Active == true and NetworkIP == "${ip}";\nDeviceNetworkEvents\n| where TimeGenerated > ago(${lookback}) and RemoteIP == "${ip}"\n| join kind=inner ti on $left.RemoteIP == $right.NetworkIP\n| summarize Connections = count(), LastSeen = max(TimeGenerated) by DeviceName`,
    columns: [
      { name: 'Device', type: 'string' },
      { name: 'Connections', type: 'number' },
      { name: 'Last seen', type: 'datetime' },
    ],
    rows: malicious ? devices.slice(0, 8).map((dev) => [dev.name, dev.connectionCount, dev.lastSeen]) : [],
    dataSources: ['DeviceNetworkEvents', 'ThreatIntelligenceIndicator'],
  });

  insights.push({
    id: 'ti-match',
    title: 'This IP has a TI match',
    description: 'Active threat-intelligence indicators for the IP.',
    language: 'kql-sentinel',
    query: `ThreatIntelligenceIndicator\n| where TimeGenerated >= ago(14d)\n| extend TI_ip = coalesce(NetworkIP, EmailSourceIpAddress, NetworkDestinationIP, NetworkSourceIP)\n| where TI_ip == "${ip}"\n| summarize arg_max(TimeGenerated, *) by IndicatorId\n| where Active == true and ExpirationDateTime > now()\n| project IndicatorId, ThreatType, ConfidenceScore, Description, ExpirationDateTime`,
    columns: [
      { name: 'Indicator', type: 'string' },
      { name: 'Threat type', type: 'string' },
      { name: 'Confidence', type: 'number' },
      { name: 'Description', type: 'string' },
      { name: 'Expires', type: 'datetime' },
    ],
    rows: malicious ? [[`indicator--${r.hex(8)}-${r.hex(4)}`, 'C2', r.int(70, 100), 'Cobalt Strike team server', new Date(d.now + 60 * DAY_MS).toISOString()]] : [],
    dataSources: ['ThreatIntelligenceIndicator'],
  });

  // Entra ID sign-ins from the IP in the range (the events the Accounts tab counts), where the IP is.
  const entra = signInEvents(d).filter((e) => e.log === 'entra' && e.time >= range.from.getTime() && e.time < range.to.getTime());
  const place = d.details();
  insights.push({
    id: 'sign-ins',
    title: 'Sign-ins from the IP',
    description: 'Entra ID sign-ins from the IP by outcome, and from where.',
    language: 'kql-sentinel',
    query: `union isfuzzy=true SigninLogs, AADNonInteractiveUserSignInLogs\n| where TimeGenerated > ago(${lookback}) and IPAddress == "${ip}"\n| summarize Attempts = count(), Successes = countif(ResultType == "0"), Failures = countif(ResultType != "0"), Users = dcount(UserPrincipalName) by Country = tostring(LocationDetails.countryOrRegion), City = tostring(LocationDetails.city)`,
    columns: [
      { name: 'Country', type: 'string' },
      { name: 'City', type: 'string' },
      { name: 'Attempts', type: 'number' },
      { name: 'Successes', type: 'number' },
      { name: 'Failures', type: 'number' },
      { name: 'Users', type: 'number' },
    ],
    rows: entra.length
      ? [[place.countryCode ?? '', place.city ?? '', entra.length, entra.filter((e) => e.result === 'success').length, entra.filter((e) => e.result !== 'success').length, new Set(entra.map((e) => e.upn)).size]]
      : [],
    dataSources: ['SigninLogs', 'AADNonInteractiveUserSignInLogs'],
  });

  insights.push(...logSourceInsights(context));

  insights.push({
    id: 'watchlist',
    title: 'Watchlist insights',
    description: 'Watchlists that contain the IP.',
    language: 'kql-sentinel',
    query: `_GetWatchlist("HighRiskIPs")\n| where SearchKey == "${ip}"\n| project WatchlistName = "HighRiskIPs", SearchKey, Notes, LastUpdatedTimeUTC`,
    columns: [
      { name: 'Watchlist', type: 'string' },
      { name: 'Item', type: 'string' },
      { name: 'Notes', type: 'string' },
    ],
    rows: malicious ? [['HighRiskIPs', ip, 'Added by the incident response team during the spring campaign.']] : [],
    dataSources: ['Watchlist'],
  });

  const heartbeatHosts = d.logActivity(range).loggedHosts;
  insights.push({
    id: 'logged-hosts',
    title: 'Hosts that reported this IP',
    description: 'Agents whose heartbeat carried the IP as their own address.',
    language: 'kql-sentinel',
    query: `Heartbeat\n| where TimeGenerated > ago(${lookback}) and ComputerIP == "${ip}"\n| summarize LastHeartbeat = max(TimeGenerated) by Computer, OSType`,
    columns: [
      { name: 'Computer', type: 'string' },
      { name: 'OS', type: 'string' },
      { name: 'Last heartbeat', type: 'datetime' },
    ],
    rows: heartbeatHosts.map((h) => [h.name, h.os ?? '', h.lastHeartbeat ?? '']),
    dataSources: ['Heartbeat'],
  });

  return insights;
}
