/**
 * The provider contract as data: every method of {@link IpDataProvider} described once. The
 * guard (which answers are read), the page's cache (which answers are kept, which calls are
 * changes), `combineProviders` (which methods it routes, over which range) and the capabilities
 * (which method stands behind which) are derived from this table, never listed again.
 *
 * The compiler checks the table against the interface: a method added to `IpDataProvider` and not
 * described here, described here and not in the interface, or described as required while the
 * interface has it optional (or the reverse) does not compile. So does a capability flag of
 * `ProviderCapabilities` that no method stands behind.
 */
import type { IpDataProvider, ProviderCapabilities } from './provider.js';

/** The provider's methods (everything but `links`). */
export type ProviderMethod = Exclude<keyof IpDataProvider, 'links'>;

/** The yes/no capabilities: the ones a method stands behind. */
export type CapabilityFlag = { [K in keyof ProviderCapabilities]-?: ProviderCapabilities[K] extends boolean ? K : never }[keyof ProviderCapabilities];

export interface MethodSpec {
  /**
   * `read`: asks without changing anything (its answer may be kept and shared);
   * `write`: a change (every kept answer is forgotten once it settles; never shared or repeated);
   * `local`: answers at once without a request (a hunting query's text), nothing to read or keep.
   */
  readonly kind: 'read' | 'write' | 'local';
  /** Every provider has it (absent: optional). */
  readonly required?: true;
  /** The capability this optional method stands behind: present = the feature is there. */
  readonly capability?: CapabilityFlag;
  /** Its answer is needed for the page's first screen (the overview): its reader loads with the page. */
  readonly firstPaint?: true;
  /**
   * The time range it is asked over: argument `arg`, or that argument's `range` when `query`.
   * `says`: the answer can say it is incomplete (`incomplete`), so a source that keeps less than
   * the range says so there.
   */
  readonly range?: { readonly arg: number; readonly query?: true; readonly says?: true };
  /** A page of a list: the argument holding `offset` and `limit`. */
  readonly paged?: { readonly arg: number };
}

/** Every provider method, described once. */
export const PROVIDER_METHODS = {
  getCapabilities: { kind: 'read', firstPaint: true },
  getIpDetails: { kind: 'read', required: true, firstPaint: true },
  getSecuritySummary: { kind: 'read', required: true, firstPaint: true, range: { arg: 1, says: true } },
  getLogActivity: { kind: 'read', required: true, firstPaint: true, range: { arg: 1 } },
  // Its reader loads with its question (the chart's code loads after the first paint).
  getPrevalence: { kind: 'read', required: true, range: { arg: 1 } },
  listAlerts: { kind: 'read', required: true, range: { arg: 1, query: true, says: true }, paged: { arg: 1 } },
  listObservedDevices: { kind: 'read', required: true, range: { arg: 1, query: true, says: true }, paged: { arg: 1 } },
  listAccounts: { kind: 'read', capability: 'accounts', range: { arg: 1, query: true, says: true }, paged: { arg: 1 } },
  listCases: { kind: 'read', capability: 'cases' },
  addToCase: { kind: 'write' },
  getTraffic: { kind: 'read', capability: 'traffic', range: { arg: 1, says: true } },
  listDeviceEvents: { kind: 'read', capability: 'deviceEvents', range: { arg: 2 } },
  updateAlerts: { kind: 'write', capability: 'updateAlerts' },
  addIndicator: { kind: 'write', capability: 'addIndicator' },
  listIndicators: { kind: 'read', capability: 'indicators' },
  removeIndicator: { kind: 'write', capability: 'removeIndicator' },
  listDeviceGroups: { kind: 'read', capability: 'deviceGroups' },
  getNote: { kind: 'read', capability: 'notes' },
  saveNote: { kind: 'write' },
  huntingQuery: { kind: 'local' },
  getTimeline: { kind: 'read', capability: 'timeline', range: { arg: 1 } },
  getInsights: { kind: 'read', capability: 'insights', range: { arg: 1 } },
  getInsight: { kind: 'read', range: { arg: 2, says: true } },
  getThreatIntel: { kind: 'read', capability: 'threatIntel' },
  listThreatIntel: { kind: 'read', paged: { arg: 2 } },
} as const satisfies Record<ProviderMethod, MethodSpec>;

type Methods = typeof PROVIDER_METHODS;
type MethodsWhere<Cond> = { [K in ProviderMethod]: Methods[K] extends Cond ? K : never }[ProviderMethod];

/** Methods that ask a backend and whose answers the readers check (all but `local` ones). */
export type AnswerMethod = MethodsWhere<{ kind: 'read' | 'write' }>;
/** Methods whose readers the first screen needs. */
export type FirstPaintMethod = MethodsWhere<{ firstPaint: true }>;

const names = /* @__PURE__ */ Object.keys(PROVIDER_METHODS) as ProviderMethod[];
const where = (test: (spec: MethodSpec) => boolean): readonly ProviderMethod[] => names.filter((m) => test(PROVIDER_METHODS[m]));

/** Every method, in the interface's order. */
export const METHOD_NAMES: readonly ProviderMethod[] = names;
/** Methods that ask without changing anything. */
export const READ_METHODS: ReadonlySet<string> = /* @__PURE__ */ new Set(where((s) => s.kind === 'read'));
/** Changes. */
export const WRITE_METHODS: ReadonlySet<string> = /* @__PURE__ */ new Set(where((s) => s.kind === 'write'));
/** Methods whose answers are read and checked at the seam. */
export const ANSWER_METHODS: ReadonlySet<string> = /* @__PURE__ */ new Set(where((s) => s.kind !== 'local'));
/** The capability each optional method stands behind. */
export const CAPABILITY_OF: Readonly<Partial<Record<ProviderMethod, CapabilityFlag>>> = /* @__PURE__ */ Object.fromEntries(
  names.flatMap((m) => {
    const spec: MethodSpec = PROVIDER_METHODS[m];
    return spec.capability ? [[m, spec.capability]] : [];
  }),
);
/** Every yes/no capability. */
export const CAPABILITY_FLAGS: readonly CapabilityFlag[] = /* @__PURE__ */ Object.values(CAPABILITY_OF);

// ---------------------------------------------------------------------------------------------
// What the compiler checks (a mismatch is a type error here, naming the method or flag).

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;
type RequiredInInterface = { [K in ProviderMethod]-?: object extends Pick<IpDataProvider, K> ? never : K }[ProviderMethod];
type RequiredInTable = MethodsWhere<{ required: true }>;
type FlagsBehindMethods = { [K in ProviderMethod]: Methods[K] extends { capability: infer C } ? C : never }[ProviderMethod];
/** @internal */
export type ContractChecks = [
  // `required` matches the interface, method by method.
  Expect<Equal<RequiredInTable, RequiredInInterface>>,
  // Every yes/no capability has a method behind it.
  Expect<Equal<FlagsBehindMethods, CapabilityFlag>>,
];
