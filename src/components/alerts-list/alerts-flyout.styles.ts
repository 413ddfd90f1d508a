/** `<ip-alerts-flyout>`'s own styles (tokens and the shared styles come first in its `styles`). */
import { css } from 'lit';

export const alertsFlyoutStyles = css`
  .multiline {
    white-space: pre-line;
  }
  :host {
    display: block;
    min-width: 0;
  }
  .panel {
    display: flex;
    flex-direction: column;
    height: 100%;
    background: var(--_color-surface);
    border-inline-start: 1px solid var(--_color-border);
    overflow: auto;
  }
  .head {
    display: flex;
    align-items: flex-start;
    justify-content: space-between;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2) var(--_space);
    border-bottom: 1px solid var(--_color-border);
  }
  h2 {
    margin: 0;
    font-size: 1.05em;
    overflow-wrap: anywhere;
  }
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: 2px solid var(--_color-focus);
  }
  .kind {
    font-size: var(--_font-size-small);
    color: var(--_color-text-muted);
    text-transform: uppercase;
    letter-spacing: 0.04em;
    font-weight: 600;
  }
  .body {
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 1.5);
  }
  h3 {
    margin: 0 0 4px;
    font-size: var(--_font-size-small);
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--_color-text-muted);
  }
  p {
    margin: 0;
    overflow-wrap: anywhere;
  }
  ul {
    margin: 0;
    padding-inline-start: 1.1em;
  }
  li {
    overflow-wrap: anywhere;
  }
  .comment {
    border-inline-start: 3px solid var(--_color-border);
    padding-inline-start: var(--_space);
    margin-bottom: 4px;
  }
  form {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space);
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2) calc(var(--_space) * 2);
    border-top: 1px solid var(--_color-border);
    background: var(--_color-surface-alt);
  }
  label {
    display: flex;
    flex-direction: column;
    gap: 2px;
    font-weight: 600;
    font-size: var(--_font-size-small);
  }
  select,
  textarea,
  input {
    font-weight: 400;
    font-size: var(--_font-size);
  }
  textarea {
    min-height: 4.5em;
    padding: 6px var(--_space);
    resize: vertical;
  }
  .actions {
    display: flex;
    gap: var(--_space);
    align-items: center;
    flex-wrap: wrap;
  }
  .error {
    color: var(--_color-danger);
    font-weight: 600;
  }
  .small {
    font-size: var(--_font-size-small);
  }
  .saved {
    color: var(--_color-success);
    margin: 0;
  }
`;
