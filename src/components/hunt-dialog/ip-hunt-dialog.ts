import { IpHuntDialog } from './hunt-dialog.js';

export { IpHuntDialog };

if (!customElements.get('ip-hunt-dialog')) customElements.define('ip-hunt-dialog', IpHuntDialog);

declare global {
  interface HTMLElementTagNameMap {
    'ip-hunt-dialog': IpHuntDialog;
  }
}
