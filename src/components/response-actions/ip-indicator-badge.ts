import { IpIndicatorBadge } from './indicator-badge.js';

export { IpIndicatorBadge };

if (!customElements.get('ip-indicator-badge')) customElements.define('ip-indicator-badge', IpIndicatorBadge);

declare global {
  interface HTMLElementTagNameMap {
    'ip-indicator-badge': IpIndicatorBadge;
  }
}
