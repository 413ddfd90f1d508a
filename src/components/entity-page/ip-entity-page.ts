import { IpEntityPage } from './entity-page.js';

export { IpEntityPage };

if (!customElements.get('ip-entity-page')) customElements.define('ip-entity-page', IpEntityPage);

declare global {
  interface HTMLElementTagNameMap {
    'ip-entity-page': IpEntityPage;
  }
}
