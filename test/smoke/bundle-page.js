// Plain JavaScript, as a host without a bundler would write it: the built bundle only.
import { StaticIpDataProvider } from '../../dist/bundle/ip-entity-page.bundle.js';

const now = Date.now();
const iso = (hoursAgo) => new Date(now - hoursAgo * 3_600_000).toISOString();
const device = (id, first, last) => ({
  id,
  name: `WS-${id}`,
  firstSeen: iso(first),
  lastSeen: iso(last),
  connectionCount: 3,
  lastEvent: { timestamp: iso(last), actionType: 'ConnectionSuccess', direction: 'outbound', remoteIp: '203.0.113.7' },
});
document.getElementById('page').provider = new StaticIpDataProvider({
  data: {
    '203.0.113.7': {
      details: { organization: 'Smoke Test Hosting', asn: 64511, reverseDns: ['smoke.example'] },
      devices: [device('A', 300, 2), device('B', 200, 30), device('C', 100, 50)],
      alerts: [{ id: 'a1', kind: 'alert', title: 'Smoke alert', severity: 'high', status: 'new', classification: null, impactedAssets: [], firstActivity: iso(40), lastActivity: iso(39) }],
    },
  },
});
