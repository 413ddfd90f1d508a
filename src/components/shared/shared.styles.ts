/**
 * Styles shared by every element: controls, links, badges, section frames, skeletons.
 * Included after `tokens` in each element's `static styles`.
 */
import { css, unsafeCSS } from 'lit';

/** `.w-5` … `.w-100`: widths for skeleton lines, as classes (no inline styles under a strict CSP). */
const widthClasses = unsafeCSS(Array.from({ length: 20 }, (_, i) => `.w-${(i + 1) * 5} { width: ${(i + 1) * 5}%; }`).join('\n'));

export const sharedStyles = css`
  :host {
    box-sizing: border-box;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  [hidden] {
    display: none !important;
  }

  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  :focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 2px;
  }

  /* ---- controls ---- */
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: calc(var(--_space) * 0.75);
    min-height: var(--_control-height);
    padding: 0 calc(var(--_space) * 1.5);
    border: 1px solid var(--_color-border-strong);
    border-radius: var(--_radius-small);
    background: var(--_color-surface);
    color: var(--_color-text);
    cursor: pointer;
    white-space: nowrap;
    text-decoration: none;
    font-weight: 600;
  }
  .button:hover {
    background: var(--_color-hover);
  }
  .button.primary {
    background: var(--_color-accent);
    border-color: var(--_color-accent);
    color: var(--_color-on-accent);
  }
  .button.primary:hover {
    background: var(--_color-accent-hover);
  }
  .button.subtle {
    border-color: transparent;
    background: transparent;
  }
  .button.subtle:hover {
    background: var(--_color-hover);
  }
  .button:disabled,
  .button[aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
  }
  .input {
    min-height: var(--_control-height);
    padding: 0 var(--_space);
    border: 1px solid var(--_color-border-strong);
    border-radius: var(--_radius-small);
    background: var(--_color-surface);
    min-width: 0;
  }
  .input[aria-invalid='true'] {
    border-color: var(--_color-danger);
  }

  /* A link that may be a real <a href> or a <button> firing ip-navigate: they look the same. */
  .link {
    appearance: none;
    border: 0;
    padding: 0;
    background: none;
    color: var(--_color-accent);
    text-decoration: none;
    cursor: pointer;
    font: inherit;
    text-align: start;
    overflow-wrap: anywhere;
  }
  .link:hover {
    text-decoration: underline;
  }

  /* ---- text ---- */
  .muted {
    color: var(--_color-text-muted);
  }
  .mono {
    font-family: var(--_font-mono);
    font-size: 0.95em;
  }
  .truncate {
    display: block;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    /* A value is cut at its own end: an English title in a right-to-left page keeps its start and
       ends in "…" on the right; it still lines up with the page (start of the parent's direction). */
    unicode-bidi: plaintext;
    text-align: match-parent;
  }
  .missing {
    color: var(--_color-text-muted);
  }
  /* A hidden character from data (a right-to-left override …), shown so it cannot deceive. */
  .control-mark {
    display: inline-block;
    margin: 0 1px;
    padding: 0 2px;
    border: 1px solid var(--_color-danger);
    border-radius: 3px;
    color: var(--_color-danger);
    font-family: var(--_font-mono);
    font-size: 0.75em;
    line-height: 1.2;
    text-decoration: none;
    vertical-align: baseline;
    unicode-bidi: isolate;
  }

  /* A row of data that could not be read, in its place; a row with values left out. */
  .unreadable {
    display: inline-flex;
    align-items: center;
    flex-wrap: wrap;
    gap: 4px;
    color: var(--_color-danger);
    min-width: 0;
  }
  .unreadable > span:not(.unreadable-icon) {
    overflow-wrap: anywhere;
  }
  .partial-mark {
    color: var(--_color-danger);
    margin-inline-end: 4px;
    cursor: help;
  }

  /* ---- badges ---- */
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding: 0 6px;
    min-height: 20px;
    border-radius: 999px;
    font-size: var(--_font-size-small);
    font-weight: 600;
    white-space: nowrap;
    border: 1px solid color-mix(in srgb, var(--_badge-color, var(--_color-text-muted)) 45%, transparent);
    color: var(--_badge-color, var(--_color-text-muted));
    background: color-mix(in srgb, var(--_badge-color, var(--_color-text-muted)) 10%, transparent);
  }
  .badge .dot {
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: currentColor;
    flex: none;
  }
  .sev-high {
    --_badge-color: var(--_severity-high);
  }
  .sev-medium {
    --_badge-color: var(--_severity-medium);
  }
  .sev-low {
    --_badge-color: var(--_severity-low);
  }
  .sev-informational {
    --_badge-color: var(--_severity-informational);
  }
  .sev-unknown {
    --_badge-color: var(--_severity-unknown);
  }

  /* ---- sections ---- */
  .section {
    display: flex;
    flex-direction: column;
    min-width: 0;
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
  }
  .section-header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.25) calc(var(--_space) * 1.75) 0;
  }
  .section-title {
    margin: 0;
    font-size: 1em;
    font-weight: 600;
  }
  .section-body {
    padding: calc(var(--_space) * 1.25) calc(var(--_space) * 1.75) calc(var(--_space) * 1.75);
    min-width: 0;
  }
  .state {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--_space);
    color: var(--_color-text-muted);
  }
  .state.error {
    color: var(--_color-text);
  }
  .state.error .state-message::before {
    content: '';
    display: inline-block;
    width: 0.7em;
    height: 0.7em;
    margin-inline-end: 0.5em;
    border-radius: 50%;
    background: var(--_color-danger);
    vertical-align: 0.05em;
  }

  /* ---- skeletons: sized like the content so nothing shifts when it arrives ---- */
  .skeleton {
    display: block;
    height: 0.9em;
    margin: 0.35em 0;
    border-radius: 4px;
    background: var(--_color-skeleton);
    animation: ip-pulse 1.4s ease-in-out infinite;
  }
  ${widthClasses}
  @keyframes ip-pulse {
    50% {
      opacity: 0.55;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }

  /* ---- definition lists (key/value details) ---- */
  .details {
    display: grid;
    grid-template-columns: minmax(7.5em, max-content) minmax(0, 1fr);
    gap: calc(var(--_space) * 0.5) calc(var(--_space) * 2);
    margin: 0;
  }
  .details dt {
    color: var(--_color-text-muted);
  }
  .details dd {
    margin: 0;
    min-width: 0;
    overflow-wrap: anywhere;
  }

  table.simple {
    width: 100%;
    border-collapse: collapse;
  }
  table.simple th,
  table.simple td {
    text-align: start;
    padding: calc(var(--_space) * 0.5) var(--_space) calc(var(--_space) * 0.5) 0;
    border-bottom: 1px solid var(--_color-border);
    vertical-align: top;
  }
  table.simple th {
    font-weight: 600;
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
  }
  table.simple tr:last-child td {
    border-bottom: 0;
  }

  /* ---- print: what is read on paper stays, what is clicked goes; nothing cut across pages ---- */
  .print-only {
    display: none;
  }
  @media print {
    .button,
    .menu-wrap,
    .skeleton,
    .search-field,
    input[type='search'] {
      display: none !important;
    }
    .print-only {
      display: inline;
    }
    .section,
    .card {
      box-shadow: none;
      break-inside: avoid;
    }
    thead {
      display: table-header-group;
    }
    tr {
      break-inside: avoid;
    }
  }
`;
