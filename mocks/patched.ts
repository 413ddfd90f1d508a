/**
 * A generated alert list with the changes the mocks were asked to make (status, assignment …):
 * the changed items by index over the generator's own, so a million-alert list stays a view.
 */
import type { AlertItem } from '../src/data/model.js';
import type { ListSource } from '../src/data/query-engine.js';

export function withPatches(inner: ListSource<AlertItem>, patched: ReadonlyMap<number, AlertItem>): ListSource<AlertItem> {
  return {
    size: inner.size,
    ordered: true,
    get: (i) => patched.get(i) ?? inner.get(i),
    read: (i, field) => {
      const p = patched.get(i);
      return p ? (p as unknown as Record<string, unknown>)[field] : inner.read!(i, field);
    },
  };
}
