/**
 * Every field of an observed device, and the fields of its last event the list filters and
 * searches by, described once: how an answer's value is read, how the query engine compares it,
 * and whether the list sorts, filters or searches by it. `DEVICE_SORT_FIELDS`, the query
 * engine's device schema and the optional fields the readers take are derived from this table;
 * the compiler checks it against `ObservedDevice` (a model field not described here, or a row for
 * a field it does not have, does not compile).
 */
import type { ObservedDevice, RowProblems } from './model.js';

/**
 * How the readers take a device field from an answer: `fixed` by `readDevice` itself (required
 * fields and the last event); `text?` optional text; `enum?` an optional enum name in any
 * spelling (short); `event` a field of the last event (read with it).
 */
export type DeviceFieldRead = 'fixed' | 'text?' | 'enum?' | 'event';

/** How the query engine compares it; `value` when it is not the field itself. */
export interface DeviceFieldQuery {
  readonly type: 'text' | 'number' | 'time';
  readonly value?: (d: ObservedDevice) => unknown;
}

/** A field the list sorts, filters or searches by needs `query`: a row with one and not the other does not compile. */
export type DeviceFieldSpec =
  | {
      readonly read: DeviceFieldRead;
      readonly query: DeviceFieldQuery;
      readonly sort?: true;
      /** The list filters by it (`actionType`, `direction`: value lists in the query). */
      readonly filter?: true;
      readonly search?: true;
    }
  | { readonly read: DeviceFieldRead; readonly query?: undefined; readonly sort?: undefined; readonly filter?: undefined; readonly search?: undefined };

/** Fields of the model, and the last event's fields the list filters and searches by. */
type DeviceFieldId = Exclude<keyof ObservedDevice, keyof RowProblems> | 'actionType' | 'direction' | 'process' | 'commandLine' | 'sha256' | 'account' | 'file' | 'remoteUrl';

const accountOf = (d: ObservedDevice): string | undefined => {
  const p = d.lastEvent?.initiatingProcess;
  return p?.accountName ? (p.accountDomain ? `${p.accountDomain}\\${p.accountName}` : p.accountName) : undefined;
};

export const DEVICE_FIELDS = {
  id: { read: 'fixed' },
  name: { read: 'fixed', query: { type: 'text' }, sort: true, search: true },
  lastSeen: { read: 'fixed', query: { type: 'time' }, sort: true },
  firstSeen: { read: 'fixed', query: { type: 'time' }, sort: true },
  connectionCount: { read: 'fixed', query: { type: 'number' }, sort: true },
  osPlatform: { read: 'text?', query: { type: 'text' }, sort: true, search: true },
  osVersion: { read: 'text?' },
  riskScore: { read: 'enum?' },
  exposureLevel: { read: 'enum?' },
  lastEvent: { read: 'fixed' },
  actionType: { read: 'event', query: { type: 'text', value: (d) => d.lastEvent?.actionType }, filter: true },
  direction: { read: 'event', query: { type: 'text', value: (d) => d.lastEvent?.direction }, filter: true },
  process: { read: 'event', query: { type: 'text', value: (d) => d.lastEvent?.initiatingProcess?.fileName }, search: true },
  commandLine: { read: 'event', query: { type: 'text', value: (d) => d.lastEvent?.initiatingProcess?.commandLine }, search: true },
  sha256: { read: 'event', query: { type: 'text', value: (d) => d.lastEvent?.initiatingProcess?.sha256 ?? d.lastEvent?.file?.sha256 }, search: true },
  account: { read: 'event', query: { type: 'text', value: accountOf }, search: true },
  file: { read: 'event', query: { type: 'text', value: (d) => d.lastEvent?.file?.name }, search: true },
  remoteUrl: { read: 'event', query: { type: 'text', value: (d) => d.lastEvent?.remoteUrl }, search: true },
} as const satisfies Record<DeviceFieldId, DeviceFieldSpec>;

type Fields = typeof DEVICE_FIELDS;
const ids = /* @__PURE__ */ Object.keys(DEVICE_FIELDS) as (keyof Fields)[];
const spec = (k: keyof Fields): DeviceFieldSpec => DEVICE_FIELDS[k];

/** Columns of the devices list that can be sorted. */
export type DeviceSortField = { [K in keyof Fields]: Fields[K] extends { sort: true } ? K : never }[keyof Fields];
/** Every sortable device field. */
export const DEVICE_SORT_FIELDS = /* @__PURE__ */ ids.filter((k) => spec(k).sort) as readonly DeviceSortField[];
/** Fields free-text search matches (the device, and its last event where the provider cannot search every event). */
export const DEVICE_SEARCH_FIELDS: readonly string[] = /* @__PURE__ */ ids.filter((k) => spec(k).search);
/** The optional fields the readers take by kind. */
export const DEVICE_OPTIONAL_READS = /* @__PURE__ */ ids.flatMap((k) => {
  const read = spec(k).read;
  return read === 'text?' || read === 'enum?' ? [[k, read] as const] : [];
}) as ReadonlyArray<readonly [keyof ObservedDevice, 'text?' | 'enum?']>;
