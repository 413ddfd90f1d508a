/**
 * Design tokens: the `--ip-*` custom properties every element reads, with a light and a dark set.
 *
 * How theming works, so that nested and standalone elements agree:
 * - Each element resolves private `--_name: var(--ip-name, <default>)` on its host. The default
 *   follows `prefers-color-scheme`, so with no theme set everything matches the OS.
 * - `theme="dark"` / `theme="light"` on an element sets the public `--ip-*` tokens on it, which its
 *   shadow descendants inherit, so one attribute on `<ip-entity-page>` themes every section.
 * - A host overrides any token from outside (`ip-entity-page { --ip-color-accent: purple }`);
 *   outer styles beat `:host` rules, in both themes.
 * - `density="compact"` tightens spacing, row height and type the same way.
 */
import { css, unsafeCSS, type CSSResult } from 'lit';

type Token = readonly [name: string, light: string, dark: string];

/** Every colour token, [name, light, dark]. Text colours meet WCAG AA (4.5:1) on both surfaces. */
export const COLOR_TOKENS: readonly Token[] = [
  ['color-bg', '#f3f4f6', '#17181c'],
  ['color-surface', '#ffffff', '#222328'],
  ['color-surface-alt', '#f6f7f9', '#2a2b31'],
  ['color-hover', '#eef1f5', '#31333a'],
  ['color-selected', '#e4eefb', '#1f3450'],
  ['color-border', '#d6d9df', '#3a3c44'],
  ['color-border-strong', '#b4b9c2', '#555863'],
  ['color-text', '#1c1f24', '#e7e8eb'],
  ['color-text-muted', '#555d6b', '#a9aeb8'],
  ['color-accent', '#0f6cbd', '#6cb1f5'],
  ['color-accent-hover', '#0c5a9e', '#8cc2f7'],
  ['color-on-accent', '#ffffff', '#0b1a2a'],
  ['color-focus', '#0f6cbd', '#8cc2f7'],
  ['color-danger', '#b10e1c', '#ff8a91'],
  ['color-success', '#0e700e', '#74d16a'],
  ['color-warning', '#8a5300', '#f2b84b'],
  ['color-skeleton', '#e6e8ec', '#30323a'],
  ['severity-high', '#b10e1c', '#ff9199'],
  ['severity-medium', '#974300', '#ffa257'],
  ['severity-low', '#665300', '#e3c341'],
  ['severity-informational', '#4a5568', '#b3bccb'],
  ['severity-unknown', '#565e6c', '#b4bac4'],
];

/** Tokens that do not change with the colour scheme. */
export const SHAPE_TOKENS: ReadonlyArray<readonly [name: string, value: string]> = [
  ['font-family', `'Segoe UI Variable', 'Segoe UI', system-ui, -apple-system, 'Helvetica Neue', Arial, sans-serif`],
  ['font-mono', `ui-monospace, 'Cascadia Mono', 'SF Mono', Consolas, 'Liberation Mono', monospace`],
  ['radius', '6px'],
  ['radius-small', '4px'],
  ['shadow', '0 1px 2px rgb(0 0 0 / 0.08), 0 1px 1px rgb(0 0 0 / 0.04)'],
  ['shadow-raised', '0 8px 24px rgb(0 0 0 / 0.16)'],
];

/** Density tokens: [name, comfortable, compact]. */
export const DENSITY_TOKENS: readonly Token[] = [
  ['font-size', '14px', '13px'],
  ['font-size-small', '12px', '11.5px'],
  ['font-size-large', '20px', '18px'],
  ['space', '8px', '6px'],
  ['row-height', '36px', '28px'],
  ['control-height', '32px', '28px'],
];

const lines = (pairs: ReadonlyArray<readonly [string, string]>) => pairs.map(([k, v]) => `${k}: ${v};`).join('\n');

const privateLight = lines(COLOR_TOKENS.map(([n, l]) => [`--_${n}`, `var(--ip-${n}, ${l})`]));
const privateDark = lines(COLOR_TOKENS.map(([n, , d]) => [`--_${n}`, `var(--ip-${n}, ${d})`]));
const publicLight = lines(COLOR_TOKENS.map(([n, l]) => [`--ip-${n}`, l]));
const publicDark = lines(COLOR_TOKENS.map(([n, , d]) => [`--ip-${n}`, d]));
const shape = lines(SHAPE_TOKENS.map(([n, v]) => [`--_${n}`, `var(--ip-${n}, ${v})`]));
const comfortable = lines(DENSITY_TOKENS.map(([n, c]) => [`--_${n}`, `var(--ip-${n}, ${c})`]));
const compactPublic = lines(DENSITY_TOKENS.map(([n, , c]) => [`--ip-${n}`, c]));
/** On paper: the light palette itself, whatever the theme or the host's colours (no dark pages, no wasted toner). */
const printed = lines(COLOR_TOKENS.flatMap(([n, l]) => [[`--ip-${n}`, l], [`--_${n}`, l]] as const));

/**
 * Include first in every element's `static styles`. Declares the private tokens on `:host`
 * and the `theme` / `density` attribute handling.
 */
export const tokens: CSSResult = css`
  :host {
    ${unsafeCSS(privateLight)}
    ${unsafeCSS(shape)}
    ${unsafeCSS(comfortable)}
    color-scheme: light;
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    line-height: 1.45;
    color: var(--_color-text);
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${unsafeCSS(privateDark)}
      color-scheme: dark;
    }
  }
  :host([theme='dark']) {
    ${unsafeCSS(publicDark)}
    ${unsafeCSS(privateDark)}
    color-scheme: dark;
  }
  :host([theme='light']) {
    ${unsafeCSS(publicLight)}
  }
  :host([density='compact']) {
    ${unsafeCSS(compactPublic)}
  }
  @media print {
    :host(:is([theme], :not([theme]))) {
      ${unsafeCSS(printed)}
      color-scheme: light;
    }
  }
`;
