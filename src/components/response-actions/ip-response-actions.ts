import { forwardInPage } from '../base/page-parts.js';
import { IpResponseActions } from './response-actions.js';

export { IpResponseActions };

// Inside <ip-entity-page>: its parts, forwarded as `actions-<part>`.
forwardInPage(IpResponseActions, 'actions', ['base', 'action', 'menu', 'dialog', 'query', 'case-dialog', 'case', 'lookup-button', 'lookup-menu', 'lookup-link', 'indicator-status', 'indicator-list']);
if (!customElements.get('ip-response-actions')) customElements.define('ip-response-actions', IpResponseActions);

declare global {
  interface HTMLElementTagNameMap {
    'ip-response-actions': IpResponseActions;
  }
}
