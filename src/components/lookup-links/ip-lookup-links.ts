import { IpLookupLinks } from './lookup-links.js';

export { IpLookupLinks };

if (!customElements.get('ip-lookup-links')) customElements.define('ip-lookup-links', IpLookupLinks);

declare global {
  interface HTMLElementTagNameMap {
    'ip-lookup-links': IpLookupLinks;
  }
}
