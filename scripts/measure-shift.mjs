// Section heights while loading and after, on the demo's slow IP: how much the layout shifts.
// node scripts/measure-shift.mjs [url]
import { chromium } from 'playwright-core';
import { findChrome } from './find-chrome.mjs';

const url = process.argv[2] ?? 'http://127.0.0.1:5173/?ip=192.0.2.77';
const browser = await chromium.launch({ executablePath: findChrome(), args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
const heights = () =>
  page.evaluate(() => {
    const root = document.querySelector('ip-entity-page')?.shadowRoot?.querySelector('ip-overview')?.shadowRoot;
    return root ? [...root.querySelectorAll('section')].map((s) => `${s.getAttribute('part')}:${Math.round(s.getBoundingClientRect().height)}`) : [];
  });
await page.goto(url);
await page.waitForTimeout(1200);
console.log('loading', (await heights()).join(' '));
await page.waitForTimeout(4000);
console.log('loaded ', (await heights()).join(' '));
await browser.close();
