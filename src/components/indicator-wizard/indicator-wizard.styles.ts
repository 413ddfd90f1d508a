import { css } from 'lit';

export const indicatorWizardStyles = css`
  :host {
    display: contents;
    /* --ip-response-actions-dialog-width (and its old name --ip-dialog-width) is what the bar's users set. */
    --_dialog-width: var(--ip-indicator-wizard-width, var(--ip-response-actions-dialog-width, var(--ip-dialog-width, 40rem)));
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
  .existing-note {
    margin: 0 0 var(--_space);
    padding: 6px 10px;
    border-inline-start: 3px solid var(--_severity-medium);
    border-radius: var(--_radius-small);
    background: color-mix(in srgb, var(--_severity-medium) 10%, transparent);
    font-size: var(--_font-size-small);
  }
`;
