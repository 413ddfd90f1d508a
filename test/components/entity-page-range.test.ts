/**
 * The page's time range from a deep link: never past now, never longer than the data source
 * keeps (or a year when it names no limit), said when cut; a spec it cannot read is said too;
 * times without a zone are UTC, so one link is one window for every analyst.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/entity-page/ip-entity-page.js';
import type { IpEntityPage } from '../../src/components/entity-page/entity-page.js';
import type { TimeRange } from '../../src/lib/time-range.js';
import { deepText, waitUntil } from '../helpers/dom.js';
import { recording, staticProvider, withOverrides } from '../helpers/providers.js';

const IP = '203.0.113.7';
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const notice = (el: IpEntityPage) => el.shadowRoot!.querySelector('[part="range-notice"]');

/** The ranges the page asked the provider's getPrevalence for. */
function asked(calls: ReturnType<typeof recording>['calls']): TimeRange[] {
  return calls.filter((c) => c.method === 'getPrevalence').map((c) => c.args[1] as TimeRange);
}

describe('<ip-entity-page> range from a link', () => {
  it('cuts a window that runs to the year 9999 at now, and says so (the tab stays responsive)', async () => {
    const { provider, calls } = recording(staticProvider());
    const start = Date.now() - 10 * DAY;
    const el = await fixture<IpEntityPage>(html`<ip-entity-page ip=${IP} range=${`${iso(start)}/9999-12-31T00:00:00Z`} .provider=${provider}></ip-entity-page>`);
    await waitUntil(() => asked(calls).length > 0, 'the chart asked');
    const range = asked(calls)[0]!;
    expect(range.from.getTime()).to.equal(start);
    expect(range.to.getTime()).to.be.at.most(Date.now() + 5 * 60_000);
    // The notice's code loads when there is something to say (a dynamic import, as for the chart above).
    await waitUntil(() => notice(el), 'a notice');
    expect(deepText(notice(el)!).trim()).to.match(/^The time range was shortened to .* \(its end was after now\); it asked for .*9999/);
    expect(notice(el)!.getAttribute('role')).to.equal('status');
    await expect(el).to.be.accessible();
    // Picking a range the page can show clears the notice.
    el.range = '7d';
    await el.updateComplete;
    expect(notice(el)).to.equal(null);
  });

  it('keeps to what the data source keeps, or a year when it names no limit', async () => {
    const { provider, calls } = recording(withOverrides(staticProvider(), { getCapabilities: async () => ({ maxLookbackDays: 30 }) }));
    const el = await fixture<IpEntityPage>(html`<ip-entity-page ip=${IP} range=${`2000-01-01T00:00:00Z/${iso(Date.now() - DAY)}`} .provider=${provider}></ip-entity-page>`);
    await waitUntil(() => deepText(notice(el) ?? el).includes('the data source keeps 30 days'), 'says the data source keeps 30 days');
    await waitUntil(() => asked(calls).some((r) => r.to.getTime() - r.from.getTime() <= 30 * DAY + 60_000), 'asked for at most 30 days');

    const other = recording(staticProvider());
    const unlimited = await fixture<IpEntityPage>(html`<ip-entity-page ip=${IP} range=${`2000-01-01T00:00:00Z/${iso(Date.now() - DAY)}`} .provider=${other.provider}></ip-entity-page>`);
    await waitUntil(() => asked(other.calls).length > 0, 'the chart asked');
    const range = asked(other.calls)[0]!;
    expect(range.to.getTime() - range.from.getTime()).to.equal(366 * DAY);
    // The notice's code loads when there is something to say: the same wait as the other notices here.
    await waitUntil(() => notice(unlimited), 'a notice');
    expect(deepText(notice(unlimited)!)).to.contain('a range covers at most 366 days');
  });

  it('says when it cannot read the range, and shows the last 30 days', async () => {
    const el = await fixture<IpEntityPage>(html`<ip-entity-page ip=${IP} range="Nov 1 2026/Nov 15 2026" .provider=${staticProvider()}></ip-entity-page>`);
    // The notice's code loads when there is something to say (a dynamic import, as for the chart above).
    await waitUntil(() => notice(el), 'a notice');
    expect(deepText(notice(el)!).trim()).to.match(/^The time range “Nov 1 2026\/Nov 15 2026” could not be read .*; showing Last 30 days\.$/);
    expect(el.shadowRoot!.querySelector('ip-time-range-picker')!.value).to.equal('30d');
  });

  it('reads times without a zone as UTC, whatever the browser’s zone', async () => {
    const { provider, calls } = recording(staticProvider());
    const day = new Date(Date.now() - 5 * DAY).toISOString().slice(0, 10);
    await fixture<IpEntityPage>(html`<ip-entity-page ip=${IP} range=${`${day}T06:00/${day}T18:00`} .provider=${provider}></ip-entity-page>`);
    await waitUntil(() => asked(calls).length > 0, 'the chart asked');
    expect(asked(calls)[0]).to.deep.equal({ from: new Date(`${day}T06:00:00Z`), to: new Date(`${day}T18:00:00Z`) });
  });
});
