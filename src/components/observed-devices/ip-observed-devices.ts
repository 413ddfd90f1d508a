import { IpObservedDevices } from './observed-devices.js';

export { IpObservedDevices };

if (!customElements.get('ip-observed-devices')) customElements.define('ip-observed-devices', IpObservedDevices);

declare global {
  interface HTMLElementTagNameMap {
    'ip-observed-devices': IpObservedDevices;
  }
}
