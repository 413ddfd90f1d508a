/**
 * The providers' docs say which Microsoft documentation each table was checked against: the same
 * files and commits the KQL analyser's schemas were read from (scripts/verified-tables.mjs writes
 * them), so a schema rebuilt from newer docs cannot leave the docs naming older ones.
 */
import { expect } from '@open-wc/testing';

type Schemas = Record<'defender' | 'logAnalytics', Record<string, { source: string; read: string }>>;

async function doc(path: string): Promise<string> {
  const response = await fetch(path);
  expect(response.ok, path).to.equal(true);
  return response.text();
}

describe('docs: verified against', () => {
  for (const [section, path] of [
    ['defender', '/docs/providers/defender.md'],
    ['logAnalytics', '/docs/providers/sentinel.md'],
  ] as const) {
    it(`${path} names every table the analyser knows, with the file and commit it was read from`, async () => {
      const text = await doc(path);
      const schemas = JSON.parse(await doc('/mocks/kql/schemas.json')) as Schemas;
      const block = text.slice(text.indexOf('<!-- verified-tables:start'), text.indexOf('<!-- verified-tables:end'));
      const tables = schemas[section];
      expect(Object.keys(tables).length).to.be.above(10);
      for (const [name, t] of Object.entries(tables)) {
        const [where, commit] = t.source.split('@') as [string, string];
        const row = block.split('\n').find((l) => l.startsWith(`| \`${name}\` |`));
        expect(row, name).to.be.a('string');
        expect(row).to.contain(`blob/${commit}/${where.split(':')[1]}`);
        expect(row).to.contain(t.read);
      }
      expect(block.split('\n').filter((l) => l.startsWith('| `')).length).to.equal(Object.keys(tables).length);
    });
  }
});
