import { expect } from '@open-wc/testing';
import { checkFilter, filterCount, MAX_FILTER_VALUES, parseFilter, parseSort, sameFilter, serializeFilter, serializeSort } from '../../src/data/alert-filter.js';

describe('alert filter', () => {
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

  it('keeps only values the list can apply, and says what it left out', () => {
    const given = parseFilter('severity:constructor,high;status:__proto__,new;classification:,toString;firstActivity:yesterday..,2026-11-01..2026-11-05;alertCount:3,x;category:Command and control;__proto__:x');
    const { filter, dropped } = checkFilter(given);
    expect(filter).to.deep.equal({ severity: ['high'], status: ['new'], classification: [null], category: ['Command and control'], firstActivity: ['2026-11-01..2026-11-05'], alertCount: ['3'] });
    expect(Object.getPrototypeOf(filter)).to.equal(Object.prototype);
    expect(dropped.map((d) => `${d.field}:${d.value}:${d.reason}`)).to.deep.equal([
      'severity:constructor:unknown',
      'status:__proto__:unknown',
      'classification:toString:unknown',
      'firstActivity:yesterday..:interval',
      'alertCount:x:unknown',
    ]);
    const many = checkFilter({ tags: Array.from({ length: MAX_FILTER_VALUES + 3 }, (_, i) => `t${i}`), assignedTo: ['x'.repeat(300)] });
    expect(many.filter.tags).to.have.length(MAX_FILTER_VALUES);
    expect(many.dropped.map((d) => d.reason)).to.deep.equal(['long', 'many', 'many', 'many']);
    expect(checkFilter({ severity: ['high', 'low'] })).to.deep.equal({ filter: { severity: ['high', 'low'] }, dropped: [] });
  });
});
