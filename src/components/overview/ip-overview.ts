import { forwardInPage } from '../base/page-parts.js';
import { IpOverview } from './overview.js';

export { IpOverview };

// Inside <ip-entity-page>: its parts, forwarded as `overview-<part>`.
forwardInPage(IpOverview, 'overview', ['base', 'notice', 'security-info', 'incomplete', 'severity-cards', 'severity-card', 'details', 'log-activity', 'logged-hosts', 'prevalence']);
if (!customElements.get('ip-overview')) customElements.define('ip-overview', IpOverview);

declare global {
  interface HTMLElementTagNameMap {
    'ip-overview': IpOverview;
  }
}
