import { expect } from '@open-wc/testing';
import { csvCell, csvRow, toCsv } from '../../src/lib/csv.js';

describe('lib/csv', () => {
  it('neutralizes every formula start (OWASP CSV injection)', () => {
    expect(csvCell('=cmd|"/c calc"!A1')).to.equal(`"'=cmd|""/c calc""!A1"`);
    expect(csvCell('+1+1')).to.equal("'+1+1");
    expect(csvCell('-2+3')).to.equal("'-2+3");
    expect(csvCell('@SUM(A1)')).to.equal("'@SUM(A1)");
    expect(csvCell('\t=1')).to.equal(`"'\t=1"`);
    expect(csvCell('\r=1')).to.equal(`"'\r=1"`);
    expect(csvCell('\n=1')).to.equal(`"'\n=1"`);
    expect(csvCell('\0x')).to.equal("'\0x");
  });

  it('neutralizes formulas after leading spaces or quotes, and the full-width forms', () => {
    expect(csvCell('  =1+1')).to.equal("'  =1+1");
    expect(csvCell('"=1+1')).to.equal(`"'""=1+1"`);
    expect(csvCell("'=1")).to.equal("''=1");
    expect(csvCell('\u3000=1')).to.equal("'\u3000=1");
    for (const c of ['＝', '＋', '－', '＠']) expect(csvCell(`${c}SUM(A1)`)).to.equal(`'${c}SUM(A1)`);
    // Not formulas: a minus or at-sign later in the text, an e-mail address.
    expect(csvCell('a-b')).to.equal('a-b');
    expect(csvCell('ops@contoso.example')).to.equal('ops@contoso.example');
  });

  it('quotes per RFC 4180: separators, quotes, line breaks; doubles quotes', () => {
    expect(csvCell('plain')).to.equal('plain');
    expect(csvCell('a,b')).to.equal('"a,b"');
    expect(csvCell('say "hi"')).to.equal('"say ""hi"""');
    expect(csvCell('two\nlines')).to.equal('"two\nlines"');
    expect(csvCell('semi;colon')).to.equal('"semi;colon"');
    expect(csvCell(' padded ')).to.equal('" padded "');
  });

  it('writes missing values as empty and arrays joined', () => {
    expect(csvCell(null)).to.equal('');
    expect(csvCell(undefined)).to.equal('');
    expect(csvCell(['a', 'b'])).to.equal('"a; b"');
    expect(csvCell(42)).to.equal('42');
    expect(csvCell(-1)).to.equal("'-1");
  });

  it('builds CRLF rows and documents', () => {
    expect(csvRow(['a', 'b,c'])).to.equal('a,"b,c"\r\n');
    expect(toCsv(['h1', 'h2'], [['1', '=2']])).to.equal("h1,h2\r\n1,'=2\r\n");
  });
});
