/**
 * What the alerts list exports: the type and id of each row, then the visible columns in order
 * (their export text in CSV, their values in JSON). The export itself is shared/list-export's.
 */
import type { AlertItem } from '../../data/model.js';
import type { ExportField } from '../shared/export.js';
import type { ColumnDef } from './columns.js';
import { msg } from '../shared/l10n.js';

export function alertExportFields(columns: readonly ColumnDef[]): ExportField<AlertItem>[] {
  return [
    { key: 'kind', label: msg('Type'), text: (a) => a.kind },
    { key: 'id', label: msg('Id'), text: (a) => a.id },
    ...columns.map((c): ExportField<AlertItem> => ({
      key: c.id,
      label: c.label,
      text: c.value,
      json: c.json ?? ((a) => (a as unknown as Record<string, unknown>)[c.id]),
    })),
  ];
}
