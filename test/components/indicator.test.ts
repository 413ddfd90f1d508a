import { expect } from '@open-wc/testing';
import { indicatorIneligibility, indicatorProblem, indicatorProblems } from '../../src/components/shared/indicator.js';
import type { IndicatorInput } from '../../src/data/model.js';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const valid: IndicatorInput = {
  indicatorValue: '203.0.113.7',
  indicatorType: 'IpAddress',
  action: 'Block',
  title: 'C2 server',
  description: 'Cobalt Strike team server',
  generateAlert: false,
};

describe('indicator rules', () => {
  it('accepts external IPv4 and IPv6 addresses', () => {
    expect(indicatorIneligibility('203.0.113.7')).to.equal(undefined);
    expect(indicatorIneligibility('8.8.8.8')).to.equal(undefined);
    expect(indicatorIneligibility('2001:4860:4860::8888')).to.equal(undefined);
    expect(indicatorProblems(valid, NOW)).to.deep.equal({});
  });

  it('refuses internal addresses and ranges, saying why', () => {
    expect(indicatorIneligibility('10.20.30.40')).to.contain('private address').and.to.contain('Only external');
    expect(indicatorIneligibility('127.0.0.1')).to.contain('loopback');
    expect(indicatorIneligibility('169.254.1.1')).to.contain('link-local');
    expect(indicatorIneligibility('fe80::1')).to.contain('link-local');
    expect(indicatorIneligibility('100.64.0.1')).to.contain('carrier-grade nat');
    expect(indicatorIneligibility('203.0.113.0/24')).to.contain('CIDR');
    expect(indicatorIneligibility('not an ip')).to.be.a('string');
  });

  it('follows the IPv4 address inside NAT64 and 6to4 addresses', () => {
    expect(indicatorIneligibility('64:ff9b::808:808')).to.equal(undefined);
    expect(indicatorIneligibility('64:ff9b::a00:1')).to.contain('private address');
    expect(indicatorIneligibility('2002:c0a8:101::1')).to.contain('private address');
  });

  it('requires a title and a description, within Defender’s lengths', () => {
    const p = indicatorProblems({ ...valid, title: '  ', description: '' }, NOW);
    expect(p.title).to.equal('Enter a title.');
    expect(p.description).to.equal('Enter a description.');
    expect(indicatorProblems({ ...valid, title: 'x'.repeat(151) }, NOW).title).to.contain('at most 150');
  });

  it('requires generateAlert for Audit', () => {
    expect(indicatorProblems({ ...valid, action: 'Audit' }, NOW).generateAlert).to.contain('Generate alert');
    expect(indicatorProblems({ ...valid, action: 'Audit', generateAlert: true }, NOW)).to.deep.equal({});
  });

  it('checks the action, the severity spelling and the expiration', () => {
    expect(indicatorProblems({ ...valid, action: 'Nuke' }, NOW).action).to.be.a('string');
    expect(indicatorProblems({ ...valid, severity: 'high' as never }, NOW).severity).to.contain('Informational, Low, Medium, High');
    expect(indicatorProblems({ ...valid, expirationTime: '2026-11-22T00:00:00Z' }, NOW).expirationTime).to.contain('future');
    expect(indicatorProblems({ ...valid, expirationTime: 'soon' }, NOW).expirationTime).to.contain('valid');
    expect(indicatorProblems({ ...valid, expirationTime: '2026-12-23T00:00:00Z' }, NOW)).to.deep.equal({});
  });

  it('gives the first problem as one message for servers', () => {
    expect(indicatorProblem({ ...valid, indicatorValue: '192.168.1.1' }, NOW)).to.contain('Only external');
    expect(indicatorProblem(valid, NOW)).to.equal(undefined);
  });
});
