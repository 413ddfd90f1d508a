import { css } from 'lit';

export const caseDialogStyles = css`
  :host {
    display: contents;
    --_dialog-width: var(--ip-case-dialog-width, 44rem);
  }
  form {
    display: flex;
    flex-direction: column;
    gap: 6px;
  }
  .field-label {
    font-weight: 600;
    margin-top: var(--_space);
  }
  .cases {
    margin: 0;
    padding: 0;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-small);
    max-height: 16rem;
    overflow: auto;
  }
  .cases ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .case {
    display: flex;
    flex-direction: column;
    gap: 2px;
    padding: 6px var(--_space);
    border-bottom: 1px solid var(--_color-border);
  }
  .case:last-child {
    border-bottom: 0;
  }
  .case.chosen {
    background: var(--_color-hover);
  }
  .case label {
    display: flex;
    gap: var(--_space);
    align-items: baseline;
    cursor: pointer;
  }
  .case-meta {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
    padding-inline-start: calc(var(--_space) * 2.5);
    font-size: var(--_font-size-small);
  }
  .related {
    --_badge-color: var(--_color-text);
  }
  textarea {
    resize: vertical;
    min-height: 5rem;
  }
  .hint {
    margin: 0;
    font-size: var(--_font-size-small);
  }
  .done {
    margin-block: var(--_space);
  }
`;
