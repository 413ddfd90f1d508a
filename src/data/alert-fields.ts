/**
 * Every field of an incident or alert, described once: how an answer's value is read, how the
 * query engine compares it, and whether the list can filter, sort or search by it. The filter and
 * sort field lists of the contract (`ALERT_FILTER_FIELDS`, `ALERT_SORT_FIELDS` and their types),
 * the query engine's schema and the optional fields the readers take are derived from this table.
 *
 * The compiler checks it against `AlertItem`: a field of the model that is not described here, or
 * a row for a field the model does not have, does not compile. Columns and filter menus stay UI
 * (components/alerts-list/), keyed by these ids, so a misspelt id does not compile either.
 */
import { SEVERITY_RANK, type AlertItem, type RowProblems } from './model.js';

/**
 * How the readers take the field from an answer. `fixed`: read by `readAlert` itself (required
 * fields, enums, nested lists); the others are optional, and a wrong value leaves the field out
 * and marks the row partial: `id?` an id; `text?` text; `long-text?` text up to the long limit;
 * `camel-text?`/`camel-nullable?` an enum name in any spelling (`null` kept for the latter);
 * `nullable-text?` text or `null`; `time?` an instant; `count?` a whole number; `list?` a list
 * of texts.
 */
export type AlertFieldRead = 'fixed' | 'id?' | 'text?' | 'long-text?' | 'camel-text?' | 'camel-nullable?' | 'nullable-text?' | 'time?' | 'count?' | 'list?';

/** How the query engine compares a field; `value` when it is not the field itself. */
export interface AlertFieldQuery {
  readonly type: 'text' | 'number' | 'time' | 'rank';
  readonly value?: (a: AlertItem) => unknown;
  /** For `rank`: value → order (higher = greater). */
  readonly ranks?: Readonly<Record<string, number>>;
}

/**
 * A field the list filters, sorts or searches by needs `query` (how the engine compares it):
 * a row that asks for one without the other does not compile, where it used to be ignored.
 */
export type AlertFieldSpec =
  | {
      readonly read: AlertFieldRead;
      readonly query: AlertFieldQuery;
      /** The list filters by it (a value list, or a time interval). */
      readonly filter?: true;
      /** The list sorts by it. */
      readonly sort?: true;
      /** Free-text search matches it. */
      readonly search?: true;
    }
  | { readonly read: AlertFieldRead; readonly query?: undefined; readonly filter?: undefined; readonly sort?: undefined; readonly search?: undefined };

/** Fields of the model, and `impactedAssetKind`, the kinds of the impacted assets (a filter). */
type AlertFieldId = Exclude<keyof AlertItem, keyof RowProblems> | 'impactedAssetKind';

/** In the order the filters are written (`severity:high;status:new`) and listed. */
export const ALERT_FIELDS = {
  kind: { read: 'fixed', query: { type: 'text' }, filter: true, sort: true },
  severity: { read: 'fixed', query: { type: 'rank', ranks: SEVERITY_RANK }, filter: true, sort: true },
  status: { read: 'fixed', query: { type: 'rank', ranks: { new: 3, inProgress: 2, resolved: 1, unknown: 0 } }, filter: true, sort: true },
  classification: { read: 'fixed', query: { type: 'rank', ranks: { truePositive: 3, informationalExpectedActivity: 2, falsePositive: 1 } }, filter: true, sort: true },
  determination: { read: 'camel-nullable?', query: { type: 'text' }, filter: true, sort: true },
  investigationState: { read: 'camel-text?', query: { type: 'text' }, filter: true, sort: true },
  category: { read: 'text?', query: { type: 'text', value: (a) => a.categories ?? a.category }, filter: true, sort: true },
  assignedTo: { read: 'nullable-text?', query: { type: 'text' }, filter: true, sort: true },
  detectionSource: { read: 'text?', query: { type: 'text', value: (a) => a.detectionSources ?? a.detectionSource }, filter: true, sort: true },
  serviceSource: { read: 'text?', query: { type: 'text', value: (a) => a.serviceSources ?? a.serviceSource }, filter: true, sort: true },
  productNames: { read: 'list?', query: { type: 'text' }, filter: true, sort: true },
  incidentId: { read: 'id?', query: { type: 'text' }, filter: true, sort: true },
  tags: { read: 'list?', query: { type: 'text' }, filter: true, sort: true },
  deviceGroups: { read: 'list?', query: { type: 'text' }, filter: true, sort: true },
  impactedAssets: { read: 'fixed', query: { type: 'text' }, filter: true, sort: true, search: true },
  impactedAssetKind: { read: 'fixed', query: { type: 'text', value: (a) => a.impactedAssets.map((x) => x.kind) }, filter: true },
  mitreTechniques: { read: 'list?', query: { type: 'text' }, filter: true, sort: true },
  firstActivity: { read: 'fixed', query: { type: 'time' }, filter: true, sort: true },
  lastActivity: { read: 'fixed', query: { type: 'time' }, filter: true, sort: true },
  lastUpdated: { read: 'time?', query: { type: 'time' }, filter: true, sort: true },
  alertCount: { read: 'count?', query: { type: 'number' }, filter: true, sort: true },
  id: { read: 'fixed', query: { type: 'text' }, sort: true, search: true },
  title: { read: 'fixed', query: { type: 'text' }, sort: true, search: true },
  description: { read: 'long-text?', query: { type: 'text' }, search: true },
  categories: { read: 'list?' },
  detectionSources: { read: 'list?' },
  serviceSources: { read: 'list?' },
  createdAt: { read: 'time?' },
  comments: { read: 'fixed' },
  evidence: { read: 'fixed' },
  extensions: { read: 'fixed' },
} as const satisfies Record<AlertFieldId, AlertFieldSpec>;

type Fields = typeof ALERT_FIELDS;
type FieldsWhere<Cond> = { [K in keyof Fields]: Fields[K] extends Cond ? K : never }[keyof Fields];

/** Columns of the alerts grid that can be filtered (a value list, or a time interval). */
export type AlertFilterField = FieldsWhere<{ filter: true }>;
/** Columns of the alerts grid that can be sorted. */
export type AlertSortField = FieldsWhere<{ sort: true }>;

const ids = /* @__PURE__ */ Object.keys(ALERT_FIELDS) as (keyof Fields)[];
const spec = (k: keyof Fields): AlertFieldSpec => ALERT_FIELDS[k];

/** Every filterable field, in the order filters are written and listed. */
export const ALERT_FILTER_FIELDS = /* @__PURE__ */ ids.filter((k) => spec(k).filter) as readonly AlertFilterField[];
/** Every sortable field. */
export const ALERT_SORT_FIELDS = /* @__PURE__ */ ids.filter((k) => spec(k).sort) as readonly AlertSortField[];
/** Fields free-text search matches. */
export const ALERT_SEARCH_FIELDS: readonly string[] = /* @__PURE__ */ ids.filter((k) => spec(k).search);
/** The optional fields the readers take by kind (not `fixed`), with how. */
export const ALERT_OPTIONAL_READS = /* @__PURE__ */ ids.flatMap((k) => (spec(k).read === 'fixed' ? [] : [[k, spec(k).read] as const])) as ReadonlyArray<readonly [keyof AlertItem, Exclude<AlertFieldRead, 'fixed'>]>;
