/**
 * Where a section gets its provider, IP and time range: its own properties when set, else the
 * context `<ip-entity-page>` provides, else defaults. One controller per element, so every
 * section resolves them the same way and keeps the resolved values stable between renders
 * (tasks compare their arguments by identity).
 */
import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ipContext, providerContext, rangeContext, type RangeContextValue } from './context.js';
import type { IpDataProvider } from '../../data/provider.js';
import { guardProvider } from '../../providers/guard.js';
import { forgetAnswers } from '../../providers/memo.js';
import { parseIp, type IpParseResult, type ParsedIp } from '../../lib/ip.js';
import { DEFAULT_RANGE, isRangeKey, parseCustomRange, resolveSpec, type RangeSpec, type TimeRange } from '../../lib/time-range.js';

/** The properties a section element exposes to override the context. */
export interface DataHost extends ReactiveControllerHost, HTMLElement {
  provider?: IpDataProvider;
  ip?: string;
  range?: RangeSpec;
}

export class DataController implements ReactiveController {
  readonly #host: DataHost;
  readonly #providerCtx: ContextConsumer<typeof providerContext, DataHost>;
  readonly #ipCtx: ContextConsumer<typeof ipContext, DataHost>;
  readonly #rangeCtx: ContextConsumer<typeof rangeContext, DataHost>;
  #ipText?: string;
  #ipResult?: IpParseResult;
  #rangeSpec?: RangeSpec;
  #ownRange?: RangeContextValue;

  constructor(host: DataHost) {
    this.#host = host;
    this.#providerCtx = new ContextConsumer(host, { context: providerContext, subscribe: true });
    this.#ipCtx = new ContextConsumer(host, { context: ipContext, subscribe: true });
    this.#rangeCtx = new ContextConsumer(host, { context: rangeContext, subscribe: true });
    host.addController(this);
  }

  hostConnected(): void {}

  /**
   * The provider: the element's own, else the page's; guarded, so every answer is read and
   * checked before the element sees it (the same object for the same provider).
   */
  get provider(): IpDataProvider | undefined {
    return guardProvider(this.#host.provider ?? this.#providerCtx.value);
  }

  /**
   * Forget the answers the page keeps for these provider methods, so the next ask reaches the
   * data source (a section's Refresh). No effect outside a page.
   */
  forget(...methods: string[]): void {
    forgetAnswers(this.provider, methods);
  }

  /** The parse result of the element's own `ip`, when it has one. */
  get ownIp(): IpParseResult | undefined {
    const text = this.#host.ip;
    if (text === undefined || text === null) return undefined;
    if (text !== this.#ipText) {
      this.#ipText = text;
      this.#ipResult = parseIp(text.trim());
    }
    return this.#ipResult;
  }

  /** The IP: the element's own (when valid), else the page's. Undefined when there is none. */
  get ip(): ParsedIp | undefined {
    const own = this.ownIp;
    if (own) return own.ok ? own.ip : undefined;
    return this.#ipCtx.value;
  }

  /** The range: the element's own (preset or valid custom window), else the page's, else the last 30 days. */
  get range(): RangeContextValue {
    const spec = this.#host.range;
    if (spec && (isRangeKey(spec) || parseCustomRange(spec))) return this.#resolveOwn(spec);
    return this.#rangeCtx.value ?? this.#resolveOwn(DEFAULT_RANGE);
  }

  get timeRange(): TimeRange {
    return this.range.range;
  }

  /** Whether the page supplies context (the element sits inside `<ip-entity-page>`). */
  get inPage(): boolean {
    return this.#ipCtx.value !== undefined || this.#providerCtx.value !== undefined;
  }

  #resolveOwn(spec: RangeSpec): RangeContextValue {
    if (this.#rangeSpec !== spec || !this.#ownRange) {
      this.#rangeSpec = spec;
      // A window with nothing left to ask for (all of it in the future) means the default.
      this.#ownRange = resolveSpec(spec, undefined) ?? resolveSpec(DEFAULT_RANGE, undefined)!;
    }
    return this.#ownRange;
  }
}
