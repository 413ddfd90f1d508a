/**
 * The indicators already set for the IP, for the response bar: a button saying what the strongest
 * one in force does ("Blocked", "Allowed" …) that shows or hides the list (WAI-ARIA disclosure),
 * one line per indicator — action, title, scope, expiry, who set it and when. Asked of the
 * provider's `listIndicators` when it has one; nothing is shown while it loads, when it fails
 * (the bar's actions matter more than its status) or when the IP has none. The drawing code loads
 * with the first indicator listed (shared/indicator-view.ts).
 */
import { nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { initialState, Task } from '@lit/task';
import type { Indicator } from '../../data/model.js';
import type { IpDataProvider } from '../../data/provider.js';
import { indicatorView } from '../shared/indicator-view-lazy.js';

export interface ExistingIndicatorsSource {
  /** The provider, when it can list indicators (capability and method). */
  provider: () => IpDataProvider | undefined;
  ip: () => string | undefined;
  locale: () => string | undefined;
}

export class ExistingIndicators implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #source: ExistingIndicatorsSource;
  #open = false;
  readonly #task: Task<readonly [IpDataProvider | undefined, string | undefined], Indicator[]>;

  constructor(host: ReactiveControllerHost, source: ExistingIndicatorsSource) {
    this.#host = host;
    this.#source = source;
    host.addController(this);
    this.#task = new Task(host, {
      task: async ([provider, ip], { signal }) => {
        if (!provider?.listIndicators || !ip) return initialState as never;
        const list = await provider.listIndicators(ip, { signal });
        if (list.length) await indicatorView.load();
        return list;
      },
      args: () => [this.#source.provider(), this.#source.ip()] as const,
    });
  }

  hostConnected(): void {}

  /** The indicators, once listed (undefined while loading, on failure, or without the capability). */
  get list(): readonly Indicator[] | undefined {
    return this.#task.error ? undefined : this.#task.value;
  }

  /** Ask again (after an indicator was added). */
  refresh(): void {
    void this.#task.run();
  }

  #toggle = () => {
    this.#open = !this.#open;
    this.#host.requestUpdate();
  };

  /** The status button, for the bar (nothing when there is nothing to say). */
  renderStatus(): TemplateResult | typeof nothing {
    const list = this.list;
    const view = indicatorView.value;
    return list?.length && view ? view.renderStatus(list, this.#open, this.#toggle) : nothing;
  }

  /** The list under the bar, while open. */
  renderList(): TemplateResult | typeof nothing {
    const list = this.list;
    const view = indicatorView.value;
    return this.#open && list?.length && view ? view.renderList(list, this.#source.locale()) : nothing;
  }
}
