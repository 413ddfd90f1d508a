import { IpThreatIntel } from './threat-intel.js';

export { IpThreatIntel };

if (!customElements.get('ip-threat-intel')) customElements.define('ip-threat-intel', IpThreatIntel);

declare global {
  interface HTMLElementTagNameMap {
    'ip-threat-intel': IpThreatIntel;
  }
}
