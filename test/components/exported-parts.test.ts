/**
 * A host styles a section's parts inside <ip-entity-page> (`::part(overview-severity-card)`):
 * each section's parts are forwarded under its prefix, and every part a section documents is.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/entity-page/ip-entity-page.js';
import type { IpEntityPage } from '../../src/components/entity-page/entity-page.js';
import '../../src/components/alerts-list/ip-alerts-list.js';
import '../../src/components/observed-devices/ip-observed-devices.js';
import '../../src/components/threat-intel/ip-threat-intel.js';
import '../../src/components/accounts/ip-accounts.js';
import '../../src/components/sentinel-events/ip-sentinel-events.js';
import '../../src/components/response-actions/ip-response-actions.js';
import { pageParts } from '../../src/components/base/page-parts.js';
import { deepQuery, waitUntil } from '../helpers/dom.js';
import { staticProvider } from '../helpers/providers.js';

describe('parts of the sections inside the page', () => {
  it('forwards every part each section documents (custom-elements.json)', async () => {
    const manifest = (await (await fetch('/custom-elements.json')).json()) as { modules: Array<{ declarations?: Array<{ tagName?: string; cssParts?: Array<{ name: string }> }> }> };
    const documented = new Map(manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName).map((d) => [d.tagName!, (d.cssParts ?? []).map((p) => p.name).sort()]));
    const named = [...pageParts()].map(([element, { parts }]) => [customElements.getName(element as CustomElementConstructor), parts] as const);
    expect(named.map(([tag]) => tag).sort()).to.deep.equal(['ip-accounts', 'ip-alerts-list', 'ip-observed-devices', 'ip-overview', 'ip-response-actions', 'ip-sentinel-events', 'ip-threat-intel']);
    for (const [tag, parts] of named) {
      expect([...parts].sort(), tag!).to.deep.equal(documented.get(tag!));
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
      // A tab whose code loads on its first visit forwards its parts too.
      style.textContent += ' ip-entity-page::part(alerts-toolbar) { outline: 1px solid rgb(7, 8, 9); }';
      el.selectTab('alerts');
      const toolbar = () => deepQuery(el, 'ip-alerts-list')?.shadowRoot?.querySelector('[part~="toolbar"]');
      await waitUntil(toolbar, 'the alerts toolbar did not render', { timeout: 6000 });
      expect(getComputedStyle(toolbar()!).outlineColor).to.equal('rgb(7, 8, 9)');
    } finally {
      style.remove();
    }
  });

  it('leaves a section alone outside the page, and keeps the exportparts its host set', async () => {
    const alone = await fixture(html`<ip-alerts-list ip="203.0.113.7" .provider=${staticProvider()}></ip-alerts-list>`);
    expect(alone.hasAttribute('exportparts')).to.equal(false);
    const own = await fixture(html`<ip-overview exportparts="base" ip="203.0.113.7" .provider=${staticProvider()}></ip-overview>`);
    expect(own.getAttribute('exportparts')).to.equal('base');
  });
});
