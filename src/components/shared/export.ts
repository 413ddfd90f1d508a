/**
 * Export a list as a file: CSV (through the injection-safe writer in csv.ts, with a BOM so
 * spreadsheets read UTF-8) or JSON (an array of records), built from batches the caller fetches
 * page by page, with progress. Shared by every list that exports (alerts today; devices and the
 * Sentinel tables next), so they write the same safe files.
 */
import { csvRow } from '../../lib/csv.js';
import type { RowProblems } from '../../data/model.js';
import { msg, str } from './l10n.js';

export type ExportFormat = 'csv' | 'json';

/** One exported field: its CSV header and cell, and its JSON key and value. */
export interface ExportField<T> {
  key: string;
  label: string;
  /** The CSV cell (neutralized by the writer). */
  text(item: T): unknown;
  /** The JSON value (default: the CSV cell's value). */
  json?(item: T): unknown;
}

/**
 * A field whose column heading is read in the language in force when the export runs: `read`
 * gives the JSON value, `text` the CSV cell when it differs (a list joined, a time formatted).
 */
export function exportField<T>(key: string, label: () => string, read: (item: T) => unknown, text?: (item: T) => unknown): ExportField<T> {
  return {
    key,
    get label() {
      return label();
    },
    text: text ?? read,
    json: read,
  };
}

export interface ExportBatch<T> {
  items: readonly T[];
  /** Items exported so far, this batch included, and how many there are in all. */
  done: number;
  total: number;
}

/** The whole file's text, from batches (stops with the batches' own abort). */
export async function exportText<T>(
  format: ExportFormat,
  fields: readonly ExportField<T>[],
  batches: AsyncIterable<ExportBatch<T>>,
  onProgress?: (done: number, total: number) => void,
): Promise<string> {
  const parts: string[] = [];
  if (format === 'csv') parts.push(csvRow(fields.map((f) => f.label)));
  const keys = uniqueKeys(fields.map((f) => f.key));
  let first = true;
  for await (const batch of batches) {
    for (const item of batch.items) {
      // A row that could not be read is written as that: its reason first, and in JSON what was sent.
      const unreadable = (item as RowProblems | undefined)?.unreadable;
      if (unreadable) {
        if (format === 'csv') parts.push(csvRow(fields.map((_, i) => (i === 0 ? msg(str`Row could not be read: ${unreadable.reason}`) : ''))));
        else {
          parts.push(`${first ? '' : ',\n'}  ${JSON.stringify({ unreadable })}`);
          first = false;
        }
        continue;
      }
      if (format === 'csv') parts.push(csvRow(fields.map((f) => f.text(item))));
      else {
        // No prototype: a column named `__proto__` is a key like any other, not the record's prototype.
        const record = Object.create(null) as Record<string, unknown>;
        fields.forEach((f, i) => (record[keys[i]!] = (f.json ?? f.text)(item) ?? null));
        parts.push(`${first ? '' : ',\n'}  ${JSON.stringify(record)}`);
        first = false;
      }
    }
    onProgress?.(batch.done, batch.total);
  }
  return format === 'csv' ? parts.join('') : `[\n${parts.join('')}\n]\n`;
}

/**
 * The keys as JSON record keys, each once: a repeated key (an insight's columns are data, and may
 * name `Computer` twice) becomes `Computer (2)`, so no column overwrites another.
 */
export function uniqueKeys(keys: readonly string[]): string[] {
  const names = new Set(keys);
  const used = new Set<string>();
  return keys.map((key) => {
    let unique = key;
    // A repeat takes the first free number that no other column is named after.
    for (let n = 2; used.has(unique); n++) {
      unique = `${key} (${n})`;
      if (names.has(unique)) unique = key;
    }
    used.add(unique);
    return unique;
  });
}

/** A file name: `<what>-<subject with : and . as ->-<yyyy-mm-dd>.<format>`. */
export function exportFileName(what: string, subject: string, format: ExportFormat, now = new Date()): string {
  return `${what}-${subject.replace(/[:.]/g, '-')}-${now.toISOString().slice(0, 10)}.${format}`;
}

/** Hand the text to the browser as a download. */
export function downloadExport(text: string, format: ExportFormat, fileName: string): void {
  const blob = new Blob([format === 'csv' ? '\uFEFF' + text : text], { type: format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
