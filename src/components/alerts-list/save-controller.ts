/**
 * Saving a change to the selected incidents and alerts, optimistically and honestly:
 *
 * - what it applies to is fixed when Save is pressed: explicit ids as they are, or "all matching"
 *   gathered from the query of that moment (stopped, and said so, if the list changes meanwhile);
 * - the rows change at once and roll back if the provider refuses; a provider that confirms only
 *   part of the set is reported, never shown as success;
 * - one idempotency key per draft, kept across retries of the same change, so a retry after a
 *   timeout cannot apply it twice; after a partial answer, the unconfirmed items stay selected
 *   and saving again sends them alone, with a new key; at most 10,000 items at a time.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AlertItem, AlertPatch } from '../../data/model.js';
import type { IpDataProvider } from '../../data/provider.js';
import { isAbortError, PartlyAppliedError } from '../../data/errors.js';
import { describeError } from '../shared/error-text.js';
import { applyPatch } from '../../data/patch.js';
import { formatNumber } from '../../lib/format.js';
import type { AlertPagesController } from './alert-pages.js';
import { gatherIds, SelectionChangedError, type AlertSelection } from './selection.js';
import { msg, str } from '../shared/l10n.js';

/** Bulk management beyond this many items is refused with a message (fetching their ids is heavy). */
export const MAX_BULK = 10_000;

export interface AlertSaveDeps {
  provider: () => IpDataProvider | undefined;
  pages: AlertPagesController;
  selection: AlertSelection;
  total: () => number;
  locale: () => string | undefined;
  /** Who "Assign to me" and comments name in the preview. */
  currentUser: () => string;
  /** Loaded items with these ids (in pages and expanded incidents). */
  loaded: (ids: ReadonlySet<string>) => AlertItem[];
  /** Put new versions in place everywhere; returns the versions replaced. */
  replace: (items: readonly AlertItem[]) => Map<string, AlertItem>;
  /** Whether the panel is still open to show an error (else it is said under the grid). */
  panelOpen: () => boolean;
  saved: (items: AlertItem[]) => void;
}

/**
 * Holds the save's state for the host (which re-renders when it changes). When the list leaves
 * the page, gathering "all matching" stops (nothing was sent yet; it says so when the list is
 * back), but a change already sent is not aborted: the service may have applied it whatever the
 * page does, so its answer (or refusal) still updates the rows and says so.
 */
export class AlertSaveController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #deps: AlertSaveDeps;
  #saving = false;
  /** Shown in the panel. */
  #error?: string;
  /** Shown under the grid (the panel closed meanwhile). */
  #message?: string;
  #controller?: AbortController;
  /** "All matching" ids are being fetched (a query change stops the save). */
  #gathering = false;
  #key?: { draft: string; key: string };

  constructor(host: ReactiveControllerHost, deps: AlertSaveDeps) {
    this.#host = host;
    this.#deps = deps;
    host.addController(this);
  }

  hostDisconnected(): void {
    if (this.#gathering) this.#controller?.abort(new SelectionChangedError(msg('Nothing was saved: the list left the page while the selection was being gathered. Select again and save.')));
  }

  get saving(): boolean {
    return this.#saving;
  }

  get error(): string | undefined {
    return this.#error;
  }

  get message(): string | undefined {
    return this.#message;
  }

  /** Clear what was said (a new selection or query). */
  clearMessages(): void {
    if (this.#error === undefined && this.#message === undefined) return;
    this.#error = this.#message = undefined;
    this.#host.requestUpdate();
  }

  /** The list's query changed: a save still gathering "all matching" must not apply to the new list. */
  queryChanged(): void {
    if (this.#gathering) {
      this.#controller?.abort(new SelectionChangedError(msg('Nothing was saved: the filters, search or time range changed while the selection was being gathered. Select again and save.')));
    }
    this.clearMessages();
  }

  async save(patch: AlertPatch): Promise<void> {
    const d = this.#deps;
    const provider = d.provider();
    if (!provider?.updateAlerts || this.#saving) return;
    const locale = d.locale();
    const snapshot = d.selection.snapshot(d.total(), d.pages.generation);
    if (snapshot.all && snapshot.count > MAX_BULK) {
      this.#set({ error: msg(str`${formatNumber(snapshot.count, locale)} are selected; change at most ${formatNumber(MAX_BULK, locale)} at a time (narrow the filter).`) });
      return;
    }
    this.#set({ saving: true });
    this.#controller?.abort();
    const controller = (this.#controller = new AbortController());
    // One key per draft: a retry of the same change after a timeout cannot apply twice.
    const draftKey = `${snapshot.generation}|${d.selection.version}|${JSON.stringify(patch)}`;
    if (this.#key?.draft !== draftKey) this.#key = { draft: draftKey, key: crypto.randomUUID() };
    let previous = new Map<string, AlertItem>();
    try {
      this.#gathering = snapshot.all;
      // Explicit ids are known now, so the preview shows at once; "all matching" needs its ids fetched.
      const { ids, unreadable } = snapshot.all ? await gatherIds(snapshot, d.pages, controller.signal) : { ids: snapshot.ids, unreadable: 0 };
      this.#gathering = false;
      // Show the change at once; roll back if the provider refuses it.
      previous = d.replace(d.loaded(new Set(ids)).map((a) => applyPatch(a, patch, d.currentUser())));
      const updated = await provider.updateAlerts(ids, patch, { signal: controller.signal, idempotencyKey: this.#key.key });
      d.replace(updated);
      const confirmed = new Set(updated.map((a) => a.id));
      const unconfirmed = ids.filter((id) => !confirmed.has(id));
      if (unconfirmed.length) {
        d.replace([...previous.values()].filter((a) => !confirmed.has(a.id)));
        // The request was answered: saving again is a new request (a new key; the same key would
        // replay this partial answer) for what is still unconfirmed, which stays selected.
        this.#key = undefined;
        d.selection.narrow(unconfirmed);
        throw new Error(msg(str`Only ${formatNumber(ids.length - unconfirmed.length, locale)} of ${formatNumber(ids.length, locale)} were changed; the data source did not confirm the others, which stay selected. Check them before saving again.`));
      }
      this.#key = undefined;
      d.saved(updated);
      if (unreadable > 0) this.#set({ message: msg(str`${formatNumber(unreadable, locale)} of the selected rows could not be read and were left unchanged.`) }, false);
    } catch (error) {
      this.#gathering = false;
      if (isAbortError(error) && !(controller.signal.reason instanceof SelectionChangedError)) return;
      const shown = describeError(isAbortError(error) ? controller.signal.reason : error);
      if (error instanceof PartlyAppliedError) {
        // Part of it is saved: those rows show what is now true, the others go back; what was
        // typed stays, and saving again is a new request (a new key).
        const applied = error.applied as AlertItem[];
        const appliedIds = new Set(applied.map((a) => a.id));
        d.replace([...previous.values()].filter((a) => !appliedIds.has(a.id)));
        d.replace(applied);
        this.#key = undefined;
      } else d.replace([...previous.values()]);
      // The panel closes when the query changes: say it under the grid then.
      if (d.panelOpen()) this.#set({ error: shown });
      else this.#set({ message: shown });
    } finally {
      if (this.#controller === controller) this.#set({ saving: false }, true);
    }
  }

  #set(next: { saving?: boolean; error?: string; message?: string }, keepMessages = false) {
    if (next.saving !== undefined) this.#saving = next.saving;
    if (!keepMessages) {
      this.#error = next.error;
      this.#message = next.message;
    }
    this.#host.requestUpdate();
  }
}
