/**
 * A Graph object read field by field: only the properties Microsoft's published types
 * (`@microsoft/microsoft-graph-types`, a dev dependency: types only, nothing at run time) name can
 * be read, so a property Graph renamed or never had fails the typecheck; each value stays
 * `unknown` until checked, as an answer may hold anything.
 */
export type Fields<T> = { readonly [K in keyof T]-?: unknown };

export const fields = <T>(v: unknown): Fields<T> => (v && typeof v === 'object' && !Array.isArray(v) ? v : {}) as Fields<T>;
