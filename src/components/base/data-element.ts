/**
 * The base of every element that shows or changes data about an IP without a time range of its
 * own (`<ip-threat-intel>`, `<ip-reputation-badge>`, `<ip-indicator-wizard>`), and of the
 * sections: the provider and the IP and where they come from (`DataController`: own property,
 * else the page's context), requests that follow the element in and out of the page
 * (`TaskLifecycleController`), error reporting (`ip-error`), and what the provider can do (capabilities: the
 * page's, resolved once and given through context, else the element's own provider's).
 */
import { property } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import { Task } from '@lit/task';
import { capabilitiesContext } from '../shared/context.js';
import { isAbortError } from '../../data/errors.js';
import { describeError } from '../shared/error-text.js';
import { resolveCapabilities, type IpDataProvider, type ProviderCapabilities } from '../../data/provider.js';
import { IpErrorEvent } from '../../events/events.js';
import { DataController } from '../shared/data-controller.js';
import { TaskLifecycleController } from '../shared/task-lifecycle.js';
import { IpElement } from './ip-element.js';
import { exportPartsOf } from './page-parts.js';

export class IpDataElement extends IpElement {
  /** Provider, IP (and, for sections, range) as this element sees them. */
  protected readonly source = new DataController(this);
  /** Requests still running when the element leaves the page are aborted, and run again when it returns. */
  protected readonly lifecycle = new TaskLifecycleController(this);

  readonly #pageCapabilities = new ContextConsumer(this, { context: capabilitiesContext, subscribe: true });
  /** Asked only when the element needs them and has a provider the page did not resolve (alone, or its own). */
  readonly #ownCapabilities = this.lifecycle.track(new Task(this, {
    task: async ([provider], { signal }): Promise<ProviderCapabilities | undefined> => (provider ? resolveCapabilities(provider, { signal }) : undefined),
    // Not before there is a valid IP: an element with nothing to show asks nothing.
    args: () => [(this.#wantsCapabilities ||= this.needsCapabilities) && !this.#usesPageCapabilities && this.source.ip ? this.source.provider : undefined] as const,
  }));
  #wantsCapabilities = false;

  /** The data provider; wins over the one `<ip-entity-page>` provides. */
  @property({ attribute: false }) provider?: IpDataProvider;
  /** The IP address; wins over the page's. */
  @property({ type: String }) ip?: string;

  override connectedCallback(): void {
    super.connectedCallback();
    // Inside the page, a section forwards its parts under its prefix (base/page-parts.ts).
    const parts = this.source.inPage && !this.hasAttribute('exportparts') ? exportPartsOf(this) : undefined;
    if (parts) this.setAttribute('exportparts', parts);
  }

  /** Whether this element reads `capabilities` (from the first time it does, they are kept resolved). */
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

  /** Tell the host a part of this element failed (`ip-error`); aborts are not failures. */
  protected reportError(section: string, error: unknown): void {
    if (isAbortError(error)) return;
    this.dispatchEvent(new IpErrorEvent({ section, ip: this.source.ip?.canonical, error, message: describeError(error) }));
  }
}
