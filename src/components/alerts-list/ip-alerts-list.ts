import { forwardInPage } from '../base/page-parts.js';
import { IpAlertsList } from './alerts-list.js';

export { IpAlertsList };

// Inside <ip-entity-page>: its parts, forwarded as `alerts-<part>`.
forwardInPage(IpAlertsList, 'alerts', ['base', 'toolbar', 'status', 'filter-notice', 'incomplete', 'grid', 'header', 'row', 'flyout']);
if (!customElements.get('ip-alerts-list')) customElements.define('ip-alerts-list', IpAlertsList);

declare global {
  interface HTMLElementTagNameMap {
    'ip-alerts-list': IpAlertsList;
  }
}
