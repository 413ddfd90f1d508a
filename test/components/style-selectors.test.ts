/**
 * What every element's styles must keep, read from the styles of every element the package defines.
 *
 * No element's styles use `:has()`. One `:has()` rule anywhere in a page, even inside a shadow
 * root, makes Chromium's removal of many nodes elsewhere in that page quadratic: a host clearing
 * its own 8,000-row table took 600 ms instead of 30 with <ip-sentinel-events> on the page. A host
 * embeds these elements beside its own content, so they must not slow that content down.
 *
 * `density` changes the density tokens only, each to a smaller value: the story tests check
 * contrast and target size in the compact looks alone on that ground (test/stories/run-stories.ts).
 */
import { expect } from '@open-wc/testing';
import type { CSSResultOrNative } from 'lit';
import '../../src/bundle.js';
import { DENSITY_TOKENS } from '../../src/components/shared/tokens.js';

const text = (style: CSSResultOrNative): string =>
  style instanceof CSSStyleSheet ? [...style.cssRules].map((r) => r.cssText).join('\n') : style.cssText;

/** Every element the package defines, with its styles. */
async function elementStyles(): Promise<Array<[tag: string, styles: CSSResultOrNative[]]>> {
  const manifest = (await (await fetch('/custom-elements.json')).json()) as { modules: Array<{ declarations?: Array<{ tagName?: string }> }> };
  const tags = manifest.modules.flatMap((m) => m.declarations ?? []).flatMap((d) => (d.tagName ? [d.tagName] : []));
  return tags.flatMap((tag) => {
    const ctor = customElements.get(tag) as (CustomElementConstructor & { elementStyles?: CSSResultOrNative[] }) | undefined;
    return ctor?.elementStyles ? [[tag, ctor.elementStyles] as [string, CSSResultOrNative[]]] : [];
  });
}

/** Every style rule of `rules`, inside media and other grouping rules too. */
function styleRules(rules: CSSRuleList): CSSStyleRule[] {
  return [...rules].flatMap((r) => (r instanceof CSSStyleRule ? [r] : r instanceof CSSGroupingRule ? styleRules(r.cssRules) : []));
}

describe('element styles', () => {
  it('change only the density tokens with density, each to a value no larger', async () => {
    const px = (v: string) => Number(/^([\d.]+)px$/.exec(v)?.[1] ?? NaN);
    for (const [name, comfortable, compact] of DENSITY_TOKENS) expect(px(compact), name).to.be.at.most(px(comfortable));
    const compactValues = new Map(DENSITY_TOKENS.map(([name, , compact]) => [`--ip-${name}`, compact]));
    let rules = 0;
    for (const [tag, styles] of await elementStyles()) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(styles.map(text).join('\n'));
      for (const rule of styleRules(sheet.cssRules).filter((r) => /density/.test(r.selectorText))) {
        rules++;
        expect(rule.selectorText, tag).to.match(/^:host\(\[density="?'?compact"?'?\]\)$/);
        for (const property of [...rule.style]) expect(rule.style.getPropertyValue(property).trim(), `${tag}: ${property}`).to.equal(compactValues.get(property));
      }
    }
    expect(rules, 'the density rules read').to.be.greaterThan(10);
  });

  it('use no :has() selector, in any element the package defines', async () => {
    const checked: string[] = [];
    for (const [tag, styles] of await elementStyles()) {
      checked.push(tag);
      const uses = styles.map(text).join('\n').match(/[^{}]*:has\([^{]*/g);
      expect(uses, `${tag}: ${uses?.join(' | ')}`).to.equal(null);
    }
    expect(checked, 'the elements checked').to.include.members(['ip-entity-page', 'ip-sentinel-events', 'ip-threat-intel', 'ip-overview', 'ip-alerts-list']);
  });
});
