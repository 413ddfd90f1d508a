import { IpCustomRange } from './custom-range.js';

export { IpCustomRange };

if (!customElements.get('ip-custom-range')) customElements.define('ip-custom-range', IpCustomRange);

declare global {
  interface HTMLElementTagNameMap {
    'ip-custom-range': IpCustomRange;
  }
}
