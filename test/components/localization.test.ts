/**
 * The page's words follow its language (@lit/localize, runtime): German, the accented and longer
 * pseudo-locale that shows text which did not go through msg() or is cut off, and English back;
 * dates and numbers follow the same locale. One language per document, so each test goes back
 * to English.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/entity-page/ip-entity-page.js';
import '../../src/components/time-range-picker/ip-time-range-picker.js';
import type { IpEntityPage } from '../../src/components/entity-page/entity-page.js';
import { applyLocale, matchLocale } from '../../src/components/shared/localization.js';
import { labelFor, SEVERITY_LABELS } from '../../src/components/shared/labels.js';
import { RANGE_LABELS } from '../../src/components/shared/range-text.js';
import { describeError } from '../../src/components/shared/error-text.js';
import { RestIpDataProvider } from '../../src/providers/rest/rest-provider.js';
import { guardProvider } from '../../src/providers/guard.js';
import { deepQueryAll, deepText, waitUntil } from '../helpers/dom.js';
import { staticProvider } from '../helpers/providers.js';

const tabs = (el: IpEntityPage) => [...el.shadowRoot!.querySelectorAll('[role="tab"]')].map((t) => t.textContent!.trim());

describe('localization', () => {
  afterEach(() => applyLocale('en'));

  it('matches a language tag to a supported locale, else English', () => {
    expect(matchLocale('de')).to.equal('de');
    expect(matchLocale('de-AT')).to.equal('de');
    expect(matchLocale('DE-ch')).to.equal('de');
    expect(matchLocale('en-XA')).to.equal('en-XA');
    expect(matchLocale('en-GB')).to.equal('en');
    expect(matchLocale('fr-FR')).to.equal('en');
    expect(matchLocale(undefined)).to.equal('en');
  });

  it('<ip-entity-page locale="de"> shows German words and German dates, and English again when it changes back', async () => {
    const el = await fixture<IpEntityPage>(html`<ip-entity-page ip="203.0.113.7" locale="de" .provider=${staticProvider()}></ip-entity-page>`);
    await waitUntil(() => tabs(el)[0] === 'Übersicht', `tabs stayed ${tabs(el).join(', ')}`);
    expect(tabs(el).slice(0, 3)).to.deep.equal(['Übersicht', 'Vorfälle und Warnungen', 'In der Organisation beobachtet']);
    const search = el.shadowRoot!.querySelector<HTMLInputElement>('#search')!;
    expect(search.placeholder).to.equal('IP-Adresse suchen');
    const picker = el.shadowRoot!.querySelector('ip-time-range-picker')!;
    await waitUntil(() => deepText(picker).includes('Letzte 30 Tage'), 'the range picker is not in German');
    expect(deepText(el.shadowRoot!.querySelector('[part="header"]')!)).to.contain('Dokumentation');
    // Sections inherit the language for their formats: German dates, relative times and numbers in the overview.
    // (in the browser's own time zone: the fixture's 2019-03-01T00:00:00Z is 05:45 in Kathmandu)
    const registered = new Intl.DateTimeFormat('de', { dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse('2019-03-01T00:00:00Z'));
    expect(registered).to.match(/2019, \d\d:\d\d$/);
    await waitUntil(() => deepText(el).includes(`Registriert ${registered}`), `no German date in: ${deepText(el).slice(0, 2000)}`);
    // The overview's own words, and a plural by the language's rules.
    expect(deepText(el)).to.contain('Offene Vorfälle');
    expect(deepText(el)).to.match(/1 Vorfall · 1 Warnung/);
    expect(deepText(el)).to.match(/vor \d+ Wochen/);
    expect(deepText(el)).to.contain('1.234');

    el.locale = 'en';
    await waitUntil(() => tabs(el)[0] === 'Overview', 'English did not come back');
    expect(search.placeholder).to.equal('Search IP address');
  });

  it('the pseudo-locale marks every word the page shows through msg(): tabs, header, search, range', async () => {
    const el = await fixture<IpEntityPage>(html`<ip-entity-page ip="203.0.113.7" locale="en-XA" .provider=${staticProvider()}></ip-entity-page>`);
    await waitUntil(() => tabs(el).every((t) => t.startsWith('⟦') && t.endsWith('⟧')), `tabs: ${tabs(el).join(', ')}`);
    expect(tabs(el)[0]).to.equal('⟦Öṽéŕṽíéŵ ~~~~⟧');
    const header = el.shadowRoot!.querySelector('[part="header"]')!;
    expect(header.querySelector('.eyebrow')!.textContent).to.match(/^⟦ÎÞ áððŕéšš · ÎÞṽ4 ~+⟧$/);
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('#search')!.placeholder).to.match(/^⟦.*⟧$/);
    await waitUntil(() => /⟦Ļášţ 30 ðáýš ~+⟧/.test(deepText(header.querySelector('ip-time-range-picker')!)), 'the range is not pseudo-localized');
  });

  it('a section alone takes the language from its lang attribute', async () => {
    const el = await fixture(html`<div lang="de-AT"><ip-time-range-picker value="7d"></ip-time-range-picker></div>`);
    const picker = el.querySelector('ip-time-range-picker')!;
    await waitUntil(() => deepText(picker).includes('Zeitraum'), `still: ${deepText(picker)}`);
    expect(deepText(picker)).to.contain('Letzte 7 Tage');
  });

  it('label maps read in the language in force', async () => {
    await applyLocale('de');
    expect(labelFor(SEVERITY_LABELS, 'high')).to.equal('Hoch');
    expect(RANGE_LABELS['90d']).to.equal('Letzte 90 Tage');
    expect(labelFor(SEVERITY_LABELS, 'someNewSeverity'), 'an unknown value shows as itself').to.equal('Some New Severity');
    await applyLocale('en');
    expect(labelFor(SEVERITY_LABELS, 'high')).to.equal('High');
  });

  it('a REST failure reads in the page’s language; the error’s own message stays English for logs', async () => {
    const answers: Array<() => Promise<Response>> = [
      async () => new Response('', { status: 503 }),
      async () => new Response('<html>proxy login</html>', { status: 200, headers: { 'Content-Type': 'text/html' } }),
      async () => Promise.reject(new TypeError('Failed to fetch')),
      async () => new Response(JSON.stringify({ error: { code: 'quota', message: 'Kontingent erschöpft.' } }), { status: 503, headers: { 'Content-Type': 'application/json' } }),
    ];
    const errors: unknown[] = [];
    for (const answer of answers) {
      // Through the guard, as every element asks: the error arrives with its words loaded.
      const rest = guardProvider(new RestIpDataProvider({ baseUrl: 'https://soc.example/ip-api', fetch: answer, maxRetries: 0 }));
      errors.push(await rest.getIpDetails('203.0.113.7', { signal: new AbortController().signal }).then(() => undefined, (e: unknown) => e));
    }
    await applyLocale('de');
    expect(errors.map(describeError)).to.deep.equal([
      'Der Dienst ist nicht verfügbar (HTTP 503).',
      'Der Dienst hat statt JSON eine Webseite gesendet (text/html). Prüfen Sie die API-Adresse.',
      'Der Dienst war nicht erreichbar. Prüfen Sie die Verbindung und die API-Adresse.',
      'Der Dienst ist nicht verfügbar (HTTP 503). Der Dienst meldet: „Kontingent erschöpft.“',
    ]);
    expect((errors[0] as Error).message).to.equal('The service is unavailable (HTTP 503).');
    await applyLocale('en');
    expect(describeError(errors[2])).to.equal('The service could not be reached. Check the connection and the API address.');
  });

  it('in a right-to-left page, data values keep their own order (isolated)', async () => {
    const el = await fixture<HTMLElement>(html`<div dir="rtl" style="width: 1100px"><ip-entity-page ip="203.0.113.7" .provider=${staticProvider()}></ip-entity-page></div>`);
    const page = el.querySelector<IpEntityPage>('ip-entity-page')!;
    await waitUntil(() => deepText(page).includes('Northwind Cloud Hosting B.V.'), 'no organization');
    // Where the characters are drawn: an LTR name ending in "." keeps the dot at its end (on the
    // right), and a range keeps its first address on the left, as in a left-to-right page.
    const at = (text: string, sub: string) => {
      const node = deepQueryAll(page, 'dd').flatMap((dd) => [...dd.querySelectorAll('bdi')]).flatMap((b) => [...b.childNodes]).find((n) => n.nodeType === Node.TEXT_NODE && n.textContent === text)!;
      expect(node, text).to.exist;
      const range = document.createRange();
      const i = text.lastIndexOf(sub);
      range.setStart(node, i);
      range.setEnd(node, i + sub.length);
      return range.getBoundingClientRect();
    };
    const name = 'Northwind Cloud Hosting B.V.';
    expect(at(name, '.').left, 'the final dot is drawn after the name').to.be.greaterThan(at(name, 'Northwind').left);
    const coordinates = deepQueryAll(page, 'dd bdi').find((b) => b.textContent!.startsWith('52.3545'))!;
    expect(coordinates, 'coordinates are isolated as one value').to.exist;
  });
});
