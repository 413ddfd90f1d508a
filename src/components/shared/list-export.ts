/**
 * Export for any list: a controller that writes every matching item (fetched in batches the list
 * supplies, never only what is on screen) as CSV or JSON through the injection-safe writer in
 * shared/export.ts, with progress, Cancel and the error if one comes; a new export replaces a running
 * one and the element leaving the page stops it. Plus the Export menu and the progress line, so the
 * alerts list, the devices, the Sentinel timeline and each insight table export the same way.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { isAbortError } from '../../data/errors.js';
import { describeError } from './error-text.js';
import { downloadExport, exportFileName, exportText, type ExportBatch, type ExportField, type ExportFormat } from './export.js';
import { formatNumber, isOne } from '../../lib/format.js';
import { msg, str } from './l10n.js';

export interface ListExportDeps<T> {
  /** The fields, in order (read when an export starts). */
  fields: () => readonly ExportField<T>[];
  /** Every matching item, in batches; stops with the signal. */
  batches: (signal: AbortSignal) => AsyncIterable<ExportBatch<T>>;
  /** What is exported and about what, for the file name (`devices`, the IP). */
  fileName: (format: ExportFormat) => string;
  /** How many items the export will write, when known before it starts. */
  total?: () => number | undefined;
}

export interface ExportProgress {
  format: ExportFormat;
  done: number;
  total?: number;
}

export class ListExportController<T> implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #deps: ListExportDeps<T>;
  #controller?: AbortController;
  /** Aborted when the element leaves the page: stops an export whose caller gave no signal. */
  #lifetime = new AbortController();
  /** The export running, or undefined. */
  progress?: ExportProgress;
  /** Why the last export failed, or undefined. */
  error?: string;

  constructor(host: ReactiveControllerHost, deps: ListExportDeps<T>) {
    this.#host = host;
    this.#deps = deps;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#lifetime.abort();
    this.#lifetime = new AbortController();
    this.cancel();
  }

  /** The export as text, without downloading it (for hosts and tests). */
  text(format: ExportFormat, signal?: AbortSignal, onProgress?: (done: number, total: number) => void): Promise<string> {
    return exportText(format, this.#deps.fields(), this.#deps.batches(signal ?? this.#lifetime.signal), onProgress);
  }

  /** Export and download, showing progress; a second export replaces the first. */
  async download(format: ExportFormat): Promise<void> {
    this.#controller?.abort();
    const controller = (this.#controller = new AbortController());
    const current = () => this.#controller === controller;
    this.#set({ format, done: 0, total: this.#deps.total?.() }, undefined);
    try {
      const text = await this.text(format, controller.signal, (done, total) => current() && this.#set({ format, done, total }, undefined));
      downloadExport(text, format, this.#deps.fileName(format));
      if (current()) this.#set(undefined, undefined);
    } catch (error) {
      if (current()) this.#set(undefined, isAbortError(error) ? undefined : describeError(error));
    }
  }

  cancel(): void {
    this.#controller?.abort();
    this.#controller = undefined;
    this.#set(undefined, this.error);
  }

  #set(progress: ExportProgress | undefined, error: string | undefined) {
    this.progress = progress;
    this.error = error;
    this.#host.requestUpdate();
  }
}

/** One batch of an in-memory list (a table or a timeline already loaded). */
export async function* inMemory<T>(items: readonly T[]): AsyncIterable<ExportBatch<T>> {
  yield { items, done: items.length, total: items.length };
}

/** A file name for an export about the IP: `devices-203-0-113-7-2026-12-01.csv`. */
export function ipExportName(what: string, ip: string | undefined, format: ExportFormat): string {
  return exportFileName(what, ip ?? 'ip', format);
}

export interface ExportMenuOptions {
  /** Unique in its shadow root: the menu's id is `export-menu-<id>`. */
  id?: string;
  open: boolean;
  /** Items the export will write: shown in the options, and no export when zero. */
  total?: number;
  /** What the items are, for the options' text ("1,204 devices"). */
  noun?: ExportNoun;
  /** The button's accessible name when the visible "Export" is not enough (several on one page). */
  label?: string;
  busy: boolean;
  locale?: string;
  onToggleOpen: () => void;
  onExport: (format: ExportFormat) => void;
}

export type ExportNoun = 'rows' | 'devices' | 'events' | 'accounts';

/** "1 row", "1,204 devices": the count in the locale's digits, the noun by its plural rule. */
function countOf(total: number, noun: ExportNoun, locale?: string): string {
  const n = formatNumber(total, locale);
  const one = isOne(total, locale);
  if (noun === 'devices') return one ? msg(str`${n} device`) : msg(str`${n} devices`);
  if (noun === 'events') return one ? msg(str`${n} event`) : msg(str`${n} events`);
  if (noun === 'accounts') return one ? msg(str`${n} account`) : msg(str`${n} accounts`);
  return one ? msg(str`${n} row`) : msg(str`${n} rows`);
}

/** Export: CSV or JSON of every matching item. */
export function exportMenu(o: ExportMenuOptions): TemplateResult {
  const count = countOf(o.total ?? 0, o.noun ?? 'rows', o.locale);
  const id = `export-menu${o.id ? `-${o.id}` : ''}`;
  return html`<div class="menu-wrap end">
    <button type="button" class="button" aria-label=${o.label ?? nothing} aria-expanded=${o.open ? 'true' : 'false'} aria-controls=${id} ?disabled=${!o.total || o.busy} @click=${o.onToggleOpen}>${msg('Export')}</button>
    ${o.open
      ? html`<div class="menu" id=${id} role="group" aria-label=${o.label ?? msg('Export')}>
          <button type="button" class="button subtle" @click=${() => o.onExport('csv')}>${msg(str`CSV (${count})`)}</button>
          <button type="button" class="button subtle" @click=${() => o.onExport('json')}>${msg(str`JSON (${count})`)}</button>
        </div>`
      : nothing}
  </div>`;
}

/** The export's progress with Cancel, or why it failed; nothing when idle. */
export function exportStatus(e: ListExportController<unknown>, locale?: string): TemplateResult | typeof nothing {
  const n = (v: number) => formatNumber(v, locale);
  if (e.progress) {
    const p = e.progress;
    return html`<span class="export-progress" role="status">${msg(str`Exporting ${p.format.toUpperCase()}… ${n(p.done)} of ${n(p.total ?? 0)}`)}
      <progress max=${p.total ?? 1} .value=${p.done}></progress>
      <button type="button" class="button subtle" @click=${() => e.cancel()}>${msg('Cancel')}</button></span>`;
  }
  return e.error ? html`<span class="error-text" role="alert">${msg(str`Export failed: ${e.error}`)}</span>` : nothing;
}

