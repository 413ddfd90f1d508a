import { expect, fixture, html } from '@open-wc/testing';
import {
  dateFormat,
  flagEmoji,
  formatCompact,
  formatCoordinates,
  formatDate,
  formatDateTime,
  formatIso,
  formatNumber,
  formatRelative,
  localeOf,
  isOne,
  normalizeLocale,
} from '../../src/lib/format.js';

const T = '2026-11-20T14:05:09.000Z';

describe('lib/format', () => {
  it('formats numbers in the given locale', () => {
    expect(formatNumber(1234567, 'en-US')).to.equal('1,234,567');
    expect(formatNumber(1234567, 'de-DE')).to.equal('1.234.567');
    expect(formatNumber(NaN, 'en-US')).to.equal('');
    expect(formatNumber(undefined, 'en-US')).to.equal('');
    expect(formatCompact(1_200_000, 'en-US')).to.equal('1.2M');
  });

  it('formats dates and times in the given locale, and nothing for bad input', () => {
    expect(formatDate(T, 'en-US')).to.equal('Nov 20, 2026');
    expect(formatDate(T, 'de-DE')).to.equal('20.11.2026');
    expect(formatDateTime(T, 'en-US')).to.contain('Nov 20, 2026');
    expect(formatDateTime('not a date', 'en-US')).to.equal('');
    expect(formatDateTime(null, 'en-US')).to.equal('');
    expect(formatIso(T)).to.equal('2026-11-20T14:05:09Z');
  });

  it('formats relative times', () => {
    const now = Date.parse(T);
    expect(formatRelative(now - 3 * 3_600_000, now, 'en-US')).to.equal('3 hours ago');
    expect(formatRelative(now - 86_400_000, now, 'en-US')).to.equal('yesterday');
    expect(formatRelative(now + 2 * 86_400_000, now, 'en-US')).to.equal('in 2 days');
    expect(formatRelative(now - 10_000, now, 'en-US')).to.equal('10 seconds ago');
    expect(formatRelative(now - 3 * 3_600_000, now, 'fr')).to.equal('il y a 3 heures');
  });

  it('formats coordinates and flags', () => {
    expect(formatCoordinates(52.35451, 4.95234, 'en-US')).to.equal('52.3545, 4.9523');
    expect(formatCoordinates(undefined, 4, 'en-US')).to.equal('');
    expect(flagEmoji('nl')).to.equal('🇳🇱');
    expect(flagEmoji('NLD')).to.equal('');
    expect(flagEmoji('<b')).to.equal('');
  });

  it('finds the locale from the nearest lang attribute, across shadow roots', async () => {
    const host = await fixture<HTMLDivElement>(html`<div lang="de-DE"><span></span></div>`);
    expect(localeOf(host.querySelector('span')!)).to.equal('de-DE');
    const outer = await fixture<HTMLDivElement>(html`<div lang="fr"></div>`);
    const root = outer.attachShadow({ mode: 'open' });
    const inner = document.createElement('b');
    root.append(inner);
    expect(localeOf(inner)).to.equal('fr');
    expect(normalizeLocale('not a locale!!')).to.equal(undefined);
    // Asked again: the same answers, bad input included.
    expect([normalizeLocale('EN-us'), normalizeLocale('EN-us'), normalizeLocale('not a locale!!')]).to.deep.equal(['en-US', 'en-US', undefined]);
    const lone = document.createElement('i');
    expect(localeOf(lone), 'outside the document: its language').to.equal(normalizeLocale(document.documentElement.lang || navigator.language));
  });

  it('makes one date formatter per locale and options, formatting as Intl does', () => {
    const options: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', timeZone: 'UTC' };
    expect(dateFormat('de', options)).to.equal(dateFormat('de', { ...options }));
    expect(dateFormat('de', options)).to.not.equal(dateFormat('en', options));
    expect(dateFormat('de', options).format(new Date(T))).to.equal(new Intl.DateTimeFormat('de', options).format(new Date(T)));
    expect([isOne(1, 'en'), isOne(2, 'en'), isOne(1, 'de'), isOne(0, 'fr')]).to.deep.equal([true, false, true, true]);
  });
});
