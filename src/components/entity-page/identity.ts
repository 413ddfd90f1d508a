/**
 * The page header's identity block: the IP in canonical form with a copy button and its scope
 * (public, private, reserved…), IPv4-mapped and embedded IPv4 addresses, or why there is none.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '../shared/l10n.js';
import type { IpParseResult } from '../../lib/ip.js';
import { EMBEDDED_KIND_LABELS, IP_SCOPE_LABELS } from '../shared/ip-text.js';
import '../copy-button/ip-copy-button.js';

/** `badge`: more to say after the scope (the page's threat intelligence reputation). */
export function ipIdentity(parsed: IpParseResult | undefined, badge?: TemplateResult): TemplateResult {
  if (!parsed?.ok) {
    return html`<div class="identity">
      <span class="eyebrow">${msg('IP address')}</span>
      <h1 part="ip" class="ip">${parsed ? msg('Invalid IP address') : msg('No IP address')}</h1>
    </div>`;
  }
  const ip = parsed.ip;
  return html`<div class="identity">
    <span class="eyebrow">${msg(str`IP address · IPv${ip.version}`)}</span>
    <div class="ip-line">
      <h1 part="ip" class="ip mono">${ip.canonical}</h1>
      <ip-copy-button .value=${ip.canonical} label=${msg('Copy IP address')}></ip-copy-button>
      <span class="badge scope scope-${ip.scope}">${IP_SCOPE_LABELS[ip.scope]}</span>
      ${badge ?? nothing}
    </div>
    ${ip.mapped ? html`<span class="muted small">${msg('IPv4-mapped IPv6:')} <span class="mono">${ip.mapped}</span></span>` : nothing}
    ${ip.embedded ? html`<span class="muted small">${msg(html`${EMBEDDED_KIND_LABELS[ip.embedded.kind]} address of <span class="mono">${ip.embedded.ipv4}</span>`)}</span>` : nothing}
  </div>`;
}
