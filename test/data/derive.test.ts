import { expect } from '@open-wc/testing';
import { isOpen, summarize } from '../../src/data/derive.js';
import type { AlertItem } from '../../src/data/model.js';
import { DAY_MS } from '../../src/lib/time-range.js';

const NOW = Date.UTC(2026, 10, 20);
const range = { from: new Date(NOW - 7 * DAY_MS), to: new Date(NOW) };
const item = (id: string, kind: AlertItem['kind'], status: string): AlertItem => ({
  id, kind, title: id, severity: 'high', status, classification: null, impactedAssets: [],
  firstActivity: new Date(NOW - DAY_MS).toISOString(), lastActivity: new Date(NOW - DAY_MS).toISOString(),
});

describe('what counts as open', () => {
  it('is new or in progress, in any backend’s spelling; resolved, merged and unknown are not', () => {
    for (const s of ['new', 'inProgress', 'InProgress', 'New']) expect(isOpen(s), s).to.equal(true);
    for (const s of ['resolved', 'Resolved', 'redirected', 'unknown', 'unknownFutureValue', '', undefined]) expect(isOpen(s), String(s)).to.equal(false);
  });

  it('gives the summary’s open incidents and active alerts', () => {
    const summary = summarize(
      [item('i1', 'incident', 'new'), item('i2', 'incident', 'redirected'), item('i3', 'incident', 'resolved'), item('a1', 'alert', 'inProgress'), item('a2', 'alert', 'unknown'), item('a3', 'alert', 'new')],
      [],
      range,
    );
    expect(summary.openIncidents).to.equal(1);
    expect(summary.activeAlerts).to.equal(2);
  });
});
