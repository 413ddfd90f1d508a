import { IpShortcutsDialog } from './shortcuts-dialog.js';

export { IpShortcutsDialog };

if (!customElements.get('ip-shortcuts-dialog')) customElements.define('ip-shortcuts-dialog', IpShortcutsDialog);

declare global {
  interface HTMLElementTagNameMap {
    'ip-shortcuts-dialog': IpShortcutsDialog;
  }
}
