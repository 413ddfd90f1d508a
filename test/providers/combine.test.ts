import { expect } from '@open-wc/testing';
import { combineProviders } from '../../src/providers/combine.js';
import { resolveCapabilities, type IpDataProvider } from '../../src/data/provider.js';
import { IpDataError, PartlyAppliedError } from '../../src/data/errors.js';
import { DAY_MS } from '../../src/lib/time-range.js';
import { makeAlert, makeDevice, makeEvent } from '../helpers/fixtures.js';
import { dataError, recording, rejection, staticProvider, withOverrides } from '../helpers/providers.js';

const IP = '203.0.113.7';
const o = () => ({ signal: new AbortController().signal });
const lastDays = (days: number) => ({ from: new Date(Date.now() - days * DAY_MS), to: new Date(Date.now() + 60_000) });
const daysAgo = (d: number) => new Date(Date.now() - d * DAY_MS).toISOString();

/** A 30-day source that can change alerts (as Defender), and a 90-day read-only one (as Sentinel). */
function sources() {
  const shallowData = {
    details: { organization: 'Northwind Cloud', asn: 64496, reverseDns: ['a.example'], whois: { registrar: 'RIPE NCC' } },
    alerts: [makeAlert({ id: 'near-1', title: 'Recent beacon', firstActivity: daysAgo(3), lastActivity: daysAgo(2) })],
    devices: [makeDevice({ id: 'dev-1', firstSeen: daysAgo(20), lastSeen: daysAgo(2) })],
    deviceEvents: { 'dev-1': [makeEvent({ timestamp: daysAgo(2) })] },
  };
  const deepData = {
    details: { organization: 'Ignored: the first source has one', city: 'Amsterdam', carrier: 'Northwind Mobile', latitude: 52.35, longitude: 4.95, reverseDns: ['a.example', 'b.example'], whois: { registrar: 'other', country: 'NL' } },
    alerts: [
      makeAlert({ id: 'near-1', title: 'Recent beacon', firstActivity: daysAgo(3), lastActivity: daysAgo(2) }),
      makeAlert({ id: 'old-1', title: 'Old scan', firstActivity: daysAgo(61), lastActivity: daysAgo(60) }),
    ],
  };
  const shallow = recording(withOverrides(staticProvider({ [IP]: shallowData }), { getCapabilities: async () => ({ updateAlerts: true, deviceEvents: true, maxLookbackDays: 30 }) }));
  const deep = recording(withOverrides(staticProvider({ [IP]: deepData }, { readOnly: true, sentinel: true }), { getCapabilities: async () => ({ updateAlerts: false, maxLookbackDays: 90 }) }));
  delete (deep.provider as { updateAlerts?: unknown }).updateAlerts;
  delete (deep.provider as { listDeviceEvents?: unknown }).listDeviceEvents;
  return { shallow, deep, both: combineProviders(shallow.provider, deep.provider) };
}

const query = (days: number) => ({ range: lastDays(days), offset: 0, limit: 50 });

describe('combineProviders', () => {
  it('offers the deepest source’s look-back', async () => {
    const { both } = sources();
    const caps = await resolveCapabilities(both, o());
    expect(caps).to.include({ maxLookbackDays: 90, updateAlerts: true, deviceEvents: true });
  });

  it('answers a range from the first source that keeps all of it', async () => {
    const { shallow, deep, both } = sources();
    const week = await both.listAlerts(IP, query(7), o());
    expect(week.items.map((a) => a.id)).to.deep.equal(['near-1']);
    expect(shallow.calls.filter((c) => c.method === 'listAlerts')).to.have.length(1);
    expect(deep.calls.filter((c) => c.method === 'listAlerts')).to.have.length(0);
    // "The last 30 days" resolved a while ago still belongs to the 30-day source.
    await both.getSecuritySummary(IP, { from: new Date(Date.now() - 30 * DAY_MS - 3_600_000), to: new Date() }, o());
    expect(shallow.calls.filter((c) => c.method === 'getSecuritySummary')).to.have.length(1);

    const twoMonths = await both.listAlerts(IP, query(75), o());
    expect(twoMonths.items.map((a) => a.id)).to.have.members(['near-1', 'old-1']);
    expect(twoMonths.incomplete).to.equal(undefined);
    const summary = await both.getSecuritySummary(IP, lastDays(75), o());
    expect(summary.alertsBySeverity.medium).to.equal(2);
    expect(deep.calls.map((c) => c.method)).to.include.members(['listAlerts', 'getSecuritySummary']);
  });

  it('answers what it keeps of a longer range, and says so', async () => {
    const { shallow, deep, both } = sources();
    const page = await both.listAlerts(IP, query(200), o());
    expect(page.items.map((a) => a.id)).to.have.members(['near-1', 'old-1']);
    expect(page.incomplete).to.match(/keeps 90 days/);
    const asked = deep.calls.find((c) => c.method === 'listAlerts')!.args[1] as { range: { from: Date } };
    expect(Date.now() - asked.range.from.getTime()).to.be.closeTo(90 * DAY_MS, 60_000);
    expect((await both.getSecuritySummary(IP, lastDays(200), o())).incomplete).to.match(/keeps 90 days/);

    // A method only the 30-day source has gets the last 30 days of a longer range.
    const events = await both.listDeviceEvents!(IP, 'dev-1', lastDays(60), o());
    expect(events).to.have.length(1);
    const range = shallow.calls.find((c) => c.method === 'listDeviceEvents')!.args[2] as { from: Date };
    expect(Date.now() - range.from.getTime()).to.be.closeTo(30 * DAY_MS, 60_000);
  });

  it('changes an alert where it was listed, and refuses one from a source that cannot change it', async () => {
    const { shallow, both } = sources();
    await both.listAlerts(IP, query(7), o());
    const [updated] = await both.updateAlerts!(['near-1'], { status: 'resolved' }, o());
    expect(updated!.status).to.equal('resolved');

    await both.listAlerts(IP, query(75), o());
    const error = await dataError(both.updateAlerts!(['old-1'], { status: 'resolved' }, o()));
    expect(error.message).to.match(/cannot change alerts in: nothing was changed\. Choose a time range of 30 days or less/);
    expect(shallow.calls.filter((c) => c.method === 'updateAlerts')).to.have.length(1);
  });

  it('says which changes were applied when a second source fails', async () => {
    const a = withOverrides(staticProvider({ [IP]: { alerts: [makeAlert({ id: 'x-1', lastActivity: daysAgo(1) })] } }), { getCapabilities: async () => ({ maxLookbackDays: 30 }) });
    const b = withOverrides(staticProvider({ [IP]: { alerts: [makeAlert({ id: 'y-1', lastActivity: daysAgo(40) })] } }), {
      getCapabilities: async () => ({ maxLookbackDays: 90 }),
      updateAlerts: async () => {
        throw new IpDataError('unavailable', 'The second source is down.');
      },
    });
    const both = combineProviders(a, b);
    await both.listAlerts(IP, query(7), o());
    await both.listAlerts(IP, query(60), o());
    const error = (await rejection(both.updateAlerts!(['x-1', 'y-1'], { status: 'resolved' }, o()))) as PartlyAppliedError<{ id: string }>;
    expect(error).to.be.instanceOf(PartlyAppliedError);
    expect(error.applied.map((x) => x.id)).to.deep.equal(['x-1']);
    expect(error.message).to.match(/1 of 2 were changed.*The second source is down/);
  });

  it("merges every source's indicators, newest first, and keeps one source's when another fails", async () => {
    const made = (id: string, action: string, daysBack: number) => ({ id, indicatorValue: IP, indicatorType: 'IpAddress' as const, action, title: id, description: '', generateAlert: false, creationTimeDateTimeUtc: daysAgo(daysBack) });
    const block = withOverrides(staticProvider(), { listIndicators: async () => [made('block', 'Block', 5)] });
    const intel = withOverrides(staticProvider(), { listIndicators: async () => [made('intel-new', 'ThreatIntel', 1), made('intel-old', 'ThreatIntel', 9)] });
    const both = combineProviders(block, intel);
    expect((await both.listIndicators!(IP, o())).map((i) => i.id)).to.deep.equal(['intel-new', 'block', 'intel-old']);
    const failing = withOverrides(staticProvider(), { listIndicators: async () => Promise.reject(new IpDataError('unavailable', 'TI down.')) });
    expect((await combineProviders(block, failing).listIndicators!(IP, o())).map((i) => i.id)).to.deep.equal(['block']);
    const error = await rejection(combineProviders(failing, failing).listIndicators!(IP, o()));
    expect((error as IpDataError).message).to.equal('TI down.');
  });

  it('combines the IP details per field, and keeps one source’s answer when another fails', async () => {
    const { shallow, deep, both } = sources();
    const details = await both.getIpDetails(IP, o());
    expect(details).to.include({ ip: IP, organization: 'Northwind Cloud', asn: 64496, city: 'Amsterdam', carrier: 'Northwind Mobile', latitude: 52.35, longitude: 4.95 });
    expect(details.reverseDns).to.deep.equal(['a.example', 'b.example']);
    expect(details.whois).to.deep.equal({ registrar: 'RIPE NCC', country: 'NL' });

    const failing = (p: IpDataProvider) =>
      withOverrides(p, {
        getIpDetails: async () => {
          throw new IpDataError('rate-limited', 'Slow down.');
        },
      });
    const partly = await combineProviders(failing(shallow.provider), deep.provider).getIpDetails(IP, o());
    expect(partly).to.include({ organization: 'Ignored: the first source has one', city: 'Amsterdam' });
    const none = await dataError(combineProviders(failing(shallow.provider), failing(deep.provider)).getIpDetails(IP, o()));
    expect(none.kind).to.equal('rate-limited');
  });
});
