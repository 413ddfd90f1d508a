/**
 * On paper: the page prints its header, the overview and the tab on screen in the light palette
 * whatever the theme, without its controls; charts print as a picture sized to the page; the
 * alerts grid prints as records that wrap, each value under its column's name.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/components/entity-page/ip-entity-page.js';
import type { IpEntityPage } from '../../src/components/entity-page/entity-page.js';
import { COLOR_TOKENS } from '../../src/components/shared/tokens.js';
import { byRole } from '../helpers/roles.js';
import { deepQuery, waitUntil } from '../helpers/dom.js';
import { staticProvider } from '../helpers/providers.js';

const shadow = (el: Element) => el.shadowRoot!;
const display = (el: Element | null | undefined) => (el ? getComputedStyle(el).display : 'absent');
const light = (name: string) => COLOR_TOKENS.find(([n]) => n === name)![1];

describe('print', () => {
  afterEach(async () => {
    await emulateMedia({ media: 'screen' });
    dispatchEvent(new Event('afterprint'));
  });

  it('prints the header, the overview and the open tab in the light palette, without controls; the chart as a picture', async () => {
    const el = await fixture<IpEntityPage>(html`<ip-entity-page theme="dark" ip="203.0.113.7" .provider=${staticProvider()}></ip-entity-page>`);
    const chart = () => deepQuery(el, 'ip-prevalence-chart');
    await waitUntil(() => chart()?.shadowRoot?.querySelector('.chart canvas'), 'the chart is drawn', { timeout: 8000 });
    byRole(shadow(el), 'tab', 'Incidents and alerts').click();
    const list = () => deepQuery(el, 'ip-alerts-list');
    await waitUntil(() => list()?.shadowRoot?.querySelector('[role="row"][aria-selected]'), 'alerts', { timeout: 6000 });
    const overview = shadow(el).querySelector('#panel-overview')!;
    const devices = shadow(el).querySelector('#panel-devices')!;
    expect(display(overview)).to.equal('block');
    expect(getComputedStyle(overview).contentVisibility).to.equal('hidden');
    const surface = () => getComputedStyle(deepQuery(el, 'ip-overview')!).getPropertyValue('--_color-surface').trim();
    expect(surface()).to.not.equal(light('color-surface'));

    dispatchEvent(new Event('beforeprint'));
    await emulateMedia({ media: 'print' });
    expect(surface()).to.equal(light('color-surface'));
    expect(display(shadow(el).querySelector('[role="tablist"]'))).to.equal('none');
    expect(display(shadow(el).querySelector('ip-response-actions'))).to.equal('none');
    expect(display(shadow(el).querySelector('form[role="search"]'))).to.equal('none');
    expect(getComputedStyle(overview).contentVisibility).to.equal('visible');
    expect(display(shadow(el).querySelector('#panel-alerts'))).to.equal('block');
    expect(display(devices)).to.equal('none');
    expect(getComputedStyle(overview, '::before').content).to.equal('"Overview"');
    // The chart: its box hidden, a picture of it in its place, as wide as the section.
    const root = shadow(chart()!);
    const picture = root.querySelector<HTMLCanvasElement>('canvas.chart-image')!;
    expect(picture).to.exist;
    expect(display(root.querySelector('.chart'))).to.equal('none');
    expect(picture.getBoundingClientRect().width).to.be.closeTo(root.querySelector('.chart')!.parentElement!.getBoundingClientRect().width, 40);
    expect(picture.width).to.be.above(600);
    // The alerts: records, each value under its column's name, no header row or checkboxes.
    const rows = shadow(list()!);
    const row = rows.querySelector('[role="row"][aria-selected]')!;
    expect(display(rows.querySelector('.header-row'))).to.equal('none');
    expect(display(row)).to.equal('flex');
    expect(getComputedStyle(row).flexWrap).to.equal('wrap');
    expect(display(row.querySelector('.cell.check'))).to.equal('none');
    expect(getComputedStyle(row.querySelector('[data-label="Severity"]')!, '::before').content).to.equal('"Severity:"');
    expect(row.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right + 1);

    dispatchEvent(new Event('afterprint'));
    await emulateMedia({ media: 'screen' });
    expect(root.querySelector('canvas.chart-image')).to.equal(null);
    expect(display(root.querySelector('.chart'))).to.not.equal('none');
  });
});
