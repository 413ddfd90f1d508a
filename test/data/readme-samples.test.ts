/**
 * The README's sample rows ("Your own provider") are what a provider may return: the readers every
 * answer goes through accept them as they are written there. (That its example is the file CI
 * runs is checked by scripts/consumer-apps.mjs.)
 */
import { expect } from '@open-wc/testing';
import { readAnswer } from '../../src/providers/validate.js';

async function samples(): Promise<unknown[]> {
  const readme = await (await fetch('/README.md')).text();
  const section = readme.slice(readme.indexOf('### Your own provider'), readme.indexOf('#### Links without code'));
  return [...section.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!) as unknown);
}

describe('the README’s sample rows', () => {
  it('are an AlertItem and an ObservedDevice the readers accept unchanged', async () => {
    const [alert, device] = await samples();
    expect(alert, 'the README has no sample alert').to.be.an('object');
    const [a] = readAnswer('listAlerts', { items: [alert], total: 1 }).items;
    expect(a).to.deep.include({ id: 'da637', incidentId: 'INC-1', severity: 'high', category: 'CommandAndControl', impactedAssets: [{ kind: 'device', name: 'ws-fin-07' }] });
    expect(Date.parse(a!.firstActivity)).to.equal(Date.parse('2026-11-20T08:14:00Z'));
    expect(a!.unreadable ?? a!.partial, 'the reader found something wrong in the sample alert').to.equal(undefined);
    const [d] = readAnswer('listObservedDevices', { items: [device], total: 1 }).items;
    expect(d).to.deep.include({ name: 'ws-fin-07', connectionCount: 42 });
    expect(d!.lastEvent).to.deep.include({ actionType: 'ConnectionSuccess', direction: 'outbound', remotePort: 443 });
    expect(d!.unreadable ?? d!.partial ?? d!.lastEvent.unreadable ?? d!.lastEvent.partial, 'the reader found something wrong in the sample device').to.equal(undefined);
  });
});
