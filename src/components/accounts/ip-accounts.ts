import { forwardInPage } from '../base/page-parts.js';
import { IpAccounts } from './accounts.js';

export { IpAccounts };

// Inside <ip-entity-page>: its parts, forwarded as `accounts-<part>`.
forwardInPage(IpAccounts, 'accounts', ['base', 'toolbar', 'cap', 'incomplete', 'table', 'account', 'more']);
if (!customElements.get('ip-accounts')) customElements.define('ip-accounts', IpAccounts);

declare global {
  interface HTMLElementTagNameMap {
    'ip-accounts': IpAccounts;
  }
}
