/**
 * The reputation badge: classification and score, coloured by how bad it is. Shared by the
 * Threat intelligence tab and the page header (which loads it with the answer).
 */
import { html, type TemplateResult } from 'lit';
import type { IpReputation } from '../../data/threat-intel.js';
import { classToken } from '../shared/ui.js';
import { msg, str } from '../shared/l10n.js';
import { own } from '../../data/model.js';
import { revealControls } from '../../lib/text.js';

const KNOWN = ['malicious', 'suspicious', 'neutral', 'unknown'];
const LABELS: Readonly<Record<string, string>> = {
  get malicious() {
    return msg('Malicious');
  },
  get suspicious() {
    return msg('Suspicious');
  },
  get neutral() {
    return msg('Neutral');
  },
  get unknown() {
    return msg('Unknown');
  },
};

export function reputationLabel(rep: IpReputation): string {
  const c = String(rep.classification);
  return own(LABELS, c) ?? revealControls(c.charAt(0).toUpperCase() + c.slice(1));
}

export function reputationBadge(rep: IpReputation): TemplateResult {
  return html`<span class="badge ${classToken('rep', String(rep.classification), KNOWN)}" part="badge" title=${msg(str`Threat intelligence reputation: ${reputationLabel(rep)}, score ${rep.score} of 100`)}
    ><span class="dot" aria-hidden="true"></span>${reputationLabel(rep)} · ${rep.score}</span>`;
}
