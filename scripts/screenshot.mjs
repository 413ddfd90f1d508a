#!/usr/bin/env node
// Screenshot a page in headless Chromium: node scripts/screenshot.mjs <url> <out.png> [width] [height] [waitMs]
// Prints console errors and CSP violations, so a broken page is noticed, not just pictured.
import { chromium } from 'playwright-core';
import { findChrome } from './find-chrome.mjs';

const [url, out, width = '1440', height = '900', wait = '1500'] = process.argv.slice(2);
if (!url || !out) {
  console.error('usage: node scripts/screenshot.mjs <url> <out.png> [width] [height] [waitMs]');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: findChrome(),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
page.on('console', (m) => {
  if (m.type() === 'error' || m.type() === 'warning') console.log(`[console.${m.type()}] ${m.text()}`);
});
page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
await page.goto(url, { waitUntil: 'networkidle' });
await page.waitForTimeout(Number(wait));
await page.screenshot({ path: out, fullPage: process.env.FULL_PAGE === '1' });
await browser.close();
console.log(`saved ${out}`);
