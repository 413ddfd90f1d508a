/**
 * The expanded devices of `<ip-observed-devices>` and their timelines: which devices are open,
 * each one's events with the IP (asked for on expand, aborted on collapse, asked again when the
 * element comes back to the page), and the flat list of rows the tree grid draws (a device, then
 * its events, or its loading, empty or failed state).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DeviceEvent, ObservedDevice } from '../../data/model.js';
import type { IpDataProvider } from '../../data/provider.js';
import type { TimeRange } from '../../lib/time-range.js';
import { KeyedRequests } from '../shared/keyed-requests.js';

interface Expansion {
  events?: DeviceEvent[];
  error?: unknown;
}

export type Entry =
  | { type: 'device'; key: string; device: ObservedDevice }
  | { type: 'event'; key: string; device: ObservedDevice; event: DeviceEvent; position: number; count: number }
  | { type: 'status'; key: string; device: ObservedDevice; state: 'loading' | 'error' | 'empty'; error?: unknown };

export interface DeviceTimelinesDeps {
  provider: () => IpDataProvider | undefined;
  ip: () => string | undefined;
  range: () => TimeRange;
  /** Whether timelines can be shown at all (the method exists, the backend does not say no). */
  canExpand: () => boolean;
  onError: (error: unknown) => void;
}

export class DeviceTimelines implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #deps: DeviceTimelinesDeps;
  readonly #requests: KeyedRequests<string>;
  #expansions = new Map<string, Expansion>();

  constructor(host: ReactiveControllerHost, deps: DeviceTimelinesDeps) {
    this.#host = host;
    this.#deps = deps;
    this.#requests = new KeyedRequests<string>(host);
    host.addController(this);
  }

  hostConnected(): void {
    // Back in the page (or moved): timelines interrupted when it left are asked for again (expanded
    // devices stay expanded; the requests aborted were only those in flight).
    for (const [id, e] of this.#expansions) if (!e.events && !e.error && !this.#requests.pending(id)) this.#load(id, e);
  }

  isOpen(id: string): boolean {
    return this.#expansions.has(id);
  }

  /** Close every timeline (a new IP, range or query makes them stale). */
  collapseAll(): void {
    this.#requests.abortAll();
    this.#expansions = new Map();
  }

  /** Expand or collapse a device's timeline. Collapsing aborts its request. */
  toggle(id: string, open?: boolean): void {
    const current = this.#expansions.get(id);
    if (current && open !== true) {
      this.#requests.abort(id);
      this.#expansions.delete(id);
      this.#host.requestUpdate();
      return;
    }
    if (current || open === false || !this.#deps.canExpand()) return;
    const expansion: Expansion = {};
    this.#expansions.set(id, expansion);
    this.#host.requestUpdate();
    this.#load(id, expansion);
  }

  /** Ask again for a timeline that failed. */
  retry(id: string): void {
    this.toggle(id, false);
    this.toggle(id, true);
  }

  #load(id: string, expansion: Expansion) {
    const provider = this.#deps.provider();
    const ip = this.#deps.ip();
    if (!provider?.listDeviceEvents || !ip) return;
    const range = this.#deps.range();
    this.#requests.run(id, (signal) => provider.listDeviceEvents!(ip, id, range, { signal }), {
      ok: (events) => {
        expansion.events = [...events].sort((a, b) => (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0));
      },
      error: (error) => {
        expansion.error = error;
        this.#deps.onError(error);
      },
      done: () => this.#host.requestUpdate(),
    });
  }

  /** The rows to draw: each device, then its open timeline. */
  entries(devices: readonly ObservedDevice[]): Entry[] {
    const out: Entry[] = [];
    for (const device of devices) {
      out.push({ type: 'device', key: `d:${device.id}`, device });
      const e = this.#expansions.get(device.id);
      if (!e) continue;
      if (e.error) out.push({ type: 'status', key: `s:${device.id}`, device, state: 'error', error: e.error });
      else if (!e.events) out.push({ type: 'status', key: `s:${device.id}`, device, state: 'loading' });
      else if (!e.events.length) out.push({ type: 'status', key: `s:${device.id}`, device, state: 'empty' });
      else e.events.forEach((event, i) => out.push({ type: 'event', key: `e:${device.id}:${event.id ?? i}`, device, event, position: i + 1, count: e.events!.length }));
    }
    return out;
  }
}
