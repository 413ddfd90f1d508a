// A host with a bundler and a provider of its own: the README's provider example (copied next
// to this file from docs/examples/own-provider.ts) over a SIEM that scripts/consumer-apps.mjs serves.
import 'ip-entity-page/ip-entity-page.js';
import 'ip-entity-page/ip-alerts-list.js';
import { siemProvider } from './own-provider.js';

const provider = siemProvider('/siem');
document.querySelector('ip-entity-page')!.provider = provider;
document.querySelector('ip-alerts-list')!.provider = provider;
