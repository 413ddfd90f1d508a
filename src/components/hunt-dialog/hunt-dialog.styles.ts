import { css } from 'lit';

export const huntDialogStyles = css`
  :host {
    display: contents;
    --_dialog-width: var(--ip-hunt-dialog-width, 56rem);
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
  .lookups {
    margin-block-start: calc(var(--_space) * 2);
  }
  .lookups h3 {
    margin: 0 0 calc(var(--_space) * 0.5);
    font-size: var(--_font-size-small);
    font-weight: 600;
    color: var(--_color-text-muted);
  }
  .lookup-list {
    display: flex;
    flex-wrap: wrap;
    gap: 4px calc(var(--_space) * 2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
`;
