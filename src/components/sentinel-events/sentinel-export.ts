/**
 * What the Sentinel tab exports: the timeline as the analyst filtered it (every matching event,
 * not only the rows on screen), and any insight's table with its own columns.
 */
import type { Insight, TimelineEvent } from '../../data/model.js';
import type { ExportField } from '../shared/export.js';
import { formatIso } from '../../lib/format.js';
import { msg } from '../shared/l10n.js';

type Field = ExportField<TimelineEvent>;
/** A field whose column heading is read in the language in force when the export runs. */
const field = (key: keyof TimelineEvent, label: () => string): Field => ({
  key,
  get label() {
    return label();
  },
  text: (e) => e[key],
});

export const TIMELINE_EXPORT_FIELDS: readonly Field[] = [
  { key: 'time', get label() { return msg('Time'); }, text: (e) => formatIso(e.time), json: (e) => e.time },
  field('kind', () => msg('Kind')),
  field('title', () => msg('Title')),
  field('severity', () => msg('Severity')),
  field('source', () => msg('Source')),
  field('description', () => msg('Description')),
  field('alertId', () => msg('Alert ID')),
  field('bookmarkedBy', () => msg('Bookmarked by')),
  field('query', () => msg('Query')),
];

/** An insight's columns as export fields (rows are arrays in column order). */
export function insightFields(insight: Insight): ExportField<unknown[]>[] {
  return insight.columns.map((c, i) => ({ key: c.name, label: c.name, text: (row) => row[i] }));
}

/** A file-name-safe form of an insight id. */
export function insightFileName(insight: Insight): string {
  return `insight-${insight.id.replace(/[^\w-]+/g, '-').slice(0, 60)}`;
}
