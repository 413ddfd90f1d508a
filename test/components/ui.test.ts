import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import { classToken, severityBadge, shown } from '../../src/components/shared/ui.js';

describe('shared render helpers', () => {
  it('builds class names from data only for allowed values', () => {
    expect(classToken('risk', 'high', ['high', 'medium'])).to.equal('risk-high');
    for (const hostile of ['x onclick=alert(1)', 'constructor', '__proto__', 'HIGH', '', null, undefined]) {
      expect(classToken('risk', hostile as string, ['high', 'medium']), String(hostile)).to.equal('risk-other');
    }
  });

  it('renders an unknown severity neutral, with its own text', async () => {
    const el = await fixture<HTMLElement>(html`<div>${severityBadge('constructor')}</div>`);
    const badge = el.querySelector('.badge')!;
    expect(badge.className).to.equal('badge sev-unknown');
    expect(badge.textContent).to.contain('Constructor');
  });

  it('shows hidden characters as marks, and isolates every value (its own direction)', () => {
    const plain = document.createElement('div');
    render(shown('plain'), plain);
    expect(plain.querySelector('bdi')!.textContent).to.equal('plain');
    expect(plain.querySelector('abbr')).to.equal(null);
    const host = document.createElement('div');
    render(shown('evil\u202Egpj.exe'), host);
    expect(host.textContent).to.equal('evilRLOgpj.exe');
    expect(host.querySelector('bdi abbr.control-mark')!.getAttribute('title')).to.equal('Right-to-left override (U+202E)');
  });
});
