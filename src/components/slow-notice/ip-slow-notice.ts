import { IpSlowNotice } from './slow-notice.js';

export { IpSlowNotice };

if (!customElements.get('ip-slow-notice')) customElements.define('ip-slow-notice', IpSlowNotice);

declare global {
  interface HTMLElementTagNameMap {
    'ip-slow-notice': IpSlowNotice;
  }
}
