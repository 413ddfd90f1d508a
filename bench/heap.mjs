#!/usr/bin/env node
// `node bench/heap.mjs`: where the grid bench's heap goes. Opens `grid.html?heap` (unminified
// build), which calls `heapMark(stage)` after each stage of a load (data generated, provider
// answered, element mounted, element removed); each mark forces a full GC and reads the used heap,
// so a stage's growth is what it keeps, not garbage. HEAP_SNAPSHOT=1 also sums a snapshot taken
// with the element mounted by constructor (self size), to say what kind of object holds it.
import path from 'node:path';
import { buildPages, launchBrowser, newBenchPage, servePages } from './pages.mjs';

const dist = path.join(path.dirname(new URL(import.meta.url).pathname), 'dist-profile');
await buildPages(['grid'], dist, { minify: false });
const { server, base } = await servePages(dist);
const browser = await launchBrowser();
const page = await newBenchPage(browser);
page.on('pageerror', (e) => console.error(e.message));
const cdp = await page.context().newCDPSession(page);
await cdp.send('HeapProfiler.enable');
let last = 0;
const mb = (n) => (n / 1e6).toFixed(1).padStart(7);

async function snapshotByConstructor() {
  const chunks = [];
  const onChunk = ({ chunk }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snap = JSON.parse(chunks.join(''));
  const { node_fields: fields, node_types: [types] } = snap.snapshot.meta;
  const F = fields.length;
  const iType = fields.indexOf('type');
  const iName = fields.indexOf('name');
  const iSize = fields.indexOf('self_size');
  const by = new Map();
  for (let i = 0; i < snap.nodes.length; i += F) {
    const type = types[snap.nodes[i + iType]];
    const name = type === 'object' || type === 'closure' ? snap.strings[snap.nodes[i + iName]] : `(${type})`;
    const e = by.get(name) ?? { size: 0, count: 0 };
    e.size += snap.nodes[i + iSize];
    e.count++;
    by.set(name, e);
  }
  console.log('\n  self size by constructor, element mounted');
  for (const [name, e] of [...by].sort((a, b) => b[1].size - a[1].size).slice(0, 30)) {
    console.log(`${mb(e.size)} MB  ${String(e.count).padStart(9)}  ${name.slice(0, 90)}`);
  }
}

await page.exposeFunction('heapMark', async (stage) => {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  console.log(`${mb(usedSize)} MB  (+${mb(usedSize - last).trim()})  ${stage}`);
  last = usedSize;
  if (process.env.HEAP_SNAPSHOT && stage.includes('mounted')) await snapshotByConstructor();
});
console.log('heap after a full GC, MB (growth over the stage before)');
await page.goto(`${base}/grid.html?heap`);
await page.waitForFunction(() => window.heapDone, undefined, { timeout: 300_000, polling: 200 });
await browser.close();
server.close();
