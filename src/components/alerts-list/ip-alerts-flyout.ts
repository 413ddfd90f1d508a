import { IpAlertsFlyout } from './alerts-flyout.js';

export { IpAlertsFlyout };

if (!customElements.get('ip-alerts-flyout')) customElements.define('ip-alerts-flyout', IpAlertsFlyout);

declare global {
  interface HTMLElementTagNameMap {
    'ip-alerts-flyout': IpAlertsFlyout;
  }
}
