import { IpTimeRangePicker } from './time-range-picker.js';

export { IpTimeRangePicker };

if (!customElements.get('ip-time-range-picker')) customElements.define('ip-time-range-picker', IpTimeRangePicker);

declare global {
  interface HTMLElementTagNameMap {
    'ip-time-range-picker': IpTimeRangePicker;
  }
}
