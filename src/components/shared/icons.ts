/**
 * Inline SVG icons (16×16, currentColor), decorative: always paired with a text label. These are
 * the ones the first screen draws; the lists' icons are in list-icons.ts and load with the lists.
 */
import { svg, type SVGTemplateResult } from 'lit';

export const icon = (body: SVGTemplateResult): SVGTemplateResult =>
  svg`<svg class="icon" width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${body}</svg>`;

export const copyIcon = icon(svg`<rect x="5.5" y="5.5" width="8" height="8" rx="1.5"/><path d="M10.5 3.5v-.5a1.5 1.5 0 0 0-1.5-1.5H4A1.5 1.5 0 0 0 2.5 3v5A1.5 1.5 0 0 0 4 9.5h.5"/>`);
export const checkIcon = icon(svg`<path d="M3 8.5l3.2 3L13 4.5"/>`);
export const searchIcon = icon(svg`<circle cx="7" cy="7" r="4.5"/><path d="M10.5 10.5L14 14"/>`);
