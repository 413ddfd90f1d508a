/** The lists' icons (alerts, incidents, devices, the Sentinel timeline), loaded with the tabs that draw them. */
import { svg } from 'lit';
import { icon } from './icons.js';

export const alertIcon = icon(svg`<path d="M8 1.8L14.6 13.5H1.4z"/><path d="M8 6.5v3M8 11.6v.1"/>`);
export const incidentIcon = icon(svg`<rect x="2" y="2.5" width="12" height="11" rx="1.5"/><path d="M5 6h6M5 9h4"/>`);
export const deviceIcon = icon(svg`<rect x="2" y="3" width="12" height="8" rx="1"/><path d="M6 14h4M8 11v3"/>`);
export const infoIcon = icon(svg`<circle cx="8" cy="8" r="6"/><path d="M8 7v4M8 4.8v.1"/>`);
export const bookmarkIcon = icon(svg`<path d="M4 2.5h8v11l-4-3-4 3z"/>`);
export const activityIcon = icon(svg`<path d="M1.5 8h3l2-5 3 10 2-5h3"/>`);
export const anomalyIcon = icon(svg`<path d="M2 12.5l3.5-4 3 2.5L14 3.5"/><circle cx="14" cy="3.5" r="0.8"/>`);
