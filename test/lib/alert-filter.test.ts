import { expect } from '@open-wc/testing';
import { filterCount, parseFilter, parseSort, sameFilter, serializeFilter, serializeSort } from '../../src/lib/alert-filter.js';

describe('lib/alert-filter', () => {
  it('round-trips filters, with "not set" as an empty value', () => {
    const filter = { severity: ['high', 'medium'], assignedTo: [null, 'kim@contoso.com'], category: ['Command, and; control'] };
    const text = serializeFilter(filter);
    expect(text).to.equal('severity:high,medium;category:Command%2C%20and%3B%20control;assignedTo:,kim%40contoso.com');
    expect(parseFilter(text)).to.deep.equal(filter);
  });

  it('ignores unknown fields and malformed parts', () => {
    expect(parseFilter('severity:high;bogus:x;nocolon;status:')).to.deep.equal({ severity: ['high'], status: [null] });
    expect(parseFilter('')).to.deep.equal({});
    expect(parseFilter('severity:%E0%A4%A')).to.deep.equal({ severity: ['%E0%A4%A'] });
  });

  it('parses sort strings and refuses unknown fields', () => {
    expect(parseSort('severity:asc')).to.deep.equal({ field: 'severity', direction: 'asc' });
    expect(parseSort('title')).to.deep.equal({ field: 'title', direction: 'desc' });
    expect(parseSort('nope:asc')).to.equal(undefined);
    expect(serializeSort({ field: 'lastActivity', direction: 'desc' })).to.equal('lastActivity:desc');
  });

  it('counts and compares filters by value', () => {
    expect(filterCount({ severity: ['high', 'low'], status: ['new'] })).to.equal(3);
    expect(sameFilter({ severity: ['high', 'low'] }, { severity: ['low', 'high'] })).to.equal(true);
    expect(sameFilter({ severity: ['high'] }, { severity: ['low'] })).to.equal(false);
  });
});
