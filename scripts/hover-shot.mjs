// Screenshot after hovering a point: node scripts/hover-shot.mjs <url> <out.png> <selector-path> <x-fraction> <y-fraction>
// selector-path: CSS selectors separated by ' >>> ' to pierce shadow roots.
import { chromium } from 'playwright-core';
import { findChrome } from './find-chrome.mjs';

const [url, out, path, fx = '0.5', fy = '0.5', w = '1440', h = '900'] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: findChrome(), args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: Number(w), height: Number(h) } });
await page.goto(url, { waitUntil: 'networkidle' });
await page.waitForTimeout(2500);
const box = await page.evaluate((p) => {
  let node = document;
  const parts = p.split(' >>> ');
  let el = null;
  for (const part of parts) {
    el = (node.shadowRoot ?? node).querySelector(part);
    if (!el) return null;
    node = el;
  }
  el.scrollIntoView({ block: 'center' });
  const r = el.getBoundingClientRect();
  return { x: r.x, y: r.y, width: r.width, height: r.height };
}, path);
if (!box) throw new Error(`not found: ${path}`);
await page.mouse.move(box.x + box.width * Number(fx), box.y + box.height * Number(fy), { steps: 5 });
await page.waitForTimeout(600);
await page.screenshot({ path: out, clip: { x: Math.max(0, box.x - 20), y: Math.max(0, box.y - 80), width: Math.min(Number(w), box.width + 40), height: box.height + 120 } });
await browser.close();
console.log(`saved ${out}`);
