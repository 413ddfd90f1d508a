import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../helpers/dom.js';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/time-range-picker/ip-time-range-picker.js';
import type { IpTimeRangePicker } from '../../src/components/time-range-picker/time-range-picker.js';
import type { IpRangeChangeEvent } from '../../src/events/events.js';

describe('<ip-time-range-picker>', () => {
  it('offers the five ranges, 30 days selected by default', async () => {
    const el = await fixture<IpTimeRangePicker>(html`<ip-time-range-picker></ip-time-range-picker>`);
    const select = el.shadowRoot!.querySelector('select')!;
    expect([...select.options].map((o) => o.textContent)).to.deep.equal(['Last 24 hours', 'Last 7 days', 'Last 30 days', 'Last 90 days', 'Last 180 days', 'Custom range…']);
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
    expect(options.map((o) => o.disabled)).to.deep.equal([false, false, false, true, true, false]);
    expect(options[3]!.textContent).to.equal('Last 90 days (only 30 days kept)');
    await expect(el).to.be.accessible();
  });

  describe('custom range', () => {
    const local = (d: Date) => {
      const p = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
    };
    const form = (el: IpTimeRangePicker) => el.shadowRoot!.querySelector('ip-custom-range');
    const input = (el: IpTimeRangePicker, id: 'from' | 'to') => form(el)!.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;
    const type = async (el: IpTimeRangePicker, id: 'from' | 'to', value: string) => {
      const i = input(el, id);
      i.value = value;
      i.dispatchEvent(new Event('input', { bubbles: true }));
      await form(el)!.updateComplete;
    };
    const openWithKeyboard = async (el: IpTimeRangePicker) => {
      el.shadowRoot!.querySelector('select')!.focus();
      await sendKeys({ press: 'End' });
      await waitUntil(() => form(el)?.shadowRoot?.activeElement?.id === 'from', 'the form opens with From focused');
    };

    it('picks a window from the keyboard: Enter applies, a wrong window is explained and the typed text stays', async () => {
      const el = await fixture<IpTimeRangePicker>(html`<ip-time-range-picker value="7d"></ip-time-range-picker>`);
      let events = 0;
      el.addEventListener('ip-range-change', () => events++);
      await openWithKeyboard(el);
      const from = new Date(Date.now() - 3 * 86_400_000);
      from.setSeconds(0, 0);
      const to = new Date(from.getTime() + 86_400_000);
      await type(el, 'from', local(to));
      await type(el, 'to', local(from));
      await sendKeys({ press: 'Enter' });
      const error = form(el)!.shadowRoot!.querySelector('[role="alert"]')!;
      await waitUntil(() => error.textContent === 'The start must be before the end.');
      expect(input(el, 'from').value).to.equal(local(to));
      expect(input(el, 'from').getAttribute('aria-invalid')).to.equal('true');
      expect(events).to.equal(0);
      await expect(el).to.be.accessible();
      await type(el, 'from', local(from));
      await type(el, 'to', local(to));
      setTimeout(() => sendKeys({ press: 'Enter' }));
      const e = (await oneEvent(el, 'ip-range-change')) as IpRangeChangeEvent;
      expect(e.detail.range).to.equal(`${from.toISOString()}/${to.toISOString()}`);
      expect(el.getAttribute('value')).to.equal(e.detail.range);
      await waitUntil(() => !form(el));
      const select = el.shadowRoot!.querySelector('select')!;
      expect(el.shadowRoot!.activeElement).to.equal(select);
      expect(select.value).to.equal('custom');
      expect(select.selectedOptions[0]!.textContent).to.contain('–');
    });

    it('closes on Escape without changing the range, and refuses a start older than the data source keeps', async () => {
      const el = await fixture<IpTimeRangePicker>(html`<ip-time-range-picker value="24h" max-lookback-days="7"></ip-time-range-picker>`);
      let events = 0;
      el.addEventListener('ip-range-change', () => events++);
      await openWithKeyboard(el);
      expect(form(el)!.shadowRoot!.textContent).to.contain('The data source keeps 7 days.');
      await type(el, 'from', local(new Date(Date.now() - 10 * 86_400_000)));
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => form(el)!.shadowRoot!.querySelector('[role="alert"]')!.textContent!.startsWith('The data source keeps 7 days: start on'));
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !form(el));
      const select = el.shadowRoot!.querySelector('select')!;
      expect(select.value).to.equal('24h');
      expect(el.shadowRoot!.activeElement).to.equal(select);
      expect(el.value).to.equal('24h');
      expect(events).to.equal(0);
    });

    it('refuses an end in the future or a range past a year, and keeps what was typed', async () => {
      const el = await fixture<IpTimeRangePicker>(html`<ip-time-range-picker value="24h"></ip-time-range-picker>`);
      let events = 0;
      el.addEventListener('ip-range-change', () => events++);
      await openWithKeyboard(el);
      expect(input(el, 'to').max, 'the To input has a maximum: now').to.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
      const from = local(new Date(Date.now() - 2 * 86_400_000));
      const future = local(new Date(Date.now() + 3 * 86_400_000));
      await type(el, 'from', from);
      await type(el, 'to', future);
      await sendKeys({ press: 'Enter' });
      const error = form(el)!.shadowRoot!.querySelector('[role="alert"]')!;
      await waitUntil(() => error.textContent!.startsWith('The end is in the future'), `said: ${error.textContent}`);
      expect([input(el, 'from').value, input(el, 'to').value]).to.deep.equal([from, future]);
      await type(el, 'from', local(new Date(Date.now() - 400 * 86_400_000)));
      await type(el, 'to', local(new Date(Date.now() - 86_400_000)));
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => error.textContent!.startsWith('A range covers at most 366 days'), `said: ${error.textContent}`);
      expect(events).to.equal(0);
    });
  });
});
