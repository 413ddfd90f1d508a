import { IpCopyButton } from './copy-button.js';

export { IpCopyButton };

if (!customElements.get('ip-copy-button')) customElements.define('ip-copy-button', IpCopyButton);

declare global {
  interface HTMLElementTagNameMap {
    'ip-copy-button': IpCopyButton;
  }
}
