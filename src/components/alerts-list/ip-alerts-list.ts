import { IpAlertsList } from './alerts-list.js';

export { IpAlertsList };

if (!customElements.get('ip-alerts-list')) customElements.define('ip-alerts-list', IpAlertsList);

declare global {
  interface HTMLElementTagNameMap {
    'ip-alerts-list': IpAlertsList;
  }
}
