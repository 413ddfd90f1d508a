/**
 * No element's styles use `:has()`. One `:has()` rule anywhere in a page, even inside a shadow
 * root, makes Chromium's removal of many nodes elsewhere in that page quadratic: a host clearing
 * its own 8,000-row table took 600 ms instead of 30 with <ip-sentinel-events> on the page. A host
 * embeds these elements beside its own content, so they must not slow that content down.
 */
import { expect } from '@open-wc/testing';
import type { CSSResultOrNative } from 'lit';
import '../../src/bundle.js';

const text = (style: CSSResultOrNative): string =>
  style instanceof CSSStyleSheet ? [...style.cssRules].map((r) => r.cssText).join('\n') : style.cssText;

describe('element styles', () => {
  it('use no :has() selector, in any element the package defines', async () => {
    const manifest = (await (await fetch('/custom-elements.json')).json()) as { modules: Array<{ declarations?: Array<{ tagName?: string }> }> };
    const tags = manifest.modules.flatMap((m) => m.declarations ?? []).flatMap((d) => (d.tagName ? [d.tagName] : []));
    const checked: string[] = [];
    for (const tag of tags) {
      const ctor = customElements.get(tag) as (CustomElementConstructor & { elementStyles?: CSSResultOrNative[] }) | undefined;
      if (!ctor?.elementStyles) continue;
      checked.push(tag);
      const uses = ctor.elementStyles.map(text).join('\n').match(/[^{}]*:has\([^{]*/g);
      expect(uses, `${tag}: ${uses?.join(' | ')}`).to.equal(null);
    }
    expect(checked, 'the elements checked').to.include.members(['ip-entity-page', 'ip-sentinel-events', 'ip-threat-intel', 'ip-overview', 'ip-alerts-list']);
  });
});
