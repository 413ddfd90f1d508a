import { expect } from '@open-wc/testing';
import { exportFileName, exportText, type ExportBatch, type ExportField } from '../../src/components/shared/export.js';

interface Row {
  id: string;
  name: string;
  tags: string[];
}

const fields: ExportField<Row>[] = [
  { key: 'id', label: 'Id', text: (r) => r.id },
  { key: 'name', label: 'Name', text: (r) => r.name },
  { key: 'tags', label: 'Tags', text: (r) => r.tags.join('; '), json: (r) => r.tags },
];

async function* batches(rows: Row[], size: number): AsyncGenerator<ExportBatch<Row>> {
  for (let i = 0; i < rows.length; i += size) yield { items: rows.slice(i, i + size), done: Math.min(rows.length, i + size), total: rows.length };
}

const rows: Row[] = [
  { id: 'a1', name: '=HYPERLINK("http://evil","click")', tags: ['BEC'] },
  { id: 'a2', name: 'plain, with a comma', tags: [] },
  { id: 'a3', name: '-1', tags: ['Ransomware', 'T1486'] },
];

describe('export', () => {
  it('writes CSV through the injection-safe writer, header first, reporting progress per batch', async () => {
    const progress: Array<[number, number]> = [];
    const csv = await exportText('csv', fields, batches(rows, 2), (done, total) => progress.push([done, total]));
    const lines = csv.split('\r\n');
    expect(lines[0]).to.equal('Id,Name,Tags');
    expect(lines[1]).to.equal(`a1,"'=HYPERLINK(""http://evil"",""click"")",BEC`);
    expect(lines[2]).to.equal('a2,"plain, with a comma",');
    expect(lines[3]).to.equal(`a3,'-1,"Ransomware; T1486"`);
    expect(progress).to.deep.equal([[2, 3], [3, 3]]);
  });

  it('writes JSON records with their own values (arrays stay arrays), parseable as a whole', async () => {
    const json = await exportText('json', fields, batches(rows, 2));
    expect(JSON.parse(json)).to.deep.equal([
      { id: 'a1', name: '=HYPERLINK("http://evil","click")', tags: ['BEC'] },
      { id: 'a2', name: 'plain, with a comma', tags: [] },
      { id: 'a3', name: '-1', tags: ['Ransomware', 'T1486'] },
    ]);
    expect(JSON.parse(await exportText('json', fields, batches([], 2)))).to.deep.equal([]);
  });

  it('keeps every column in JSON, whatever the columns are named (an insight’s columns are data)', async () => {
    const cells: ExportField<unknown[]>[] = ['Computer', '__proto__', 'Computer', 'constructor', 'Computer (2)'].map((name, i) => ({ key: name, label: name, text: (row) => row[i] }));
    const json = await exportText('json', cells, (async function* () {
      yield { items: [['WS-1', 'p', 'WS-2', 'c', 'x']], done: 1, total: 1 };
    })());
    expect(json).to.contain('"__proto__":"p"');
    const [record] = JSON.parse(json) as Array<Record<string, unknown>>;
    expect(Object.keys(record!)).to.deep.equal(['Computer', '__proto__', 'Computer (3)', 'constructor', 'Computer (2)']);
    expect(Object.values(record!)).to.deep.equal(['WS-1', 'p', 'WS-2', 'c', 'x']);
  });

  it('names files after what, whose and when, without characters file systems dislike', () => {
    expect(exportFileName('incidents-and-alerts', '2001:db8::1', 'csv', new Date('2026-12-01T10:00:00Z'))).to.equal('incidents-and-alerts-2001-db8--1-2026-12-01.csv');
    expect(exportFileName('devices', '203.0.113.7', 'json', new Date('2026-12-01T10:00:00Z'))).to.equal('devices-203-0-113-7-2026-12-01.json');
  });
});
