#!/usr/bin/env node
// A keyboard-only run of the demo, as a screen reader user does it: node scripts/keyboard-run.mjs
//
// Starts the demo (Vite, generated data), opens the page in headless Chromium, and does two jobs
// with the keyboard alone from page load: add the IP as an indicator, and resolve three selected
// alerts. After every key it reads Chromium's accessibility tree (what a screen reader is given)
// for the focused node's role and name, and prints the run as Markdown: each key, what focus
// announces, the count of keys pressed and characters typed, and the accessibility tree of the
// final state. docs/keyboard.md holds its last output. Exits 1 when a flow does not finish or
// focus is ever lost to the document.
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { findChrome } from './find-chrome.mjs';

const server = await createServer({ logLevel: 'silent', server: { port: 0, strictPort: false, open: false } });
await server.listen();
const base = server.resolvedUrls.local[0];
const browser = await chromium.launch({
  executablePath: findChrome(),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
let failed = false;

/** The focused node as the accessibility tree has it: `role "name"`. */
async function announced(cdp) {
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const node = nodes.filter((n) => n.properties?.some((p) => p.name === 'focused' && p.value.value)).at(-1);
  if (!node) return '(nothing focused)';
  const value = node.value?.value ? ` = "${node.value.value}"` : '';
  return `${node.role?.value ?? '?'} "${(node.name?.value ?? '').replace(/\s+/g, ' ').trim().slice(0, 70)}"${value}`;
}

async function run(title, steps, finalSnapshot) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (e) => console.error(`[pageerror] ${e.message}`));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Accessibility.enable');
  await page.goto(`${base}?ip=203.0.113.7`, { waitUntil: 'networkidle' });
  await page.locator('ip-response-actions [data-action="add-indicator"]').waitFor();
  const rows = [];
  let keys = 0;
  let chars = 0;
  for (const step of steps) {
    if (step.type !== undefined) {
      await page.keyboard.type(step.type);
      chars += step.type.length;
    } else {
      await page.keyboard.press(step.key);
      keys++;
    }
    if (step.wait) await step.wait(page);
    else await page.waitForTimeout(150);
    const focus = await announced(cdp);
    if (focus === '(nothing focused)' || /^RootWebArea/.test(focus)) failed = true;
    rows.push(`| ${step.key ? `\`${step.key}\`` : `types “${step.type}”`} | ${step.why ?? ''} | ${focus.replace(/\|/g, '\\|')} |`);
  }
  const done = await finalSnapshot.check(page);
  if (!done) failed = true;
  const tree = await finalSnapshot.locator(page).ariaSnapshot();
  await page.close();
  console.log(`## ${title}\n\n**${keys} keys** and ${chars} characters typed${done ? '' : ' — **the flow did not finish**'}.\n`);
  console.log('| Key | Why | Focus, as the accessibility tree names it |\n| --- | --- | --- |');
  console.log(rows.join('\n'));
  console.log(`\nThe accessibility tree at the end (${finalSnapshot.what}):\n\n\`\`\`yaml\n${tree}\n\`\`\`\n`);
}

const text = (page, selector, pattern) => page.waitForFunction(
  ([sel, src]) => {
    const find = (root) => {
      const hit = root.querySelector(sel);
      if (hit) return hit;
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) { const x = find(el.shadowRoot); if (x) return x; }
      return null;
    };
    return new RegExp(src).test(find(document)?.shadowRoot?.textContent ?? '');
  },
  [selector, pattern.source],
  { timeout: 10_000 },
);

try {
  await run(
    'Page load → indicator submitted',
    [
      { key: 'i', why: 'Add indicator (page shortcut)', wait: (p) => text(p, 'ip-indicator-wizard', /step 1 of 4/) },
      { key: 'Control+Enter', why: 'Next: the IP and “never expires” are filled in', wait: (p) => text(p, 'ip-indicator-wizard', /step 2 of 4/) },
      { key: 'Tab', why: 'the action (Block is chosen)' },
      { key: 'Tab', why: 'Title' },
      { type: 'Block C2 server' },
      { key: 'Tab', why: 'Description' },
      { type: 'Beaconing from 40 devices' },
      { key: 'Control+Enter', why: 'Next: Scope', wait: (p) => text(p, 'ip-indicator-wizard', /step 3 of 4/) },
      { key: 'Control+Enter', why: 'Next: Summary', wait: (p) => text(p, 'ip-indicator-wizard', /step 4 of 4/) },
      { key: 'Control+Enter', why: 'Submit', wait: (p) => text(p, 'ip-indicator-wizard', /added/i) },
    ],
    {
      what: 'the wizard says the indicator was added',
      check: (p) => text(p, 'ip-indicator-wizard', /added/i).then(() => true, () => false),
      locator: (p) => p.locator('ip-indicator-wizard dialog'),
    },
  );
  await run(
    'Page load → selected alerts resolved',
    [
      { key: '2', why: 'the Incidents and alerts tab (page shortcut)', wait: (p) => p.locator('ip-alerts-list [role="row"][aria-selected]').first().waitFor() },
      { key: 'Tab', why: 'the tab panel' },
      { key: 'Tab', why: 'the list’s search' },
      { key: 'Tab', why: 'the filters toolbar (one stop)' },
      { key: 'Tab', why: 'the list tools toolbar (one stop)' },
      { key: 'Tab', why: 'the grid’s active cell' },
      { key: 'Space', why: 'select the row' },
      { key: 'Shift+ArrowDown', why: 'extend the selection' },
      { key: 'Shift+ArrowDown', why: 'extend the selection', wait: (p) => text(p, 'ip-alerts-flyout', /Manage 3 selected/) },
      { key: 'Tab', why: 'the side panel’s Close' },
      { key: 'Tab', why: 'Status' },
      { key: 'End', why: 'Resolved' },
      { key: 'Tab', why: 'Classification' },
      { key: 'Tab', why: 'Assign to' },
      { key: 'Tab', why: 'Comment' },
      { key: 'Tab', why: 'Save' },
      { key: 'Enter', why: 'save', wait: (p) => text(p, 'ip-alerts-flyout', /Saved: 3/) },
    ],
    {
      what: 'the side panel says the change was saved',
      check: (p) => text(p, 'ip-alerts-flyout', /Saved: 3/).then(() => true, () => false),
      locator: (p) => p.locator('ip-alerts-flyout form'),
    },
  );
} finally {
  await browser.close();
  await server.close();
}
if (failed) {
  console.error('keyboard-run: a flow did not finish, or focus was lost');
  process.exit(1);
}
