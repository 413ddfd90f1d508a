/** Inline SVG icons (16×16, currentColor), decorative: always paired with a text label. */
import { svg, type SVGTemplateResult } from 'lit';

const icon = (body: SVGTemplateResult): SVGTemplateResult =>
  svg`<svg class="icon" width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${body}</svg>`;

export const copyIcon = icon(svg`<rect x="5.5" y="5.5" width="8" height="8" rx="1.5"/><path d="M10.5 3.5v-.5a1.5 1.5 0 0 0-1.5-1.5H4A1.5 1.5 0 0 0 2.5 3v5A1.5 1.5 0 0 0 4 9.5h.5"/>`);
export const checkIcon = icon(svg`<path d="M3 8.5l3.2 3L13 4.5"/>`);
export const searchIcon = icon(svg`<circle cx="7" cy="7" r="4.5"/><path d="M10.5 10.5L14 14"/>`);
export const alertIcon = icon(svg`<path d="M8 1.8L14.6 13.5H1.4z"/><path d="M8 6.5v3M8 11.6v.1"/>`);
export const incidentIcon = icon(svg`<rect x="2" y="2.5" width="12" height="11" rx="1.5"/><path d="M5 6h6M5 9h4"/>`);
export const deviceIcon = icon(svg`<rect x="2" y="3" width="12" height="8" rx="1"/><path d="M6 14h4M8 11v3"/>`);
export const infoIcon = icon(svg`<circle cx="8" cy="8" r="6"/><path d="M8 7v4M8 4.8v.1"/>`);
export const bookmarkIcon = icon(svg`<path d="M4 2.5h8v11l-4-3-4 3z"/>`);
export const activityIcon = icon(svg`<path d="M1.5 8h3l2-5 3 10 2-5h3"/>`);
export const anomalyIcon = icon(svg`<path d="M2 12.5l3.5-4 3 2.5L14 3.5"/><circle cx="14" cy="3.5" r="0.8"/>`);
