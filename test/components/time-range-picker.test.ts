import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/time-range-picker/ip-time-range-picker.js';
import type { IpTimeRangePicker } from '../../src/components/time-range-picker/time-range-picker.js';
import type { IpRangeChangeEvent } from '../../src/events/events.js';

describe('<ip-time-range-picker>', () => {
  it('offers the five ranges, 30 days selected by default', async () => {
    const el = await fixture<IpTimeRangePicker>(html`<ip-time-range-picker></ip-time-range-picker>`);
    const select = el.shadowRoot!.querySelector('select')!;
    expect([...select.options].map((o) => o.textContent)).to.deep.equal(['Last 24 hours', 'Last 7 days', 'Last 30 days', 'Last 90 days', 'Last 180 days']);
    expect(select.value).to.equal('30d');
    await expect(el).to.be.accessible();
  });

  it('fires ip-range-change when the user picks, not when the host sets the value', async () => {
    const el = await fixture<IpTimeRangePicker>(html`<ip-time-range-picker value="7d"></ip-time-range-picker>`);
    let events = 0;
    el.addEventListener('ip-range-change', () => events++);
    el.value = '90d';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('select')!.value).to.equal('90d');
    expect(events).to.equal(0);
    const select = el.shadowRoot!.querySelector('select')!;
    select.value = '24h';
    setTimeout(() => select.dispatchEvent(new Event('change')));
    const e = (await oneEvent(el, 'ip-range-change')) as IpRangeChangeEvent;
    expect(e.detail.range).to.equal('24h');
    expect(el.value).to.equal('24h');
    expect(el.getAttribute('value')).to.equal('24h');
  });

  it('disables the ranges the data source cannot serve, saying why', async () => {
    const el = await fixture<IpTimeRangePicker>(html`<ip-time-range-picker max-lookback-days="30"></ip-time-range-picker>`);
    const options = [...el.shadowRoot!.querySelectorAll('option')];
    expect(options.map((o) => o.disabled)).to.deep.equal([false, false, false, true, true]);
    expect(options[3]!.textContent).to.equal('Last 90 days (the data source keeps 30 days)');
    await expect(el).to.be.accessible();
  });
});
