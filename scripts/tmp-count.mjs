import { chromium } from 'playwright-core';
import { findChrome } from './find-chrome.mjs';
const browser = await chromium.launch({ executablePath: findChrome(), args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
await page.goto('http://localhost:5199/?ip=198.51.100.23&tab=devices');
await page.waitForFunction(() => document.querySelector('ip-entity-page')?.shadowRoot?.querySelector('ip-observed-devices')?.shadowRoot?.querySelector('.row.device'), undefined, { timeout: 60000 });
await page.waitForTimeout(1500);
const r = await page.evaluate(() => {
  const d = document.querySelector('ip-entity-page').shadowRoot.querySelector('ip-observed-devices').shadowRoot;
  return { rows: d.querySelectorAll('.row.device').length, copies: d.querySelectorAll('ip-copy-button').length, urls: d.querySelectorAll('ip-external-url').length, all: d.querySelectorAll('*').length };
});
console.log(JSON.stringify(r));
await browser.close();
