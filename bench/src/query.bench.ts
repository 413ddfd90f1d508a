/**
 * data/query.ts: sort 100,000 alerts and filter + sort + page 1,000,000, cold (a fresh source,
 * no cached keys) and warm (the next page of the same query). The baseline is the obvious code:
 * `Array.filter` + `Array.sort` with an `Intl.Collator` comparator + `slice`, on the same data,
 * in the same page.
 */
import type { AlertItem } from '../../src/data/model.js';
import { listSource, queryAlerts } from '../../src/data/query.js';
import { IpDataset } from '../../mocks/generator/dataset.js';
import { publish, time, type BenchCase } from './harness.js';

const NOW = Date.parse('2026-11-23T13:00:00Z');
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Realistic alerts from the demo generator (titles from templates, unique ids, spread times). */
function makeAlerts(n: number): AlertItem[] {
  const ds = new IpDataset('198.51.100.99', { now: NOW });
  const out = new Array<AlertItem>(n);
  for (let i = 0; i < n; i++) out[i] = ds.alert(i);
  return out;
}

const SEVERITY_RANK: Record<string, number> = { high: 4, medium: 3, low: 2, informational: 1 };

function baselineSort(items: readonly AlertItem[], field: 'title' | 'severity' | 'firstActivity', asc: boolean): AlertItem[] {
  const dir = asc ? 1 : -1;
  const cmp =
    field === 'title'
      ? (a: AlertItem, b: AlertItem) => collator.compare(a.title, b.title)
      : field === 'severity'
        ? (a: AlertItem, b: AlertItem) => (SEVERITY_RANK[a.severity] ?? 0) - (SEVERITY_RANK[b.severity] ?? 0)
        : (a: AlertItem, b: AlertItem) => Date.parse(a.firstActivity) - Date.parse(b.firstActivity);
  return items.slice().sort((a, b) => dir * cmp(a, b) || Date.parse(b.lastActivity) - Date.parse(a.lastActivity));
}

async function main() {
  const cases: BenchCase[] = [];
  const notes: string[] = [];
  const RUNS_100K = 15;
  const RUNS_1M = 5;

  const t0 = performance.now();
  const k100 = makeAlerts(100_000);
  notes.push(`generated 100,000 alerts in ${(performance.now() - t0).toFixed(0)} ms`);

  for (const [field, asc] of [['title', true], ['severity', false], ['firstActivity', true]] as const) {
    // What a user does: the list is loaded (first page, default order), then a column is sorted.
    const loaded: BenchCase = { name: `sort 100,000 by ${field}, list loaded`, samples: [], baseline: [], targetMs: 60 };
    // A source never queried before: the sort also pays for reading the default order.
    const cold: BenchCase = { name: `sort 100,000 by ${field}, cold source`, samples: [], baseline: [], targetMs: 60 };
    for (let r = 0; r < RUNS_100K; r++) {
      const src = listSource(k100);
      queryAlerts(src, { offset: 0, limit: 50 });
      loaded.samples.push(await time(() => queryAlerts(src, { sort: { field, direction: asc ? 'asc' : 'desc' }, offset: 0, limit: 50 })));
      cold.samples.push(await time(() => queryAlerts(listSource(k100), { sort: { field, direction: asc ? 'asc' : 'desc' }, offset: 0, limit: 50 })));
      const b = await time(() => baselineSort(k100, field, asc).slice(0, 50));
      loaded.baseline!.push(b);
      cold.baseline!.push(b);
    }
    cases.push(loaded, cold);
  }
  {
    const c: BenchCase = { name: 'first page of 100,000, default order, cold source', samples: [] };
    for (let r = 0; r < RUNS_100K; r++) c.samples.push(await time(() => queryAlerts(listSource(k100), { offset: 0, limit: 50 })));
    cases.push(c);
  }

  {
    const c: BenchCase = { name: 'sort 100,000 by title, next page (warm cache)', samples: [], targetMs: 5 };
    const src = listSource(k100);
    queryAlerts(src, { sort: { field: 'title', direction: 'asc' }, offset: 0, limit: 50 });
    for (let r = 0; r < RUNS_100K; r++) c.samples.push(await time(() => queryAlerts(src, { sort: { field: 'title', direction: 'asc' }, offset: 1000 + r * 50, limit: 50 })));
    cases.push(c);
  }

  const t1 = performance.now();
  const m1 = makeAlerts(1_000_000);
  notes.push(`generated 1,000,000 alerts in ${(performance.now() - t1).toFixed(0)} ms`);
  const range = { from: new Date(NOW - 90 * 86_400_000), to: new Date(NOW + 3_600_000) };
  const filter = { severity: ['high', 'medium'], status: ['new', 'inProgress'] };
  {
    const c: BenchCase = { name: 'filter + sort + page 1,000,000 (cold, page at 50%)', samples: [], baseline: [], targetMs: 600 };
    let matched = 0;
    for (let r = 0; r < RUNS_1M; r++) {
      c.samples.push(
        await time(() => {
          // A fresh source: no cached columns or results. The page at 50% forces the whole sort.
          const page = queryAlerts(listSource(m1), { range, filter, sort: { field: 'firstActivity', direction: 'asc' }, offset: 49_000, limit: 100 });
          matched = page.total;
        }),
      );
      c.baseline!.push(
        await time(() => {
          const from = range.from.getTime();
          const to = range.to.getTime();
          const hit = m1.filter(
            (a) => filter.severity.includes(a.severity) && filter.status.includes(a.status) && Date.parse(a.lastActivity) >= from && Date.parse(a.firstActivity) < to,
          );
          return baselineSort(hit, 'firstActivity', true).slice(Math.floor(hit.length / 2), Math.floor(hit.length / 2) + 100);
        }),
      );
    }
    notes.push(`the 1,000,000 filter matches ${matched.toLocaleString('en')} alerts`);
    cases.push(c);
  }
  {
    const c: BenchCase = { name: 'filter + sort 1,000,000, next page (warm cache)', samples: [], targetMs: 5 };
    const src = listSource(m1);
    queryAlerts(src, { range, filter, sort: { field: 'title', direction: 'asc' }, offset: 0, limit: 100 });
    for (let r = 0; r < RUNS_1M; r++) c.samples.push(await time(() => queryAlerts(src, { range, filter, sort: { field: 'title', direction: 'asc' }, offset: 300_000 + r * 100, limit: 100 })));
    cases.push(c);
  }
  {
    // The mock server's path: a generated 1,000,000-alert source read by field, never materialized.
    const c: BenchCase = { name: 'generated 1,000,000-alert source: first page, 30 days (cold)', samples: [] };
    for (let r = 0; r < RUNS_1M; r++) {
      const ds = new IpDataset('198.51.100.99', { now: NOW });
      c.samples.push(await time(() => queryAlerts(ds.alertSource(), { range: { from: new Date(NOW - 30 * 86_400_000), to: range.to }, offset: 0, limit: 100 })));
    }
    cases.push(c);
  }

  publish({ description: 'data/query.ts against Array.filter + Array.sort (Intl.Collator) + slice on the same alerts', cases, notes });
}

void main();
