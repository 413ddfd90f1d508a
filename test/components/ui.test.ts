import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import { classToken, dateTime, severityBadge, shown, timeAgo } from '../../src/components/shared/ui.js';
import { formatDateTime, formatRelative } from '../../src/lib/format.js';

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

  it('shows a time as a <time>: relative or absolute on screen, exact for machines and on hover; a bad one as missing', () => {
    const now = Date.parse('2026-03-10T12:00:00Z');
    const host = document.createElement('div');
    render(html`${timeAgo('2026-03-07T12:00:00.000Z', 'en-US', now)}|${dateTime('2026-03-07T12:00:00+01:00', 'de-DE')}`, host);
    const [ago, at] = host.querySelectorAll('time');
    expect(ago!.textContent).to.equal(formatRelative('2026-03-07T12:00:00Z', now, 'en-US'));
    expect(ago!.dateTime).to.equal('2026-03-07T12:00:00Z');
    expect(ago!.title).to.equal(`${formatDateTime('2026-03-07T12:00:00Z', 'en-US')} (2026-03-07T12:00:00Z)`);
    expect(at!.textContent).to.equal(formatDateTime('2026-03-07T11:00:00Z', 'de-DE'));
    expect([at!.dateTime, at!.title]).to.deep.equal(['2026-03-07T11:00:00Z', '2026-03-07T11:00:00Z']);
    for (const bad of ['not a time', '', null, undefined]) {
      const el = document.createElement('div');
      render(html`${timeAgo(bad, 'en-US', now)}${dateTime(bad, 'en-US')}`, el);
      expect(el.querySelector('time'), String(bad)).to.equal(null);
      expect(el.querySelectorAll('.missing').length, String(bad)).to.equal(2);
    }
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
