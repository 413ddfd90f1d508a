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
