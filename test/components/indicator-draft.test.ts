import { expect } from '@open-wc/testing';
import { draftProblems, draftToInput, emptyDraft, expirationTime, isDirty, STEP_FIELDS, WIZARD_STEPS, type IndicatorDraft } from '../../src/components/indicator-wizard/indicator-draft.js';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const IP = '203.0.113.7';
const filled = (patch: Partial<IndicatorDraft> = {}): IndicatorDraft => ({ ...emptyDraft(), title: ' C2 server ', description: 'Team server', ...patch });

describe('indicator draft', () => {
  it('turns a draft into the Defender API’s indicator, trimmed, with alert fields only when alerting', () => {
    expect(draftToInput(filled({ recommendedActions: '  Isolate  ' }), IP, NOW)).to.deep.equal({
      indicatorValue: IP,
      indicatorType: 'IpAddress',
      action: 'Block',
      title: 'C2 server',
      description: 'Team server',
      generateAlert: true,
      severity: 'High',
      category: 'CommandAndControl',
      recommendedActions: 'Isolate',
    });
    const quiet = draftToInput(filled({ generateAlert: false, action: 'Allowed', scope: 'groups', groups: ['Servers'] }), IP, NOW);
    expect(quiet).to.not.have.keys('severity', 'category');
    expect(quiet.rbacGroupNames).to.deep.equal(['Servers']);
  });

  it('expires after the chosen days, or at the end of the chosen day (UTC), or never', () => {
    expect(expirationTime(filled(), NOW)).to.equal(undefined);
    expect(expirationTime(filled({ expiration: '7' }), NOW)).to.equal('2026-11-30T12:00:00.000Z');
    expect(expirationTime(filled({ expiration: 'date', expirationDate: '2026-12-24' }), NOW)).to.equal('2026-12-24T23:59:59.000Z');
    expect(expirationTime(filled({ expiration: 'date', expirationDate: '24.12.2026' }), NOW)).to.equal(null);
  });

  it('names the form field of each problem, so each step can show its own', () => {
    expect(draftProblems(filled(), IP, NOW)).to.deep.equal({});
    const problems = draftProblems({ ...emptyDraft(), expiration: 'date', action: 'Audit', generateAlert: false, scope: 'groups' }, IP, NOW);
    expect(Object.keys(problems).sort()).to.deep.equal(['description', 'expirationDate', 'generateAlert', 'groups', 'title']);
    expect(problems['expirationDate']).to.equal('Choose the date it expires.');
    expect(draftProblems(filled({ expiration: 'date', expirationDate: '2020-01-01' }), IP, NOW)['expirationDate']).to.contain('future');
    // Every problem field belongs to exactly one step.
    const owners = Object.keys(problems).map((f) => WIZARD_STEPS.filter((s) => STEP_FIELDS[s].includes(f)).length);
    expect(owners.every((n) => n === 1)).to.equal(true);
  });

  it('knows when the analyst typed something (closing then asks first)', () => {
    expect(isDirty(emptyDraft())).to.equal(false);
    expect(isDirty({ ...emptyDraft(), title: 'x' })).to.equal(true);
    expect(isDirty({ ...emptyDraft(), groups: ['Servers'] })).to.equal(true);
  });
});
