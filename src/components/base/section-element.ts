/**
 * The base of every section element (`<ip-overview>`, `<ip-alerts-list>`, …), in the manner of
 * Shoelace's base element: the properties every section shares (provider, ip, range, theme,
 * density), where their values come from (`DataController`: own property, else the page's
 * context), requests that follow the element in and out of the page (`TaskLifecycle`), the
 * locale, error reporting (`ip-error`), and what the provider can do (capabilities: the page's,
 * resolved once and given through context, else the section's own provider's).
 */
import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import { Task } from '@lit/task';
import { capabilitiesContext } from '../shared/context.js';
import { isAbortError } from '../../data/errors.js';
import { describeError } from '../shared/error-text.js';
import { resolveCapabilities, type IpDataProvider, type ProviderCapabilities } from '../../data/provider.js';
import { IpErrorEvent } from '../../events/events.js';
import { LocaleController } from '../shared/locale-controller.js';
import type { RangeSpec } from '../../lib/time-range.js';
import { DataController } from '../shared/data-controller.js';
import { TaskLifecycle } from '../shared/task-lifecycle.js';

export class IpSectionElement extends LitElement {
  /** Provider, IP and range as this section sees them. */
  protected readonly source = new DataController(this);
  /** Requests still running when the element leaves the page are aborted, and run again when it returns. */
  protected readonly lifecycle = new TaskLifecycle(this);
  /** The locale (`lang` of the nearest ancestor, e.g. the page's `locale`), resolved on each update: words and formats. */
  protected locale?: string;

  readonly #pageCapabilities = new ContextConsumer(this, { context: capabilitiesContext, subscribe: true });
  /** Asked only when the section needs them and has a provider the page did not resolve (alone, or its own). */
  readonly #ownCapabilities = this.lifecycle.track(new Task(this, {
    task: async ([provider], { signal }): Promise<ProviderCapabilities | undefined> => (provider ? resolveCapabilities(provider, { signal }) : undefined),
    // Not before there is a valid IP: a section with nothing to show asks nothing.
    args: () => [(this.#wantsCapabilities ||= this.needsCapabilities) && !this.#usesPageCapabilities && this.source.ip ? this.source.provider : undefined] as const,
  }));
  #wantsCapabilities = false;

  /** The data provider; wins over the one `<ip-entity-page>` provides. */
  @property({ attribute: false }) provider?: IpDataProvider;
  /** The IP address; wins over the page's. */
  @property({ type: String }) ip?: string;
  /** A time range, a preset (`24h`, `7d`, `30d`, `90d`, `180d`) or a custom window `from/to` in ISO 8601; wins over the page's. */
  @property({ type: String }) range?: RangeSpec;
  /** `light` or `dark`; default follows the page or the OS. */
  @property({ type: String, reflect: true }) theme?: 'light' | 'dark';
  /** `compact` spacing. */
  @property({ type: String, reflect: true }) density?: 'comfortable' | 'compact';

  /** Its words follow the document's language; alone (or with its own `lang`) it sets it. */
  readonly #language = new LocaleController(this);

  /** Whether this section reads `capabilities` (from the first time it does, they are kept resolved). */
  protected get needsCapabilities(): boolean {
    return false;
  }

  get #usesPageCapabilities(): boolean {
    return this.provider === undefined && this.source.inPage;
  }

  /** What the provider can do; undefined until known (act as if everything is possible only where the call itself is safe). */
  protected get capabilities(): ProviderCapabilities | undefined {
    return this.#usesPageCapabilities ? this.#pageCapabilities.value : this.#ownCapabilities.value;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.locale = this.#language.value;
  }

  /** Tell the host a part of this section failed (`ip-error`); aborts are not failures. */
  protected reportError(section: string, error: unknown): void {
    if (isAbortError(error)) return;
    this.dispatchEvent(new IpErrorEvent({ section, ip: this.source.ip?.canonical, error, message: describeError(error) }));
  }
}
