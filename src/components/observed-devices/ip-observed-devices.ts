import { forwardInPage } from '../base/page-parts.js';
import { IpObservedDevices } from './observed-devices.js';

export { IpObservedDevices };

// Inside <ip-entity-page>: its parts, forwarded as `devices-<part>`.
forwardInPage(IpObservedDevices, 'devices', ['base', 'toolbar', 'cap', 'incomplete', 'list', 'device', 'event', 'timeline-alert']);
if (!customElements.get('ip-observed-devices')) customElements.define('ip-observed-devices', IpObservedDevices);

declare global {
  interface HTMLElementTagNameMap {
    'ip-observed-devices': IpObservedDevices;
  }
}
