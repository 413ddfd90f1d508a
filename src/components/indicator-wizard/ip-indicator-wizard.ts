import { IpIndicatorWizard } from './indicator-wizard.js';

export { IpIndicatorWizard };

if (!customElements.get('ip-indicator-wizard')) customElements.define('ip-indicator-wizard', IpIndicatorWizard);

declare global {
  interface HTMLElementTagNameMap {
    'ip-indicator-wizard': IpIndicatorWizard;
  }
}
