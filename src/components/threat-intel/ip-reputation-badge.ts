import { IpReputationBadge } from './reputation-badge.js';

export { IpReputationBadge };

if (!customElements.get('ip-reputation-badge')) customElements.define('ip-reputation-badge', IpReputationBadge);

declare global {
  interface HTMLElementTagNameMap {
    'ip-reputation-badge': IpReputationBadge;
  }
}
