import { IpCaseDialog } from './case-dialog.js';

export { IpCaseDialog };

if (!customElements.get('ip-case-dialog')) customElements.define('ip-case-dialog', IpCaseDialog);

declare global {
  interface HTMLElementTagNameMap {
    'ip-case-dialog': IpCaseDialog;
  }
}
