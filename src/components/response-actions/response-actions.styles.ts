import { css } from 'lit';

export const responseActionsStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    /* --ip-dialog-width is the old name, still honoured. */
    --_dialog-width: var(--ip-response-actions-dialog-width, var(--ip-dialog-width, 40rem));
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .secondary {
    display: contents;
  }
  .item {
    position: relative;
    display: inline-flex;
  }
  .more {
    position: relative;
    display: none;
  }
  /* Narrow: secondary actions move into the More menu. */
  @container (max-width: 720px) {
    .secondary {
      display: none;
    }
    .more {
      display: inline-flex;
    }
  }
  .action .icon {
    flex: none;
  }
  .item {
    align-items: center;
    gap: var(--_space);
  }
  .reason {
    display: flex;
    align-items: flex-start;
    gap: 4px;
    margin: 4px 0 0;
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
  }
  .reason .icon {
    flex: none;
    margin-block-start: 1px;
  }
  .menu {
    position: absolute;
    z-index: 30;
    inset-block-start: calc(100% + 4px);
    inset-inline-start: 0;
    min-width: 16rem;
    padding: 4px 0;
    background: var(--_color-surface);
    border: 1px solid var(--_color-border-strong);
    border-radius: var(--_radius-small);
    box-shadow: var(--_shadow-raised);
  }
  .menu[hidden] {
    display: none;
  }
  .menu .item {
    display: block;
  }
  .menuitem {
    display: flex;
    width: 100%;
    align-items: center;
    gap: var(--_space);
    padding: 6px calc(var(--_space) * 1.5);
    border: 0;
    background: none;
    color: var(--_color-text);
    text-align: start;
    text-decoration: none;
    cursor: pointer;
  }
  .menuitem:hover,
  .menuitem:focus-visible {
    background: var(--_color-hover);
    outline: none;
  }
  .menuitem:focus-visible {
    box-shadow: inset 0 0 0 2px var(--_color-focus);
  }
  .menuitem[aria-disabled='true'] {
    color: var(--_color-text-muted);
    cursor: not-allowed;
  }
  .menu .reason {
    display: block;
    padding: 0 calc(var(--_space) * 1.5) 6px;
  }
  .status {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    font-size: var(--_font-size-small);
    color: var(--_color-success);
  }
  .status.error {
    color: var(--_color-danger);
  }
  .status:empty {
    display: none;
  }
  .fallback {
    display: flex;
    flex-direction: column;
    gap: 4px;
    margin-block-start: var(--_space);
    max-width: 48rem;
  }
  .fallback textarea {
    width: 100%;
    padding: var(--_space);
    font-size: var(--_font-size-small);
  }
  .fallback .button {
    align-self: flex-start;
  }

  /* ---- dialogs ---- */
  .dialog {
    width: min(var(--_dialog-width), calc(100vw - 2rem));
    max-height: calc(100vh - 2rem);
    overflow: auto;
    padding: 0;
    border: 1px solid var(--_color-border-strong);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-text);
    box-shadow: var(--_shadow-raised);
    font-family: var(--_font-family);
    font-size: var(--_font-size);
  }
  .dialog.hunt {
    width: min(56rem, calc(100vw - 2rem));
  }
  .dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  .dialog > * {
    margin-inline: calc(var(--_space) * 2.5);
  }
  .dialog-header {
    display: flex;
    align-items: center;
    gap: var(--_space);
    margin-block: calc(var(--_space) * 2) var(--_space);
  }
  .dialog-header h2 {
    flex: 1;
    margin: 0;
    font-size: calc(var(--_font-size) * 1.25);
  }
  .close {
    padding: 0 var(--_space);
  }
  .dialog-footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    margin-block: calc(var(--_space) * 2);
  }
  .spacer {
    flex: 1;
  }
  .button.danger {
    background: var(--_color-danger);
    border-color: var(--_color-danger);
    color: var(--_color-surface);
  }
  .steps {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
    padding: 0 0 var(--_space);
    list-style: none;
    border-bottom: 1px solid var(--_color-border);
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
  }
  .steps li {
    display: inline-flex;
    align-items: center;
    gap: 6px;
  }
  .steps .n {
    display: inline-grid;
    place-items: center;
    width: 20px;
    height: 20px;
    border-radius: 50%;
    border: 1px solid var(--_color-border-strong);
    font-weight: 600;
  }
  .steps .current {
    color: var(--_color-text);
    font-weight: 600;
  }
  .steps .current .n {
    background: var(--_color-accent);
    border-color: var(--_color-accent);
    color: var(--_color-on-accent);
  }
  .steps .past .n {
    border-color: var(--_color-accent);
    color: var(--_color-accent);
  }
  .step h3 {
    margin: var(--_space) 0;
    font-size: var(--_font-size);
  }
  .step h3:focus {
    outline: none;
  }
  .step h3:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 2px;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 4px;
    margin: 0 0 calc(var(--_space) * 1.5);
    padding: 0;
    border: 0;
    min-width: 0;
  }
  .field label,
  .field legend {
    font-weight: 600;
    padding: 0;
  }
  .field .input {
    width: 100%;
  }
  .field textarea.input {
    padding: 6px var(--_space);
    resize: vertical;
  }
  .field-row {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: 0 calc(var(--_space) * 1.5);
  }
  .choices {
    display: flex;
    flex-direction: column;
    gap: 6px;
  }
  .field .choice,
  .choice {
    display: flex;
    align-items: flex-start;
    gap: var(--_space);
    font-weight: 400;
  }
  .choice input {
    margin-block-start: 3px;
  }
  .hint {
    margin: 0;
    color: var(--_color-text-muted);
    font-size: var(--_font-size-small);
  }
  .field-error,
  .submit-error {
    margin: 0;
    color: var(--_color-danger);
    font-size: var(--_font-size-small);
    font-weight: 600;
  }
  .submit-error {
    margin-block-start: var(--_space);
    font-size: var(--_font-size);
  }
  .required {
    color: var(--_color-danger);
  }
  .ip-changed {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    margin-block: var(--_space);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_color-warning);
    border-inline-start-width: 4px;
    border-radius: var(--_radius-small);
  }
  .ip-changed p {
    margin: 0;
    flex: 1 1 20rem;
  }
  .summary-list {
    grid-template-columns: max-content 1fr;
  }
  .pre {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .done {
    margin-block: var(--_space);
  }
  .confirm {
    position: absolute;
    inset: 0;
    margin: 0;
    display: flex;
    flex-direction: column;
    justify-content: center;
    padding: calc(var(--_space) * 3);
    background: color-mix(in srgb, var(--_color-surface) 96%, transparent);
  }
  .confirm h3 {
    margin: 0 0 var(--_space);
  }
  .lang-tabs {
    display: flex;
    flex-wrap: wrap;
    gap: 2px;
    border-bottom: 1px solid var(--_color-border);
  }
  .lang-tab {
    padding: 6px calc(var(--_space) * 1.5);
    border: 0;
    border-bottom: 2px solid transparent;
    background: none;
    cursor: pointer;
    color: var(--_color-text-muted);
    font-weight: 600;
  }
  .lang-tab[aria-selected='true'] {
    color: var(--_color-text);
    border-bottom-color: var(--_color-accent);
  }
  .lang-tab:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: -2px;
  }
  .query {
    display: block;
    width: 100%;
    margin-block-start: var(--_space);
    padding: var(--_space);
    font-size: var(--_font-size-small);
    line-height: 1.5;
    white-space: pre;
    resize: vertical;
  }
  .dialog .status {
    margin-block: 0 var(--_space);
  }
`;
