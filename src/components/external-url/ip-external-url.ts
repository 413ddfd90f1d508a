import { IpExternalUrl } from './external-url.js';

export { IpExternalUrl };

if (!customElements.get('ip-external-url')) customElements.define('ip-external-url', IpExternalUrl);

declare global {
  interface HTMLElementTagNameMap {
    'ip-external-url': IpExternalUrl;
  }
}
