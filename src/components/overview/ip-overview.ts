import { IpOverview } from './overview.js';

export { IpOverview };

if (!customElements.get('ip-overview')) customElements.define('ip-overview', IpOverview);

declare global {
  interface HTMLElementTagNameMap {
    'ip-overview': IpOverview;
  }
}
