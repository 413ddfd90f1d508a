import { forwardInPage } from '../base/page-parts.js';
import { IpThreatIntel } from './threat-intel.js';

export { IpThreatIntel };

// Inside <ip-entity-page>: its parts, forwarded as `intel-<part>`.
forwardInPage(IpThreatIntel, 'intel', ['reputation', 'host', 'list', 'badge']);
if (!customElements.get('ip-threat-intel')) customElements.define('ip-threat-intel', IpThreatIntel);

declare global {
  interface HTMLElementTagNameMap {
    'ip-threat-intel': IpThreatIntel;
  }
}
