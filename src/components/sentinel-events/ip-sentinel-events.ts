import { forwardInPage } from '../base/page-parts.js';
import { IpSentinelEvents } from './sentinel-events.js';

export { IpSentinelEvents };

// Inside <ip-entity-page>: its parts, forwarded as `sentinel-<part>`.
forwardInPage(IpSentinelEvents, 'sentinel', ['timeline', 'insights', 'insight', 'incomplete', 'event', 'event-title']);
if (!customElements.get('ip-sentinel-events')) customElements.define('ip-sentinel-events', IpSentinelEvents);

declare global {
  interface HTMLElementTagNameMap {
    'ip-sentinel-events': IpSentinelEvents;
  }
}
