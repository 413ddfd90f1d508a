import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/copy-button/ip-copy-button.js';
import '../src/components/time-range-picker/ip-time-range-picker.js';

const meta: Meta = { title: 'Elements/Small controls' };
export default meta;

export const CopyButton: StoryObj = {
  render: () => html`<div style="padding:16px;font-family:system-ui">
    203.0.113.7 <ip-copy-button value="203.0.113.7" label="Copy IP address"></ip-copy-button>
    <br /><br />
    With label: <ip-copy-button value="2001:db8::1" label="Copy" show-label></ip-copy-button>
  </div>`,
};

export const CopyButtonDark: StoryObj = {
  render: () => html`<div style="padding:16px;background:#17181c;color:#e7e8eb;font-family:system-ui">
    203.0.113.7 <ip-copy-button theme="dark" value="203.0.113.7" label="Copy IP address" show-label></ip-copy-button>
  </div>`,
};

export const TimeRangePicker: StoryObj = {
  render: () => html`<div style="padding:16px"><ip-time-range-picker value="7d"></ip-time-range-picker></div>`,
};

export const TimeRangePickerDark: StoryObj = {
  render: () => html`<div style="padding:16px;background:#17181c"><ip-time-range-picker theme="dark" value="90d"></ip-time-range-picker></div>`,
};

/** A window of whole UTC days `fromDays` … `toDays` ago, plus hours, as the `range` attribute spells it. */
function daysAgoWindow(fromDays: number, fromHour: number, toDays: number, toHour: number): string {
  const midnight = Math.floor(Date.now() / 86_400_000) * 86_400_000;
  const at = (days: number, hour: number) => new Date(midnight - days * 86_400_000 + hour * 3_600_000).toISOString();
  return `${at(fromDays, fromHour)}/${at(toDays, toHour)}`;
}

/** A custom window in force (two weeks, ending a week ago): the select names it. */
export const TimeRangePickerCustomWindow: StoryObj = {
  render: () => html`<div style="padding:16px"><ip-time-range-picker value=${daysAgoWindow(21, 8, 7, 18)}></ip-time-range-picker></div>`,
};

/** "Custom range…" picked with a data source that keeps 30 days: the form (`<ip-custom-range>`, loaded on first use) open, From focused. */
export const TimeRangePickerCustomForm: StoryObj = {
  render: () => html`<div style="padding:16px;display:flex;justify-content:flex-end;min-height:260px"><ip-time-range-picker value="7d" max-lookback-days="30"></ip-time-range-picker></div>`,
  play: async ({ canvasElement }) => {
    const picker = canvasElement.querySelector('ip-time-range-picker')!;
    await picker.updateComplete;
    const select = picker.shadowRoot!.querySelector('select')!;
    select.value = 'custom';
    select.dispatchEvent(new Event('change'));
  },
};
