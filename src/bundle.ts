/**
 * The self-contained bundle for plain HTML pages (no bundler): registers every element and
 * exports everything `index.ts` does. `<script type="module" src=".../ip-entity-page.bundle.js">`.
 */
export * from './index.js';
import './components/copy-button/ip-copy-button.js';
import './components/external-url/ip-external-url.js';
import './components/slow-notice/ip-slow-notice.js';
import './components/time-range-picker/ip-time-range-picker.js';
import './components/prevalence-chart/ip-prevalence-chart.js';
import './components/overview/ip-overview.js';
import './components/alerts-list/ip-alerts-list.js';
import './components/observed-devices/ip-observed-devices.js';
import './components/traffic/ip-traffic.js';
import './components/accounts/ip-accounts.js';
import './components/indicator-wizard/ip-indicator-wizard.js';
import './components/hunt-dialog/ip-hunt-dialog.js';
import './components/case-dialog/ip-case-dialog.js';
import './components/response-actions/ip-response-actions.js';
import './components/sentinel-events/ip-sentinel-events.js';
import './components/threat-intel/ip-threat-intel.js';
import './components/threat-intel/ip-reputation-badge.js';
import './components/response-actions/ip-indicator-badge.js';
import './components/note/ip-note.js';
import './components/lookup-links/ip-lookup-links.js';
import './components/entity-page/ip-entity-page.js';
