import { expect } from '@open-wc/testing';
import { huntingQuery, QUERY_LANGUAGES } from '../../src/lib/hunting.js';

const range = { from: new Date('2026-10-24T13:37:00.000Z'), to: new Date('2026-11-23T13:37:00.000Z') };

describe('lib/hunting', () => {
  it('Defender KQL: advanced-hunting tables, Timestamp, the range, IPv4 compared as text', () => {
    const q = huntingQuery('203.0.113.7', range, 'kql-defender');
    expect(q).to.contain('let ip = "203.0.113.7";');
    expect(q).to.contain('let start = datetime(2026-10-24T13:37:00.000Z);');
    expect(q).to.contain('let end = datetime(2026-11-23T13:37:00.000Z);');
    for (const table of ['DeviceNetworkEvents', 'DeviceEvents', 'AlertEvidence']) expect(q).to.contain(`(${table} | where`);
    expect(q).to.contain('RemoteIP == ip');
    expect(q).to.contain('FileOriginIP == ip');
    expect(q).to.contain('| where Timestamp between (start .. end)');
    expect(q).to.not.contain('TimeGenerated');
    expect(q).to.not.contain('ipv6_compare');
  });

  it('Defender KQL for IPv6 compares addresses, not text', () => {
    const q = huntingQuery('2001:db8::1', range, 'kql-defender');
    expect(q).to.contain('let ip = "2001:db8::1";');
    expect(q).to.contain('ipv6_compare(RemoteIP, ip) == 0');
    expect(q).to.not.contain('RemoteIP == ip');
  });

  it('Sentinel KQL: TimeGenerated, plus CommonSecurityLog and sign-in logs', () => {
    for (const ip of ['198.51.100.23', '2001:db8:85a3::8a2e:370:7334']) {
      const q = huntingQuery(ip, range, 'kql-sentinel');
      expect(q).to.contain(`let ip = "${ip}";`);
      expect(q).to.contain('| where TimeGenerated between (start .. end)');
      expect(q).to.not.contain('Timestamp between');
      for (const table of ['DeviceNetworkEvents', 'CommonSecurityLog', 'SigninLogs', 'AADNonInteractiveUserSignInLogs']) expect(q).to.contain(`(${table} | where`);
      expect(q).to.contain(ip.includes(':') ? 'ipv6_compare(SourceIP, ip) == 0' : 'SourceIP == ip');
    }
  });

  it('ES|QL: ECS source.ip / destination.ip as IPs, @timestamp range', () => {
    for (const ip of ['203.0.113.7', '2001:db8::1']) {
      const q = huntingQuery(ip, range, 'esql');
      expect(q).to.match(/^FROM logs-\*/);
      expect(q).to.contain(`WHERE source.ip == TO_IP("${ip}") OR destination.ip == TO_IP("${ip}")`);
      expect(q).to.contain('@timestamp >= "2026-10-24T13:37:00.000Z" AND @timestamp < "2026-11-23T13:37:00.000Z"');
    }
  });

  it('SPL: CIM src_ip / dest_ip, epoch earliest/latest', () => {
    for (const ip of ['203.0.113.7', '2001:db8::1']) {
      const q = huntingQuery(ip, range, 'spl');
      expect(q).to.contain(`src_ip="${ip}" OR dest_ip="${ip}"`);
      expect(q).to.contain(`earliest=${range.from.getTime() / 1000} latest=${range.to.getTime() / 1000}`);
    }
  });

  it('has a devices query in every language, one line per device', () => {
    for (const language of QUERY_LANGUAGES) {
      const q = huntingQuery('203.0.113.7', range, language, 'devices');
      expect(q, language).to.contain('203.0.113.7');
      expect(q, language).to.match(/DeviceId|host\.name|host/);
    }
    expect(huntingQuery('203.0.113.7', range, 'kql-defender', 'devices')).to.contain('summarize FirstSeen = min(Timestamp), LastSeen = max(Timestamp)');
  });

  it('quotes string literals defensively', () => {
    const q = huntingQuery('1.2.3.4" | evil', range, 'kql-defender');
    expect(q).to.contain('let ip = "1.2.3.4\\" | evil";');
  });
});
