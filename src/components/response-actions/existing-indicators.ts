/**
 * The indicators already set for the IP, for the response bar: a button saying what the strongest
 * one in force does ("Blocked", "Allowed" …) that shows or hides the list (WAI-ARIA disclosure),
 * one line per indicator — action, title, scope, expiry, who set it and when. Asked of the
 * provider's `listIndicators` when it has one; nothing is shown while it loads, when it fails
 * (the bar's actions matter more than its status) or when the IP has none. The drawing code loads
 * with the first indicator listed (shared/indicator-view.ts).
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { describeError } from '../shared/error-text.js';
import { msg } from '../shared/l10n.js';
import { requestAction } from '../shared/actions.js';
import { THREAT_INTEL_ACTION } from '../shared/indicator-status.js';
import type { IndicatorRowActions } from '../shared/indicator-view.js';
import { initialState, Task } from '@lit/task';
import type { Indicator, IndicatorInput } from '../../data/model.js';
import type { IpDataProvider } from '../../data/provider.js';
import { indicatorView } from '../shared/indicator-view-lazy.js';
import { IpIndicatorsChangedEvent } from '../../events/internal.js';

export interface ExistingIndicatorsSource {
  /** The provider, when it can list indicators (capability and method). */
  provider: () => IpDataProvider | undefined;
  ip: () => string | undefined;
  locale: () => string | undefined;
  /** Whether the provider removes indicators (capability and method). */
  canRemove: () => boolean;
  /** Whether the provider adds indicators, so one submitted again with another expiry replaces it. */
  canEdit: () => boolean;
  /** Say what was removed or changed (the bar's status line). */
  removed: (i: Indicator) => void;
  changed: (message: string) => void;
}

export class ExistingIndicators implements ReactiveController {
  /** The element that owns the list and fires `ip-action-request`. */
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #source: ExistingIndicatorsSource;
  #open = false;
  #confirming?: string;
  #removing?: string;
  #failed?: { id: string; message: string };
  #editing?: string;
  #saving?: string;
  #editFailed?: { id: string; message: string };
  readonly #task: Task<readonly [IpDataProvider | undefined, string | undefined], Indicator[]>;

  constructor(host: ReactiveControllerHost & HTMLElement, source: ExistingIndicatorsSource) {
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
    this.#changed();
  }

  /** Tell the page the indicators changed (its header's status asks again). */
  #changed(): void {
    this.#host.dispatchEvent(new IpIndicatorsChangedEvent());
  }

  /** Open the list and move focus into it (the header's status asks for it). */
  show(): void {
    this.#open = true;
    this.#host.requestUpdate();
    this.#focus('[part="indicator-status"]');
  }

  #toggle = () => {
    this.#open = !this.#open;
    this.#host.requestUpdate();
  };

  /** The status button, for the bar (nothing when there is nothing to say). */
  renderStatus(): TemplateResult | typeof nothing {
    // A failed check is said, not shown as "not blocked": the analyst may be about to add a duplicate.
    if (this.#task.error !== undefined && this.#source.provider()?.listIndicators) {
      return html`<button type="button" class="button subtle" part="indicator-status" title=${describeError(this.#task.error)} @click=${() => void this.#task.run()}>${msg('Indicators not checked · Retry')}</button>`;
    }
    const list = this.list;
    const view = indicatorView.value;
    return list?.length && view ? view.renderStatus(list, this.#open, this.#toggle) : nothing;
  }

  /** The list under the bar, while open. */
  renderList(): TemplateResult | typeof nothing {
    const list = this.list;
    const view = indicatorView.value;
    const acts = this.#source.canRemove() || this.#source.canEdit();
    return this.#open && list?.length && view ? view.renderList(list, this.#source.locale(), acts ? this.#rowActions : undefined) : nothing;
  }

  #focus(selector: string): void {
    void this.#host.updateComplete.then(() => this.#host.shadowRoot?.querySelector<HTMLElement>(selector)?.focus());
  }

  /** The list's row buttons (Remove, Change expiry): what they do, and where each stands. */
  get #rowActions(): IndicatorRowActions {
    return {
      // A threat intelligence indicator can be removed where the workspace keeps it (Sentinel: the
      // confirmation says a feed may bring it back); its expiry is the feed's.
      can: () => this.#source.canRemove(),
      // Submitting again replaces every indicator of the value: offered only where it is the only one.
      canEdit: (i) => i.action !== THREAT_INTEL_ACTION && this.#source.canEdit() && (this.list ?? []).filter((x) => x.action !== THREAT_INTEL_ACTION && x.indicatorValue === i.indicatorValue).length === 1,
      editing: this.#editing,
      saving: this.#saving,
      editFailed: this.#editFailed,
      edit: (i) => {
        this.#editing = i.id;
        this.#confirming = undefined;
        this.#editFailed = undefined;
        this.#host.requestUpdate();
        this.#focus(`li[data-id="${CSS.escape(i.id)}"] input[name="expiry"]`);
      },
      cancelEdit: () => {
        const id = this.#editing;
        this.#editing = undefined;
        this.#editFailed = undefined;
        this.#host.requestUpdate();
        if (id) this.#focus(`li[data-id="${CSS.escape(id)}"] .edit-expiry`);
      },
      save: (i, date) => void this.#save(i, date),
      confirming: this.#confirming,
      removing: this.#removing,
      failed: this.#failed,
      ask: (i) => {
        this.#confirming = i.id;
        this.#failed = undefined;
        this.#host.requestUpdate();
        // The safe choice takes focus: Enter keeps the indicator.
        this.#focus(`li[data-id="${CSS.escape(i.id)}"] .remove-cancel`);
      },
      cancel: () => {
        const id = this.#confirming;
        this.#confirming = undefined;
        this.#host.requestUpdate();
        if (id) this.#focus(`li[data-id="${CSS.escape(id)}"] .remove`);
      },
      confirm: (i) => void this.#remove(i),
    };
  }

  async #remove(i: Indicator): Promise<void> {
    const provider = this.#source.provider();
    const ip = this.#source.ip();
    if (!provider?.removeIndicator || !ip) return;
    this.#confirming = undefined;
    this.#removing = i.id;
    this.#failed = undefined;
    this.#host.requestUpdate();
    // A host's refusal is said as it is; a failure in the words of its kind.
    const refused = await requestAction(this.#host, { action: 'remove-indicator', ip, indicator: i });
    if (refused) return this.#fail(i, refused);
    try {
      await provider.removeIndicator(i.id, { signal: AbortSignal.timeout(60_000), idempotencyKey: crypto.randomUUID() });
      this.#removing = undefined;
      this.#source.removed(i);
      await this.#task.run();
      this.#changed();
      // Focus where the list was: its button, or the bar when the last one went.
      this.#focus(this.list?.length ? '[part="indicator-status"]' : '[data-action="add-indicator"]');
      this.#host.requestUpdate();
    } catch (error) {
      this.#fail(i, describeError(error));
    }
  }

  /**
   * A new expiry: the indicator submitted again with it (Defender "submits or updates" an
   * indicator of the same value; the REST contract and the static provider replace it). The end
   * of the chosen day, UTC, as the wizard sets it; empty for none. A date that is not after now
   * is refused before anything is sent, and the form keeps what was typed.
   */
  async #save(i: Indicator, date: string): Promise<void> {
    const provider = this.#source.provider();
    const ip = this.#source.ip();
    if (!provider?.addIndicator || !ip) return;
    const at = date ? Date.parse(`${date}T23:59:59Z`) : undefined;
    if (at !== undefined && !(at > Date.now())) return this.#editFail(i, indicatorView.value!.expiryProblem());
    const input: IndicatorInput = {
      indicatorValue: i.indicatorValue,
      indicatorType: i.indicatorType,
      action: i.action,
      title: i.title,
      // Defender needs a description; a listed indicator without one keeps its title there.
      description: i.description || i.title,
      generateAlert: i.generateAlert,
      ...(i.severity ? { severity: i.severity } : {}),
      ...(i.recommendedActions ? { recommendedActions: i.recommendedActions } : {}),
      ...(i.category ? { category: i.category } : {}),
      ...(i.rbacGroupNames?.length ? { rbacGroupNames: i.rbacGroupNames } : {}),
      ...(i.application ? { application: i.application } : {}),
      ...(at !== undefined ? { expirationTime: new Date(at).toISOString() } : {}),
    };
    this.#saving = i.id;
    this.#editFailed = undefined;
    this.#host.requestUpdate();
    const refused = await requestAction(this.#host, { action: 'change-indicator-expiry', ip, indicator: input });
    if (refused) return this.#editFail(i, refused);
    try {
      const saved = await provider.addIndicator(input, { signal: AbortSignal.timeout(60_000), idempotencyKey: crypto.randomUUID() });
      this.#saving = this.#editing = undefined;
      this.#source.changed(indicatorView.value!.changedText(saved, this.#source.locale()));
      await this.#task.run();
      this.#changed();
      this.#focus('[part="indicator-status"]');
      this.#host.requestUpdate();
    } catch (error) {
      this.#editFail(i, describeError(error));
    }
  }

  /** The change did not happen: the form stays with what was typed, saying why, its field focused. */
  #editFail(i: Indicator, message: string): void {
    this.#saving = undefined;
    this.#editFailed = { id: i.id, message };
    this.#host.requestUpdate();
    this.#focus(`li[data-id="${CSS.escape(i.id)}"] input[name="expiry"]`);
  }

  /** The removal did not happen: the row stays, saying why, with focus on its Remove. */
  #fail(i: Indicator, message: string): void {
    this.#removing = undefined;
    this.#failed = { id: i.id, message };
    this.#host.requestUpdate();
    this.#focus(`li[data-id="${CSS.escape(i.id)}"] .remove`);
  }
}
