/**
 * Export from the alerts list: every matching row, fetched page by page (never the list's own
 * cache), as CSV (the visible columns in order, safe for spreadsheets) or JSON; progress for the
 * status bar; Cancel; a new query or the list leaving the page stops it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AlertItem } from '../../data/model.js';
import { describeError, isAbortError } from '../../data/errors.js';
import { downloadExport, exportFileName, exportText, type ExportField, type ExportFormat } from '../../lib/export.js';
import type { AlertPages } from './alert-pages.js';
import type { ColumnDef } from './columns.js';

export interface ExportDeps {
  pages: AlertPages;
  /** The visible columns, in order. */
  columns: () => readonly ColumnDef[];
  /** The IP, for the file name. */
  ip: () => string | undefined;
}

export class AlertsExportController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #deps: ExportDeps;
  #controller?: AbortController;
  /** Aborted when the list leaves the page: stops an export whose caller gave no signal. */
  #lifetime = new AbortController();
  /** The export running: format and rows done of total. */
  progress?: { format: ExportFormat; done: number; total?: number };
  error?: string;

  constructor(host: ReactiveControllerHost, deps: ExportDeps) {
    this.#host = host;
    this.#deps = deps;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#lifetime.abort();
    this.#lifetime = new AbortController();
    this.cancel();
  }

  /** The export as text (see `IpAlertsList.exportData`). */
  text(format: ExportFormat, signal?: AbortSignal, onProgress?: (done: number, total: number) => void): Promise<string> {
    const fields: ExportField<AlertItem>[] = [
      { key: 'kind', label: 'Type', text: (a) => a.kind },
      { key: 'id', label: 'Id', text: (a) => a.id },
      ...this.#deps.columns().map((c): ExportField<AlertItem> => ({
        key: c.id,
        label: c.label,
        text: c.value,
        json: (a) => (c.id === 'impactedAssets' ? a.impactedAssets : (a as unknown as Record<string, unknown>)[c.id]),
      })),
    ];
    return exportText(format, fields, this.#deps.pages.all(signal ?? this.#lifetime.signal), onProgress);
  }

  /** Export and download, showing progress; a second export replaces the first. */
  async download(format: ExportFormat): Promise<void> {
    this.#controller?.abort();
    const controller = (this.#controller = new AbortController());
    const current = () => this.#controller === controller;
    this.#set({ format, done: 0, total: this.#deps.pages.total }, undefined);
    try {
      const text = await this.text(format, controller.signal, (done, total) => current() && this.#set({ format, done, total }, undefined));
      downloadExport(text, format, exportFileName('incidents-and-alerts', this.#deps.ip() ?? 'ip', format));
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

  #set(progress: typeof this.progress, error: string | undefined) {
    this.progress = progress;
    this.error = error;
    this.#host.requestUpdate();
  }
}
