/**
 * Incidents expanded in the alerts list, and the display rows they make: row `d` of what is shown
 * is either a data row (index into the list's pages) or one of an expanded incident's alerts. Each
 * expansion fetches its incident's alerts with its own abort (collapse, a new query, the list
 * leaving the page) and asks again on return.
 */
import type { AlertItem } from '../../data/model.js';
import type { IpDataProvider } from '../../data/provider.js';
import { describeError } from '../shared/error-text.js';
import type { TimeRange } from '../../lib/time-range.js';
import { KeyedRequestsController } from '../shared/keyed-requests.js';

export type DisplayRow =
  | { kind: 'row'; index: number }
  | { kind: 'child'; parent: number; parentId: string; child: number };

export interface Expansion {
  /** The incident's index among the data rows. */
  index: number;
  items?: AlertItem[];
  error?: string;
}

/** The most alerts listed under one incident. */
const CHILD_LIMIT = 200;

export interface ExpansionSource {
  provider: IpDataProvider;
  ip: string;
  range: TimeRange;
}

export class IncidentExpansions {
  #open = new Map<string, Expansion>();
  /** Each expansion's request for its incident's alerts, by incident id. */
  readonly #requests = new KeyedRequestsController<string>();
  /** Called when an expansion's alerts arrive or fail (the host re-renders). */
  readonly #changed: () => void;

  constructor(changed: () => void) {
    this.#changed = changed;
  }

  has(id: string): boolean {
    return this.#open.has(id);
  }

  get(id: string): Expansion | undefined {
    return this.#open.get(id);
  }

  values(): IterableIterator<Expansion> {
    return this.#open.values();
  }

  /** Rows shown: `total` data rows plus the alerts of expanded incidents (one row while loading or empty). */
  count(total: number): number {
    let n = total;
    for (const e of this.#open.values()) n += e.items ? Math.max(1, e.items.length) : 1;
    return n;
  }

  /** What display row `d` is. */
  row(d: number): DisplayRow {
    let offset = 0;
    for (const [id, e] of [...this.#open].sort((a, b) => a[1].index - b[1].index)) {
      const at = e.index + offset;
      if (d <= at) return { kind: 'row', index: d - offset };
      const size = e.items ? Math.max(1, e.items.length) : 1;
      if (d <= at + size) return { kind: 'child', parent: e.index, parentId: id, child: d - at - 1 };
      offset += size;
    }
    return { kind: 'row', index: d - offset };
  }

  /** The alert of a child row, once loaded. */
  child(row: Extract<DisplayRow, { kind: 'child' }>): AlertItem | undefined {
    return this.#open.get(row.parentId)?.items?.[row.child];
  }

  /** Expand (and fetch) or collapse an incident. */
  toggle(incident: AlertItem, index: number, source: ExpansionSource): void {
    const open = this.#open.get(incident.id);
    if (open) {
      this.#requests.abort(incident.id);
      this.#open.delete(incident.id);
      return;
    }
    const expansion: Expansion = { index };
    this.#open.set(incident.id, expansion);
    this.#load(incident.id, expansion, source);
  }

  /** Collapse everything (a new query), aborting what is loading. */
  clear(): void {
    this.pause();
    this.#open = new Map();
  }

  /** Abort what is loading; the expansions stay and `resume` asks again. */
  pause(): void {
    this.#requests.abortAll();
  }

  /** Ask again for expansions whose alerts never arrived (the list left the page mid-request). */
  resume(source: ExpansionSource): void {
    for (const [id, e] of this.#open) if (!e.items && !e.error && !this.#requests.pending(id)) this.#load(id, e, source);
  }

  /** Loaded alerts among `ids`. */
  loaded(ids: ReadonlySet<string>): AlertItem[] {
    const out: AlertItem[] = [];
    for (const e of this.#open.values()) for (const a of e.items ?? []) if (ids.has(a.id)) out.push(a);
    return out;
  }

  /** Put new versions of alerts in place; the versions replaced go into `previous` (first one wins). */
  replace(byId: ReadonlyMap<string, AlertItem>, previous: Map<string, AlertItem>): void {
    for (const e of this.#open.values()) {
      if (!e.items) continue;
      e.items = e.items.map((a) => {
        const next = byId.get(a.id);
        if (next && !previous.has(a.id)) previous.set(a.id, a);
        return next ?? a;
      });
    }
  }

  /** Aborted: collapsed, another query, or the list left the page (it asks again on return). */
  #load(id: string, expansion: Expansion, { provider, ip, range }: ExpansionSource): void {
    this.#requests.run(id, (signal) => provider.listAlerts(ip, { range, filter: { incidentId: [id] }, offset: 0, limit: CHILD_LIMIT }, { signal }), {
      ok: (page) => {
        expansion.items = page.items;
      },
      error: (error) => {
        expansion.error = describeError(error);
      },
      done: this.#changed,
    });
  }
}
