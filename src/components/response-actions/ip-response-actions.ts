import { IpResponseActions } from './response-actions.js';

export { IpResponseActions };

if (!customElements.get('ip-response-actions')) customElements.define('ip-response-actions', IpResponseActions);

declare global {
  interface HTMLElementTagNameMap {
    'ip-response-actions': IpResponseActions;
  }
}
