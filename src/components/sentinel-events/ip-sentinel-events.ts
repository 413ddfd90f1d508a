import { IpSentinelEvents } from './sentinel-events.js';

export { IpSentinelEvents };

if (!customElements.get('ip-sentinel-events')) customElements.define('ip-sentinel-events', IpSentinelEvents);

declare global {
  interface HTMLElementTagNameMap {
    'ip-sentinel-events': IpSentinelEvents;
  }
}
