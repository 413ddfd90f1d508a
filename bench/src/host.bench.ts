/**
 * What the elements cost the host page they sit in: the host clears a list of its own (8,000
 * keyed rows, taken out by lit-html one by one), with `<ip-entity-page>` on the page and its
 * Sentinel and threat intelligence sections defined, against the same removal with none of the
 * elements on the page. Baseline in the same page, interleaved.
 *
 * Why: one `:has()` rule in any shadow root made Chromium's removal of many nodes anywhere in the
 * page quadratic (8,000 rows: 532–604 ms instead of 24). The elements' styles no longer have one
 * (test/components/style-selectors.test.ts); this keeps the host's side of it measured.
 * Target: the host's removal within 1.2× of the page without the elements.
 */
import { LitElement, html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import '../../src/components/entity-page/ip-entity-page.js';
import '../../src/components/sentinel-events/ip-sentinel-events.js';
import '../../src/components/threat-intel/ip-threat-intel.js';
import { compare, frame, publish } from './harness.js';

const ROWS = 8_000;

class HostList extends LitElement {
  rows: Array<{ id: string; text: string }> = [];
  override render() {
    return html`${repeat(this.rows, (r) => r.id, (r) => html`<div>${r.text} <span>${r.id}</span></div>`)}`;
  }
}
customElements.define('host-list', HostList);

let round = 0;
/** Fill the host's list (untimed), paint it, then time clearing it. */
async function clearHostList(): Promise<number> {
  const list = document.createElement('host-list') as HostList;
  document.body.append(list);
  const k = round++;
  list.rows = Array.from({ length: ROWS }, (_, i) => ({ id: `${k}-${i}`, text: `row ${i}` }));
  list.requestUpdate();
  await list.updateComplete;
  await frame();
  const t0 = performance.now();
  list.rows = [];
  list.requestUpdate();
  await list.updateComplete;
  const ms = performance.now() - t0;
  list.remove();
  return ms;
}

async function main() {
  const c = await compare({
    name: `the host clears ${ROWS.toLocaleString('en')} rows of its own`,
    candidate: async () => {
      const els = ['ip-entity-page', 'ip-sentinel-events', 'ip-threat-intel'].map((t) => document.body.appendChild(document.createElement(t)));
      await frame();
      const ms = await clearHostList();
      for (const el of els) el.remove();
      return ms;
    },
    baseline: () => clearHostList(),
    baselineName: 'no elements',
    ratioTarget: { max: 1.2 },
    minRuns: 10,
  });
  publish({ description: 'a host page with the elements on it, against the same page without them', cases: [c] });
}

void main();
