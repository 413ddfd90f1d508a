import { forwardInPage } from '../base/page-parts.js';
import { IpTraffic } from './traffic.js';

export { IpTraffic };

// Inside <ip-entity-page>: its parts, forwarded as `traffic-<part>`.
forwardInPage(IpTraffic, 'traffic', ['base', 'heading', 'method', 'cap', 'incomplete', 'table', 'device']);
if (!customElements.get('ip-traffic')) customElements.define('ip-traffic', IpTraffic);

declare global {
  interface HTMLElementTagNameMap {
    'ip-traffic': IpTraffic;
  }
}
