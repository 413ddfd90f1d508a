import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/dom.js';
import { IncidentExpansions } from '../../src/components/alerts-list/expansions.js';
import type { AlertItem } from '../../src/data/model.js';
import { manualProvider } from '../helpers/providers.js';

const RANGE = { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') };
const incident = (id: string) => ({ id, kind: 'incident' }) as AlertItem;
const alert = (id: string) => ({ id, kind: 'alert' }) as AlertItem;

describe('alerts-list/expansions', () => {
  it('maps display rows to data rows and the alerts of expanded incidents, in order', async () => {
    const { provider, pending } = manualProvider();
    let changes = 0;
    const x = new IncidentExpansions(() => changes++);
    const source = { provider, ip: '203.0.113.7', range: RANGE };
    x.toggle(incident('i5'), 5, source);
    x.toggle(incident('i1'), 1, source);
    // While loading, each expansion is one row (its "Loading…" line).
    expect(x.count(10)).to.equal(12);
    expect(x.row(2)).to.deep.equal({ kind: 'child', parent: 1, parentId: 'i1', child: 0 });
    expect(pending.map((p) => (p.args[1] as { filter: unknown }).filter)).to.deep.equal([{ incidentId: ['i5'] }, { incidentId: ['i1'] }]);
    pending.find((p) => JSON.stringify(p.args[1]).includes('i1'))!.resolve({ items: [alert('a1'), alert('a2'), alert('a3')], total: 3 });
    await waitUntil(() => changes === 1);
    expect(x.count(10)).to.equal(14);
    expect([x.row(0), x.row(1), x.row(4), x.row(5), x.row(7), x.row(8), x.row(9)]).to.deep.equal([
      { kind: 'row', index: 0 },
      { kind: 'row', index: 1 },
      { kind: 'child', parent: 1, parentId: 'i1', child: 2 },
      { kind: 'row', index: 2 },
      { kind: 'row', index: 4 },
      { kind: 'row', index: 5 },
      { kind: 'child', parent: 5, parentId: 'i5', child: 0 },
    ]);
    expect(x.child({ kind: 'child', parent: 1, parentId: 'i1', child: 1 })?.id).to.equal('a2');
    // Collapsing aborts what is still loading.
    const loading = pending[0]!;
    x.toggle(incident('i5'), 5, source);
    expect(loading.signal.aborted).to.equal(true);
    expect(x.count(10)).to.equal(13);
  });

  it('keeps a failure on its incident and asks again after a pause only for what never arrived', async () => {
    const { provider, pending, all } = manualProvider();
    let changes = 0;
    const x = new IncidentExpansions(() => changes++);
    const source = { provider, ip: '203.0.113.7', range: RANGE };
    x.toggle(incident('i1'), 0, source);
    x.toggle(incident('i2'), 3, source);
    pending[0]!.reject(new Error('boom'));
    await waitUntil(() => changes === 1);
    expect(x.get('i1')!.error).to.contain('boom');
    x.pause();
    expect(all[1]!.signal.aborted).to.equal(true);
    x.resume(source);
    expect(all).to.have.length(3);
    expect(JSON.stringify(all[2]!.args[1])).to.contain('i2');
  });
});
