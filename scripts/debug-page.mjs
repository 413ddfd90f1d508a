import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
page.on('requestfailed', (r) => console.log('failed', r.url()));
page.on('response', (r) => { if (r.status() >= 400) console.log('status', r.status(), r.url()); });
page.on('console', (m) => console.log('console', m.type(), m.text().slice(0, 300)));
page.on('pageerror', (e) => console.log('pageerror', e.message));
await page.goto(process.argv[2], { waitUntil: 'networkidle' });
await page.waitForTimeout(3000);
console.log(await page.evaluate(() => {
  const el = document.querySelector('ip-entity-page, ip-overview');
  return el ? `${el.tagName} defined=${!!customElements.get(el.localName)} shadow=${!!el.shadowRoot} text=${el.shadowRoot?.textContent?.slice(0, 200)}` : document.body.innerHTML.slice(0, 500);
}));
await browser.close();
