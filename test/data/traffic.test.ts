import { expect } from '@open-wc/testing';
import { beaconStats, trafficFromEvents } from '../../src/data/traffic-compute.js';
import { beaconScore, trafficBucket } from '../../src/data/traffic.js';
import type { DeviceEvent } from '../../src/data/model.js';

const T0 = Date.UTC(2026, 10, 20, 12, 0, 0);
const at = (...seconds: number[]) => seconds.map((s) => T0 + s * 1000);
const connection = (seconds: number, over: Partial<DeviceEvent> = {}): DeviceEvent => ({ timestamp: new Date(T0 + seconds * 1000).toISOString(), actionType: 'ConnectionSuccess', direction: 'outbound', remotePort: 443, protocol: 'Tcp', ...over });
const range = { from: new Date(T0 - 3_600_000), to: new Date(T0 + 86_400_000) };

describe('beacon statistics', () => {
  it('measures the intervals: median, jitter as the median deviation, and the share on time', () => {
    // Intervals 60, 62, 58, 60, 300: median 60; deviations 0, 2, 2, 0, 240 → jitter 2; 4 of 5 within ±6 s.
    const s = beaconStats(at(0, 60, 122, 180, 240, 540))!;
    expect(s).to.include({ intervals: 5, medianSeconds: 60, jitterSeconds: 2, regularity: 0.8 });
    expect(s.score).to.equal(beaconScore(s));
  });

  it('counts connections in the same second once, in any order', () => {
    // Parallel connections (a browser opening six) are one moment, not five zero-second intervals.
    const s = beaconStats([...at(0, 0, 0, 300, 300, 600, 900), T0 + 900_400])!;
    expect(s).to.include({ intervals: 3, medianSeconds: 300, jitterSeconds: 0, regularity: 1 });
    expect(beaconStats(at(900, 0, 600, 300))).to.deep.equal(beaconStats(at(0, 300, 600, 900)));
  });

  it('says nothing about fewer than three intervals', () => {
    expect(beaconStats(at(0, 60, 120))).to.equal(undefined);
    expect(beaconStats([])).to.equal(undefined);
  });

  it('takes the lower middle of an even count, as KQL’s percentile does on few values', () => {
    expect(beaconStats(at(0, 10, 30, 60, 100))!.medianSeconds).to.equal(20);
  });

  it('scores a steady beacon high and irregular traffic low', () => {
    const steady = beaconStats(Array.from({ length: 200 }, (_, i) => T0 + i * 300_000 + ((i * 7919) % 31) * 1000))!;
    let x = 1;
    const irregular = beaconStats(Array.from({ length: 200 }, () => T0 + ((x = (x * 48271) % 2147483647) % 86_400) * 1000))!;
    expect(steady.score).to.be.greaterThan(0.9);
    expect(irregular.score).to.be.lessThan(0.5);
    // A handful of on-time intervals proves less than many.
    expect(beaconScore({ intervals: 3, medianSeconds: 60, jitterSeconds: 0, regularity: 1 })).to.be.lessThan(beaconScore({ intervals: 30, medianSeconds: 60, jitterSeconds: 0, regularity: 1 }));
  });
});

describe('traffic from events (computed in the browser)', () => {
  it('counts connections per device and bucket, lists ports, and puts the beacon first', () => {
    const beacon = Array.from({ length: 48 }, (_, i) => connection(i * 900));
    const other = [connection(10, { remotePort: 80 }), connection(4000, { remotePort: 80 }), connection(4100), connection(20_000, { remotePort: 80 }), connection(70_000, { remotePort: 80 })];
    const dns = { ...connection(5), actionType: 'DnsQueryResponse', remotePort: 53 };
    const t = trafficFromEvents(
      [
        { deviceId: 'b', deviceName: 'WS-OTHER', events: [...other, dns] },
        { deviceId: 'a', deviceName: 'WS-BEACON', events: beacon },
        { deviceId: 'c', deviceName: 'WS-OUTSIDE', events: [connection(-7200)] },
      ],
      range,
      10,
    );
    expect(t.computedBy).to.equal('browser');
    expect(t.total, 'a device with no connection in the range is not counted').to.equal(2);
    expect(t.devices.map((d) => d.deviceName)).to.deep.equal(['WS-BEACON', 'WS-OTHER']);
    const [a, b] = t.devices;
    expect(a!.beacon).to.include({ medianSeconds: 900, regularity: 1, intervals: 47 });
    expect(b!.connections, 'a DNS answer is not a connection').to.equal(5);
    expect(b!.ports).to.deep.equal([{ port: 80, protocol: 'Tcp', connections: 4 }, { port: 443, protocol: 'Tcp', connections: 1 }]);
    const bucket = trafficBucket(range);
    expect(t.series).to.deep.equal({ start: new Date(bucket.start).toISOString(), bucketSeconds: bucket.bucketSeconds });
    expect(a!.series!.reduce((x, y) => x + y, 0)).to.equal(48);
    expect(a!.series!.length).to.equal(bucket.count);
    expect(a!.firstSeen).to.equal(new Date(T0).toISOString());
  });

  it('keeps a series to at most 180 buckets, aligned to whole buckets since the epoch', () => {
    for (const days of [1, 7, 30, 90, 180]) {
      const to = Date.UTC(2026, 11, 5, 13, 17);
      const b = trafficBucket({ from: new Date(to - days * 86_400_000), to: new Date(to) });
      expect(b.count, `${days} days`).to.be.at.most(181);
      expect(b.start % (b.bucketSeconds * 1000)).to.equal(0);
    }
  });
});
