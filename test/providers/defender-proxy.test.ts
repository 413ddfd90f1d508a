/**
 * The Defender for Endpoint proxy recipe of docs/providers/defender.md (docs/examples/
 * defender-proxy.mjs), mounted as it stands by the test server at /__defender-proxy and relaying
 * to a stand-in of the API that answers with the API reference's examples.
 */
import { expect } from '@open-wc/testing';
import { DefenderXdrProvider } from '../../src/providers/defender/defender-provider.js';
import { guardProvider } from '../../src/providers/guard.js';
import { IpDataError } from '../../src/data/errors.js';
import { DAY_MS } from '../../src/lib/time-range.js';
import { NOW, useMockApi } from '../helpers/msw.js';

const IP = '203.0.113.7';
const range = { from: new Date(NOW - 30 * DAY_MS), to: new Date(NOW + 3_600_000) };
const o = () => ({ signal: new AbortController().signal });
const TOKEN = 'analyst-delegated-token';
const provider = () => guardProvider(new DefenderXdrProvider({ getToken: async () => TOKEN, defenderUrl: '/__defender-proxy' }));

/** What the stand-in API last received from the relay. */
async function lastUpstream(): Promise<{ method?: string; path?: string; authorization?: string; cookie?: string; body?: string }> {
  return (await fetch('/__fake-mde/__last')).json();
}

describe('the Defender for Endpoint proxy recipe', () => {
  // Graph (hunting, alerts) still comes from the mocks; the proxy path is not mocked, so it reaches the test server.
  useMockApi();

  it('relays the page’s calls with the analyst’s own token, and nothing of the page’s cookies', async () => {
    document.cookie = 'portal-session=secret; path=/';
    try {
      const summary = await provider().getSecuritySummary(IP, range, o());
      // The statistics are the API reference's example, so they came through the relay.
      expect(summary.organizationPrevalence).to.equal(63515);
      const seen = await lastUpstream();
      expect(seen.path).to.match(new RegExp(`^/api/ips/${IP.replace(/\./g, '\\.')}/stats\\?lookBackHours=\\d+$`));
      expect(seen.authorization).to.equal(`Bearer ${TOKEN}`);
      expect(seen.cookie, 'no cookie reaches Microsoft').to.equal(undefined);
    } finally {
      document.cookie = 'portal-session=; path=/; max-age=0';
    }
  });

  it('adds an indicator and lists the device groups through it', async () => {
    const p = provider();
    expect(await p.listDeviceGroups!(o())).to.deep.equal(['GroupOne', 'GroupTwo']);
    const indicator = await p.addIndicator!({ indicatorValue: IP, indicatorType: 'IpAddress', action: 'Block', title: 'C2', description: 'Beaconing', generateAlert: true }, o());
    expect(indicator).to.include({ id: '995', indicatorValue: IP, action: 'Block' });
    const seen = await lastUpstream();
    expect(seen.method).to.equal('POST');
    expect(JSON.parse(seen.body ?? '{}')).to.include({ indicatorValue: IP, indicatorType: 'IpAddress', action: 'Block' });
  });

  it('lists the indicators set for the IP and removes one through it', async () => {
    const p = provider();
    await p.addIndicator!({ indicatorValue: '198.51.100.77', indicatorType: 'IpAddress', action: 'Audit', title: 'Watch', description: 'Audit first', generateAlert: false }, o());
    const listed = await p.listIndicators!('198.51.100.77', o());
    expect(listed.map((i) => i.action)).to.deep.equal(['Audit']);
    expect(decodeURIComponent((await lastUpstream()).path!)).to.equal("/api/indicators?$filter=indicatorValue eq '198.51.100.77'");
    await p.removeIndicator!(listed[0]!.id, o());
    expect(await lastUpstream()).to.include({ method: 'DELETE', path: `/api/indicators/${listed[0]!.id}` });
    expect(await p.listIndicators!('198.51.100.77', o())).to.deep.equal([]);
  });

  it('relays nothing but the page’s own calls, and nothing without a token', async () => {
    const auth = { Authorization: `Bearer ${TOKEN}` };
    for (const [method, path] of [
      ['GET', '/api/alerts'],
      ['DELETE', '/api/machines/995'],
      ['DELETE', '/api/indicators/995%2F..%2Fmachines'],
      ['GET', '/api/ips/1.2.3.4/stats/../../machines'],
      ['GET', '/api/ips/1.2.3.4%2F..%2F..%2Fmachines/stats'],
      ['POST', '/api/ips/1.2.3.4/stats'],
    ] as const) {
      const answer = await fetch(`/__defender-proxy${path}`, { method, headers: auth });
      expect(answer.status, `${method} ${path}`).to.equal(403);
      expect(((await answer.json()) as { error: { code: string } }).error.code).to.equal('NotRelayed');
    }
    expect((await fetch('/__defender-proxy/api/exposureScore/ByMachineGroups')).status, 'no token').to.equal(401);
    const big = await fetch('/__defender-proxy/api/indicators', { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ title: 'x'.repeat(70_000) }) });
    expect(big.status, 'a body past the cap').to.equal(413);
  });

  it('does not follow a redirect the API answers, so the token goes nowhere else', async () => {
    const error = await provider()
      .getSecuritySummary('192.0.2.99', range, o())
      .then(() => undefined, (e: unknown) => e);
    expect(error).to.be.instanceOf(IpDataError);
    expect((error as IpDataError).message).to.contain('redirect');
  });
});
