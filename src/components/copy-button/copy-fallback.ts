/**
 * The manual-copy field a copy button opens when the clipboard refuses the value: the value
 * selected, with how to copy it by hand. Loaded only then (copy-controls.ts), so the first paint,
 * whose header has a copy button, does not carry it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '../shared/l10n.js';

/** The field; `close()` when Escape or Enter (focus back on its button) or leaving it closes it. */
export function fallbackField(value: string, label: string, parts: boolean | undefined, close: () => void): TemplateResult {
  return html`<div class="fallback" part=${parts ? 'fallback' : nothing} role="group" aria-label=${msg('Copy manually')}>
    <span>${msg('The clipboard is not available. Press Ctrl+C (⌘C) to copy:')}</span>
    <input class="input" readonly .value=${value} aria-label=${label}
      @keydown=${(e: KeyboardEvent) => {
        if (e.key !== 'Escape' && e.key !== 'Enter') return;
        e.stopPropagation();
        close();
        (e.target as HTMLElement).closest('.copy')?.querySelector('button')?.focus();
      }}
      @blur=${close} />
  </div>`;
}

/** Focuses the open field of the copy button `key` in `root`, its value selected. */
export function focusField(root: ParentNode, key: string): void {
  const copy = [...root.querySelectorAll<HTMLElement>('.copy')].find((el) => el.dataset.copyKey === key);
  const input = copy?.querySelector('input');
  input?.focus();
  input?.select();
}
