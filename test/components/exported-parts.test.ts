/**
 * A host styles a section's parts inside <ip-entity-page> (`::part(overview-severity-card)`):
 * each section's parts are forwarded under its prefix, and every part a section documents is.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/entity-page/ip-entity-page.js';
import type { IpEntityPage } from '../../src/components/entity-page/entity-page.js';
import { SECTION_PARTS } from '../../src/components/entity-page/exported-parts.js';
import { deepQuery, waitUntil } from '../helpers/dom.js';
import { staticProvider } from '../helpers/providers.js';

describe('parts of the sections inside the page', () => {
  it('forwards every part each section documents (custom-elements.json)', async () => {
    const manifest = (await (await fetch('/custom-elements.json')).json()) as { modules: Array<{ declarations?: Array<{ tagName?: string; cssParts?: Array<{ name: string }> }> }> };
    const documented = new Map(manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName).map((d) => [d.tagName!, (d.cssParts ?? []).map((p) => p.name).sort()]));
    for (const [tag, [, parts]] of Object.entries(SECTION_PARTS)) {
      expect([...parts].sort(), tag).to.deep.equal(documented.get(tag));
    }
  });

  it('lets a host style a section’s part from outside the page', async () => {
    const style = document.createElement('style');
    style.textContent = 'ip-entity-page::part(overview-security-info) { outline: 3px solid rgb(1, 2, 3); } ip-entity-page::part(actions-base) { outline: 2px solid rgb(4, 5, 6); }';
    document.head.append(style);
    try {
      const el = await fixture<IpEntityPage>(html`<ip-entity-page ip="203.0.113.7" .provider=${staticProvider()}></ip-entity-page>`);
      const info = () => deepQuery(el, '[part~="security-info"]');
      await waitUntil(info, 'the overview did not render', { timeout: 6000 });
      expect(getComputedStyle(info()!).outlineColor).to.equal('rgb(1, 2, 3)');
      const bar = () => deepQuery(el, 'ip-response-actions')?.shadowRoot?.querySelector('[part~="base"]');
      await waitUntil(bar, 'the actions bar did not render', { timeout: 6000 });
      expect(getComputedStyle(bar()!).outlineColor).to.equal('rgb(4, 5, 6)');
    } finally {
      style.remove();
    }
  });
});
