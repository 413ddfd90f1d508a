import { IpNoteElement } from './note.js';

export { IpNoteElement };

if (!customElements.get('ip-note')) customElements.define('ip-note', IpNoteElement);

declare global {
  interface HTMLElementTagNameMap {
    'ip-note': IpNoteElement;
  }
}
