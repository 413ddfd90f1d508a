import { expect } from '@open-wc/testing';
import { ALERT_STATUSES, CLASSIFICATIONS, DETERMINATIONS_BY_CLASSIFICATION, SEVERITIES } from '../../src/data/model.js';
import { queryAlerts } from '../../src/data/query.js';
import { readAlert, readDevice, readInsight, readIpDetails, readPrevalence, readSecuritySummary, readTimelineEvent, readLogActivity } from '../../src/providers/validate.js';
import { DAY_MS } from '../../src/lib/time-range.js';
import { DEMO_IPS } from '../../mocks/generator/profiles.js';
import { IpDataset } from '../../mocks/generator/dataset.js';

const NOW = Date.parse('2026-11-23T13:00:00Z');
const range30 = { from: new Date(NOW - 30 * DAY_MS), to: new Date(NOW + 3_600_000) };
const ds = (ip: string, now = NOW) => new IpDataset(ip, { now });

describe('mock data generator', () => {
  it('is deterministic: same IP and time give the same data', () => {
    const a = ds('203.0.113.7');
    const b = ds('203.0.113.7');
    expect(JSON.stringify(a.details())).to.equal(JSON.stringify(b.details()));
    expect(JSON.stringify(a.devices())).to.equal(JSON.stringify(b.devices()));
    expect(JSON.stringify(Array.from({ length: a.alertCount }, (_, i) => a.alert(i)))).to.equal(JSON.stringify(Array.from({ length: b.alertCount }, (_, i) => b.alert(i))));
    expect(JSON.stringify(a.prevalence(range30))).to.equal(JSON.stringify(b.prevalence(range30)));
    expect(JSON.stringify(a.timeline(range30))).to.equal(JSON.stringify(b.timeline(range30)));
  });

  it('gives different IPs different data', () => {
    expect(ds('203.0.113.7').devices()[0]!.name).to.not.equal(ds('198.51.100.23').devices()[0]!.name);
  });

  it('has the demo IP sizes the README promises', () => {
    const sizes = Object.fromEntries(DEMO_IPS.map((d) => [d.ip, ds(d.ip)]));
    expect(sizes['203.0.113.7']!.alertCount).to.equal(50);
    expect(sizes['203.0.113.7']!.devices().length).to.equal(40);
    expect(sizes['198.51.100.23']!.alertCount).to.equal(100_000);
    expect(sizes['198.51.100.99']!.alertCount).to.equal(1_000_000);
    expect(sizes['192.0.2.200']!.observed).to.equal(false);
    expect(sizes['10.20.30.40']!.ip.scope).to.equal('private');
    expect(sizes['2001:db8:85a3::8a2e:370:7334']!.ip.version).to.equal(6);
  });

  it('builds one item of a million-alert IP without building the others', () => {
    const huge = ds('198.51.100.99');
    const started = performance.now();
    const item = huge.alert(999_999);
    const page = Array.from({ length: 100 }, (_, k) => huge.alert(500_000 + k));
    // Random access: the same item whatever was built before it (a fresh dataset, other items first).
    const other = ds('198.51.100.99');
    other.alert(3);
    expect(other.alert(999_999)).to.deep.equal(item);
    // Building a million alerts takes seconds; a bound far above one item's cost catches that
    // without timing the machine (the speed itself is measured in bench/).
    expect(performance.now() - started).to.be.below(2000);
    expect(item.id).to.be.a('string');
    expect(page.length).to.equal(100);
    expect(huge.indexOfAlertId(item.id)).to.equal(999_999);
  });

  it('produces data every provider reader accepts (valid shapes, known enums)', () => {
    for (const { ip } of DEMO_IPS) {
      const d = ds(ip);
      readIpDetails(d.details());
      readSecuritySummary(d.summary(range30));
      readLogActivity(d.logActivity(range30));
      readPrevalence(d.prevalence(range30));
      for (let i = 0; i < Math.min(d.alertCount, 300); i++) {
        const a = readAlert(d.alert(i));
        expect(SEVERITIES as readonly string[]).to.include(a.severity);
        expect(ALERT_STATUSES as readonly string[]).to.include(a.status);
        if (a.classification) {
          expect(CLASSIFICATIONS as readonly string[]).to.include(a.classification);
          expect(DETERMINATIONS_BY_CLASSIFICATION[a.classification as 'truePositive']).to.include(a.determination);
        } else expect(a.determination ?? null).to.equal(null);
      }
      d.devices().slice(0, 50).forEach((x) => readDevice(x));
      d.timeline(range30).slice(0, 100).forEach((x) => readTimelineEvent(x));
      d.insights(range30).forEach((x) => readInsight(x));
    }
  });

  it('looks like real security data', () => {
    const d = ds('203.0.113.7');
    const details = d.details();
    expect(details.organization).to.match(/\w/);
    expect(details.asn).to.be.within(64496, 65551);
    expect(details.latitude).to.be.within(-90, 90);
    expect(details.reverseDns.every((n) => /^[a-z0-9.-]+\.example$/.test(n))).to.equal(true);
    const alerts = Array.from({ length: d.alertCount }, (_, i) => d.alert(i));
    const incidents = alerts.filter((a) => a.kind === 'incident');
    expect(incidents.length).to.be.within(5, 12);
    for (const a of alerts.filter((x) => x.kind === 'alert')) {
      expect(incidents.some((inc) => inc.id === a.incidentId), `alert ${a.id} has its incident`).to.equal(true);
      expect(Date.parse(a.firstActivity)).to.be.at.most(Date.parse(a.lastActivity));
      expect(a.description).to.contain('203.0.113.7');
    }
    const lasts = alerts.map((a) => a.lastActivity);
    expect(lasts).to.deep.equal([...lasts].sort().reverse());
    expect(new Set(alerts.map((a) => a.severity)).size).to.be.at.least(3);
    expect(alerts.every((a) => Date.parse(a.lastActivity) <= NOW)).to.equal(true);
    const device = d.devices()[0]!;
    expect(device.name).to.match(/^(DESKTOP-|WS-|SRV-|mbp-|build-agent-)/);
    expect(device.lastEvent.initiatingProcess?.sha256).to.match(/^[0-9a-f]{64}$/);
    expect(device.lastEvent.remoteIp).to.equal('203.0.113.7');
    const events = d.deviceEvents(device.id)!;
    expect(events.at(-1)).to.deep.equal(device.lastEvent);
  });

  it('fills the queue columns an incident gathers from its alerts, with tags and MITRE IDs that exist', () => {
    const d = ds('203.0.113.7');
    const alerts = Array.from({ length: d.alertCount }, (_, i) => d.alert(i));
    for (const incident of alerts.filter((a) => a.kind === 'incident')) {
      const mine = alerts.filter((a) => a.incidentId === incident.id);
      expect(new Set(incident.categories)).to.deep.equal(new Set(mine.map((a) => a.category)));
      expect(new Set(incident.serviceSources)).to.deep.equal(new Set(mine.map((a) => a.serviceSource)));
      expect(new Set(incident.productNames)).to.deep.equal(new Set(mine.flatMap((a) => a.productNames ?? [])));
      expect(incident.alertCount).to.equal(mine.length);
    }
    const tags = new Set(alerts.flatMap((a) => a.tags ?? []));
    expect(tags.size, [...tags].join()).to.be.at.least(2);
    expect(alerts.filter((a) => a.kind === 'alert').every((a) => !a.tags)).to.equal(true);
    expect(alerts.flatMap((a) => a.mitreTechniques ?? []).every((t) => /^T\d{4}(\.\d{3})?$/.test(t))).to.equal(true);
    expect(alerts.some((a) => a.deviceGroups?.length)).to.equal(true);
    for (const a of alerts) {
      expect(Date.parse(a.lastUpdated!)).to.be.at.least(Date.parse(a.lastActivity));
      expect(Date.parse(a.lastUpdated!)).to.be.at.most(NOW);
    }
  });

  it('answers every new filter and sort from its columns exactly as from the built items', () => {
    const d = ds('198.51.100.23');
    const items = Array.from({ length: 3_000 }, (_, i) => d.alert(i));
    const src = { size: items.length, get: (i: number) => d.alert(i), read: (i: number, f: string) => d.readAlertField(i, f) };
    const first = items.find((a) => a.tags?.length)!;
    const group = items.find((a) => a.deviceGroups?.length)!.deviceGroups![0]!;
    const queries = [
      { filter: { tags: [first.tags![0]!] } },
      { filter: { deviceGroups: [group] } },
      { filter: { impactedAssetKind: ['mailbox'] } },
      { filter: { productNames: ['Microsoft Sentinel'] } },
      { filter: { category: ['Exfiltration'] } },
      { filter: { serviceSource: ['azureAdIdentityProtection'] } },
      { filter: { mitreTechniques: ['T1486'] } },
      { sort: { field: 'lastUpdated', direction: 'desc' } },
      { sort: { field: 'alertCount', direction: 'desc' } },
      { sort: { field: 'tags', direction: 'asc' } },
    ] as const;
    for (const q of queries) {
      const fast = queryAlerts(src, { ...q, offset: 0, limit: 50 });
      const slow = queryAlerts(items, { ...q, offset: 0, limit: 50 });
      expect(fast.total, JSON.stringify(q)).to.be.above(0);
      expect(fast.total, JSON.stringify(q)).to.equal(slow.total);
      expect(fast.items.map((a) => a.id), JSON.stringify(q)).to.deep.equal(slow.items.map((a) => a.id));
    }
  });

  it('answers the third-party and log-source insights as fits each story', () => {
    const rows = (ip: string, id: string) => ds(ip).insights(range30).find((i) => i.id === id)!.rows.length;
    for (const id of ['virustotal', 'recorded-future', 'anomali', 'mdti-reputation']) expect(rows('203.0.113.7', id), id).to.be.above(0);
    expect(rows('2001:db8:85a3::8a2e:370:7334', 'office-activity')).to.be.above(0);
    expect(rows('2001:db8:85a3::8a2e:370:7334', 'directory-changes')).to.be.above(0);
    expect(rows('10.20.30.40', 'windows-logons')).to.be.above(0);
    expect(rows('10.20.30.40', 'linux-logons')).to.be.above(0);
    // A C2 server does not sign in to Windows; an IP never observed has no intelligence.
    expect(rows('203.0.113.7', 'windows-logons')).to.equal(0);
    for (const id of ['virustotal', 'recorded-future', 'anomali', 'mdti-reputation']) expect(rows('192.0.2.200', id), id).to.equal(0);
  });

  it('summarizes consistently with the alert list', () => {
    const d = ds('198.51.100.23');
    const s = d.summary(range30);
    const src = d.alertSource();
    const count = (filter: object) => queryAlerts(src, { range: range30, filter, offset: 0, limit: 0 }).total;
    expect(s.alertsBySeverity.high).to.equal(count({ kind: ['alert'], severity: ['high'] }));
    expect(s.incidentsBySeverity.medium).to.equal(count({ kind: ['incident'], severity: ['medium'] }));
    expect(s.activeAlerts).to.equal(count({ kind: ['alert'], status: ['new', 'inProgress'] }));
    expect(s.openIncidents).to.equal(count({ kind: ['incident'], status: ['new', 'inProgress'] }));
  });

  it('reports nothing observed for the never-observed IP but still enriches it', () => {
    const d = ds('192.0.2.200');
    expect(d.summary(range30)).to.include({ organizationPrevalence: 0, openIncidents: 0, activeAlerts: 0 });
    expect(d.prevalence(range30).totalDevices).to.equal(0);
    expect(d.details().organization).to.be.a('string');
  });

  it('describes a private IP as internal, with a logged host', () => {
    const d = ds('10.20.30.40');
    expect(d.details().asn).to.equal(undefined);
    expect(d.logActivity(range30).loggedHosts.length).to.equal(1);
  });

  it('moves with "now" so the demo always has recent data', () => {
    const later = ds('203.0.113.7', NOW + 10 * DAY_MS);
    expect(Date.parse(later.alert(0).lastActivity)).to.be.above(NOW + 9 * DAY_MS);
  });
});
