/**
 * A module loaded on first need, once: `load()` starts the import (later calls share it) and
 * `value` is the module once it is here, for code that must answer synchronously (words shown
 * when they have arrived). A failed import (a chunk lost to the network) is forgotten, so the next
 * `load()` tries again.
 */
export interface LazyModule<T> {
  /** The module, once loaded. */
  readonly value: T | undefined;
  /** Load it (once; again after a failure). */
  load(): Promise<T>;
}

export function lazyModule<T>(importer: () => Promise<T>): LazyModule<T> {
  let value: T | undefined;
  let loading: Promise<T> | undefined;
  return {
    get value() {
      return value;
    },
    load() {
      loading ??= importer().then(
        (m) => (value = m),
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      );
      return loading;
    },
  };
}
