/**
 * The demo's insights from third-party intelligence (VirusTotal, Recorded Future, Anomali) and from
 * the log sources the Sentinel IP page reads (SecurityEvent, Syslog, AuditLogs, OfficeActivity):
 * each with the columns the Sentinel provider's KQL projects, and rows that fit the IP's story.
 */
import type { Insight } from '../../src/data/model.js';
import type { TimeRange } from '../../src/lib/time-range.js';
import type { IpDataset } from './dataset.js';
import type { Rng } from './random.js';
import { signInEvents, type SignInEvent } from './sign-ins.js';

interface Context {
  d: IpDataset;
  r: Rng;
  ip: string;
  lookback: string;
  malicious: boolean;
  score: number;
  range: TimeRange;
}

const ago = (c: Context, hours: number) => new Date(c.d.now - hours * 3_600_000).toISOString();
/** Where the TI connectors match the IP, as the Sentinel queries do. */
const tiWhere = (ip: string) => `NetworkIP == "${ip}" or NetworkSourceIP == "${ip}" or NetworkDestinationIP == "${ip}"`;

export function intelligenceInsights(c: Context): Insight[] {
  const { d, r, ip, lookback, malicious, score } = c;
  const vtMalicious = malicious ? r.int(9, 38) : d.observed ? r.int(0, 3) : 0;
  return [
    {
      id: 'virustotal',
      title: 'VirusTotal IP address',
      description: 'The IP report of VirusTotal (its enrichment playbook writes reports to a custom table): how many engines flag it.',
      language: 'kql-sentinel',
      query: `VirusTotal_IP_CL\n| where TimeGenerated > ago(${lookback}) and ip_s == "${ip}"\n| summarize arg_max(TimeGenerated, *) by ip_s\n| project Malicious = malicious_d, Suspicious = suspicious_d, Harmless = harmless_d, Undetected = undetected_d, Reputation = reputation_d, Owner = as_owner_s, LastAnalysis = last_analysis_date_t`,
      columns: [
        { name: 'Malicious', type: 'number' },
        { name: 'Suspicious', type: 'number' },
        { name: 'Harmless', type: 'number' },
        { name: 'Undetected', type: 'number' },
        { name: 'Reputation', type: 'number' },
        { name: 'Owner', type: 'string' },
        { name: 'LastAnalysis', type: 'datetime' },
      ],
      rows: d.observed ? [[vtMalicious, r.int(0, 4), r.int(50, 66) - vtMalicious, r.int(20, 30), malicious ? -r.int(10, 80) : r.int(0, 5), d.org.asName, ago(c, r.int(2, 96))]] : [],
      dataSources: ['VirusTotal_IP_CL'],
    },
    {
      id: 'recorded-future',
      title: 'Recorded Future IP address',
      description: 'Recorded Future risk lists that name the IP (imported as threat intelligence indicators): risk score and the rules behind it.',
      language: 'kql-sentinel',
      query: `ThreatIntelligenceIndicator\n| where TimeGenerated > ago(${lookback}) and SourceSystem has "Recorded Future"\n| where ${tiWhere(ip)}\n| summarize arg_max(TimeGenerated, *) by IndicatorId\n| project RiskScore = ConfidenceScore, RiskRules = Description, ThreatType, LastSeen = LastUpdatedTimeUtc`,
      columns: [
        { name: 'RiskScore', type: 'number' },
        { name: 'RiskRules', type: 'string' },
        { name: 'ThreatType', type: 'string' },
        { name: 'LastSeen', type: 'datetime' },
      ],
      rows: malicious
        ? [
            [Math.max(score, 80), 'Current C&C Server; Recent Multicategory Blocklist; Historical Honeypot Sighting', 'C2', ago(c, r.int(1, 30))],
            [r.int(65, 79), 'Recently Reported by Insikt Group', 'MaliciousUrl', ago(c, r.int(24, 240))],
          ]
        : d.observed && d.profile.story === 'scanner'
          ? [[r.int(25, 64), 'Historical Scanner; Recent Brute Force', 'Scanner', ago(c, r.int(6, 120))]]
          : [],
      dataSources: ['ThreatIntelligenceIndicator'],
    },
    {
      id: 'anomali',
      title: 'Anomali IP address',
      description: 'Anomali ThreatStream observables for the IP (imported as threat intelligence indicators).',
      language: 'kql-sentinel',
      query: `ThreatIntelligenceIndicator\n| where TimeGenerated > ago(${lookback}) and SourceSystem has "Anomali"\n| where ${tiWhere(ip)}\n| summarize arg_max(TimeGenerated, *) by IndicatorId\n| project ThreatType, Severity = ThreatSeverity, Confidence = ConfidenceScore, Tags, Feed = Description`,
      columns: [
        { name: 'ThreatType', type: 'string' },
        { name: 'Severity', type: 'string' },
        { name: 'Confidence', type: 'number' },
        { name: 'Tags', type: 'string' },
        { name: 'Feed', type: 'string' },
      ],
      rows: malicious
        ? [['c2', 'very-high', r.int(80, 100), 'cobaltstrike, beacon', 'Anomali Cyber Watch'], ['mal_ip', 'high', r.int(60, 85), 'malware-distribution', 'Abuse.ch Feodo Tracker']]
        : d.profile.story === 'scanner' && d.observed
          ? [['scan_ip', 'low', r.int(30, 60), 'mass-scanner', 'Anomali Threat Research']]
          : [],
      dataSources: ['ThreatIntelligenceIndicator'],
    },
  ];
}

export function logSourceInsights(c: Context): Insight[] {
  const { d, r, ip, lookback } = c;
  const story = d.profile.story;
  const users = d.users();
  const someone = (k: number) => users[k % users.length]!;
  // Windows and SSH sign-ins from the IP, by host and account: the same events the Accounts tab counts.
  const events = signInEvents(d).filter((e) => e.time >= c.range.from.getTime() && e.time < c.range.to.getTime());
  const byHost = (log: (e: SignInEvent) => boolean, account: (e: SignInEvent) => string, host: (e: SignInEvent) => string) => {
    const rows = new Map<string, [string, string, number, number, number]>();
    for (const e of events.filter(log)) {
      const key = `${host(e)}|${account(e)}`;
      const row = rows.get(key) ?? [host(e), account(e), 0, 0, 0];
      row[e.result === 'success' ? 2 : 3]++;
      row[4] = Math.max(row[4], e.time);
      rows.set(key, row);
    }
    return [...rows.values()].map(([h, a, ok, bad, last]) => [h, a, ok, bad, new Date(last).toISOString()]);
  };
  // 4624/4625 on the host signed in to (the domain controller for Kerberos), as SecurityEvent logs them.
  const windowsRows = byHost((e) => e.log === 'windows' || e.log === 'ad', (e) => `${e.domain}\\${e.name}`, (e) => (e.log === 'ad' ? 'DC01' : (e.device ?? '')))
    .sort((a, b) => (b[3] as number) - (a[3] as number) || (b[2] as number) - (a[2] as number))
    .slice(0, 50);
  const linuxRows = byHost((e) => e.log === 'ssh', (e) => e.name, (e) => e.device ?? '')
    .sort((a, b) => (b[3] as number) - (a[3] as number))
    .slice(0, 50);
  const identity = story === 'identity';
  const directoryRows = identity
    ? [
        ['Update user', `${someone(1)}@contoso.com`, 'success', r.int(1, 6), ago(c, r.int(2, 30))],
        ['Add member to role', `${someone(1)}@contoso.com`, 'failure', r.int(1, 3), ago(c, r.int(2, 30))],
        ['Register device', `${someone(2)}@contoso.com`, 'success', 1, ago(c, r.int(20, 90))],
      ]
    : story === 'internal'
      ? [['Reset password (self-service)', `${someone(0)}@contoso.com`, 'success', 1, ago(c, r.int(24, 200))]]
      : [];
  const officeRows = identity
    ? [
        ['Exchange', 'MailItemsAccessed', `${someone(1)}@contoso.com`, r.int(200, 2000), ago(c, r.int(1, 20))],
        ['Exchange', 'New-InboxRule', `${someone(1)}@contoso.com`, 1, ago(c, r.int(1, 20))],
        ['SharePoint', 'FileDownloaded', `${someone(2)}@contoso.com`, r.int(10, 300), ago(c, r.int(5, 40))],
      ]
    : story === 'internal'
      ? [['MicrosoftTeams', 'MessageSent', `${someone(0)}@contoso.com`, r.int(20, 200), ago(c, r.int(1, 24))]]
      : [];
  return [
    {
      id: 'windows-logons',
      title: 'Windows sign-ins from the IP',
      description: 'Windows logons (4624) and failed logons (4625) whose source address is the IP, by computer and account.',
      language: 'kql-sentinel',
      query: `SecurityEvent\n| where TimeGenerated > ago(${lookback}) and EventID in (4624, 4625) and IpAddress == "${ip}"\n| summarize Succeeded = countif(EventID == 4624), Failed = countif(EventID == 4625), LastSeen = max(TimeGenerated) by Computer, Account`,
      columns: [
        { name: 'Computer', type: 'string' },
        { name: 'Account', type: 'string' },
        { name: 'Succeeded', type: 'number' },
        { name: 'Failed', type: 'number' },
        { name: 'LastSeen', type: 'datetime' },
      ],
      rows: windowsRows,
      dataSources: ['SecurityEvent'],
    },
    {
      id: 'linux-logons',
      title: 'Linux sign-ins from the IP',
      description: "SSH logons from the IP in the Linux hosts' Syslog, accepted and failed, by host and user.",
      language: 'kql-sentinel',
      query: `Syslog\n| where TimeGenerated > ago(${lookback}) and ProcessName == "sshd" and SyslogMessage has "${ip}"\n| parse SyslogMessage with Result:string " password for " User:string " from " Source:string " port " *\n| summarize Accepted = countif(Result has "Accepted"), Failed = countif(Result has "Failed"), LastSeen = max(TimeGenerated) by Host = HostName, User`,
      columns: [
        { name: 'Host', type: 'string' },
        { name: 'User', type: 'string' },
        { name: 'Accepted', type: 'number' },
        { name: 'Failed', type: 'number' },
        { name: 'LastSeen', type: 'datetime' },
      ],
      rows: linuxRows,
      dataSources: ['Syslog'],
    },
    {
      id: 'directory-changes',
      title: 'Directory changes from the IP',
      description: 'Microsoft Entra ID audit events initiated from the IP (AuditLogs), by operation and actor.',
      language: 'kql-sentinel',
      query: `AuditLogs\n| where TimeGenerated > ago(${lookback})\n| where tostring(InitiatedBy.user.ipAddress) == "${ip}"\n| summarize Events = count(), LastSeen = max(TimeGenerated) by Operation = OperationName, Actor = tostring(InitiatedBy.user.userPrincipalName), Result`,
      columns: [
        { name: 'Operation', type: 'string' },
        { name: 'Actor', type: 'string' },
        { name: 'Result', type: 'string' },
        { name: 'Events', type: 'number' },
        { name: 'LastSeen', type: 'datetime' },
      ],
      rows: directoryRows,
      dataSources: ['AuditLogs'],
    },
    {
      id: 'office-activity',
      title: 'Office 365 activity from the IP',
      description: 'Exchange, SharePoint and Teams operations from the IP (OfficeActivity), by workload, operation and user.',
      language: 'kql-sentinel',
      query: `OfficeActivity\n| where TimeGenerated > ago(${lookback}) and ClientIP has "${ip}"\n| summarize Operations = count(), LastSeen = max(TimeGenerated) by Workload = OfficeWorkload, Operation, User = UserId`,
      columns: [
        { name: 'Workload', type: 'string' },
        { name: 'Operation', type: 'string' },
        { name: 'User', type: 'string' },
        { name: 'Operations', type: 'number' },
        { name: 'LastSeen', type: 'datetime' },
      ],
      rows: officeRows,
      dataSources: ['OfficeActivity'],
    },
  ];
}

export type { Context as InsightContext };
