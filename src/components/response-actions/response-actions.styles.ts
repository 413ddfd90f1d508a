import { css } from 'lit';

export const responseActionsStyles = css`
  :host {
    display: block;
    container-type: inline-size;
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
  .indicator-list ul {
    list-style: none;
    margin: var(--_space) 0 0;
    padding: 0;
  }
  .indicator-list li {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 4px var(--_space);
    padding: 4px 0;
    border-bottom: 1px solid var(--_color-border);
    font-size: var(--_font-size-small);
  }
  .indicator-title {
    font-weight: 600;
  }
  .row-actions {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    margin-inline-start: auto;
  }
  .expiry-form {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px var(--_space);
    flex-basis: 100%;
  }
  .expiry-form .input {
    min-height: 24px;
    font-size: var(--_font-size-small);
  }
  .row-actions .button,
  .expiry-form .button {
    min-height: 22px;
    padding: 0 8px;
    font-size: var(--_font-size-small);
  }
  .row-actions .button.danger {
    border-color: var(--_color-danger);
    color: var(--_color-danger);
  }
  .remove-error {
    flex-basis: 100%;
    color: var(--_color-danger);
  }
`;
