/**
 * The expanded devices of `<ip-observed-devices>` and their timelines: which devices are open,
 * each one's events with the IP and the alerts raised on it that involve the IP, interleaved by
 * time (asked for on expand, aborted on collapse, asked again when the element comes back to the
 * page), and the flat list of rows the tree grid draws (a device, then its timeline, or its
 * loading, empty or failed state). The alerts failing never hides the events.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AlertItem, DeviceEvent, ObservedDevice } from '../../data/model.js';
import type { IpDataProvider } from '../../data/provider.js';
import type { TimeRange } from '../../lib/time-range.js';
import { KeyedRequestsController } from '../shared/keyed-requests.js';

interface Expansion {
  name: string;
  events?: DeviceEvent[];
  error?: unknown;
  /** The alerts on the device that involve the IP, oldest first; undefined while asked. */
  alerts?: AlertItem[];
  alertsError?: unknown;
  /** The alerts are asked for again after failing; the events stay shown meanwhile. */
  alertsRetrying?: boolean;
}

/** Alerts listed per device timeline (the most recent; the alerts tab has them all). */
export const DEVICE_ALERTS = 50;

export type Entry =
  | { type: 'device'; key: string; device: ObservedDevice }
  | { type: 'event'; key: string; device: ObservedDevice; event: DeviceEvent; position: number; count: number }
  | { type: 'alert'; key: string; device: ObservedDevice; alert: AlertItem; position: number; count: number }
  | { type: 'status'; key: string; device: ObservedDevice; state: 'loading' | 'error' | 'empty' | 'alerts-error'; error?: unknown };

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
  readonly #requests: KeyedRequestsController<string>;
  #expansions = new Map<string, Expansion>();

  constructor(host: ReactiveControllerHost, deps: DeviceTimelinesDeps) {
    this.#host = host;
    this.#deps = deps;
    this.#requests = new KeyedRequestsController<string>(host);
    host.addController(this);
  }

  hostConnected(): void {
    // Back in the page (or moved): timelines interrupted when it left are asked for again (expanded
    // devices stay expanded; the requests aborted were only those in flight).
    for (const [id, e] of this.#expansions) {
      if (!e.events && !e.error && !this.#requests.pending(`e:${id}`)) this.#loadEvents(id, e);
      if (!e.alerts && !e.alertsError && !this.#requests.pending(`a:${id}`)) this.#loadAlerts(id, e);
    }
  }

  isOpen(id: string): boolean {
    return this.#expansions.has(id);
  }

  /** Close every timeline (a new IP, range or query makes them stale). */
  collapseAll(): void {
    this.#requests.abortAll();
    this.#expansions = new Map();
  }

  /** Expand or collapse a device's timeline (`name` is the device's, for its alerts). Collapsing aborts its requests. */
  toggle(id: string, open?: boolean, name = this.#names.get(id) ?? id): void {
    const current = this.#expansions.get(id);
    if (current && open !== true) {
      this.#requests.abort(`e:${id}`);
      this.#requests.abort(`a:${id}`);
      this.#expansions.delete(id);
      this.#host.requestUpdate();
      return;
    }
    if (current || open === false || !this.#deps.canExpand()) return;
    const expansion: Expansion = { name };
    this.#expansions.set(id, expansion);
    this.#host.requestUpdate();
    this.#loadEvents(id, expansion);
    this.#loadAlerts(id, expansion);
  }

  /** Device names by id, from the last rows drawn. */
  #names = new Map<string, string>();

  /** Ask again for a timeline that failed. */
  retry(id: string): void {
    const e = this.#expansions.get(id);
    // Only the alerts failed: ask for them again, and keep the events on screen meanwhile.
    if (e?.events && e.alertsError && !e.error) {
      e.alertsError = undefined;
      e.alertsRetrying = true;
      this.#host.requestUpdate();
      this.#loadAlerts(id, e);
      return;
    }
    this.toggle(id, false);
    this.toggle(id, true);
  }

  #loadAlerts(id: string, expansion: Expansion) {
    const provider = this.#deps.provider();
    const ip = this.#deps.ip();
    if (!provider || !ip) return;
    const query = { range: this.#deps.range(), filter: { kind: ['alert'], impactedAssets: [expansion.name] }, sort: { field: 'lastActivity', direction: 'desc' }, offset: 0, limit: DEVICE_ALERTS } as const;
    this.#requests.run(`a:${id}`, (signal) => provider.listAlerts(ip, query, { signal }), {
      ok: (page) => {
        expansion.alerts = [...page.items].sort((a, b) => (a.firstActivity < b.firstActivity ? -1 : a.firstActivity > b.firstActivity ? 1 : 0));
      },
      error: (error) => {
        expansion.alertsError = error;
        this.#deps.onError(error);
      },
      done: () => {
        expansion.alertsRetrying = false;
        this.#host.requestUpdate();
      },
    });
  }

  #loadEvents(id: string, expansion: Expansion) {
    const provider = this.#deps.provider();
    const ip = this.#deps.ip();
    if (!provider?.listDeviceEvents || !ip) return;
    const range = this.#deps.range();
    this.#requests.run(`e:${id}`, (signal) => provider.listDeviceEvents!(ip, id, range, { signal }), {
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

  /**
   * The rows to draw: each device, then its open timeline (events and alerts by time). The same
   * array as last time while they are the same rows: the virtualizer then redraws the rows on
   * screen in the host's update (the focused row, a copy's confirmation), where new items would
   * have it lay out again and draw them a frame later.
   */
  entries(devices: readonly ObservedDevice[]): Entry[] {
    const out = this.#build(devices);
    const last = this.#last;
    if (last && last.length === out.length && out.every((entry, i) => sameEntry(entry, last[i]!))) return last;
    return (this.#last = out);
  }

  #last?: Entry[];

  #build(devices: readonly ObservedDevice[]): Entry[] {
    const out: Entry[] = [];
    for (const device of devices) {
      this.#names.set(device.id, device.name);
      out.push({ type: 'device', key: `d:${device.id}`, device });
      const e = this.#expansions.get(device.id);
      if (!e) continue;
      const status = (state: 'loading' | 'error' | 'empty' | 'alerts-error', error?: unknown) => out.push({ type: 'status', key: `${state}:${device.id}`, device, state, error });
      // The timeline shows once both have answered (or the alerts failed), so rows do not jump.
      if (e.error) status('error', e.error);
      else if (!e.events || (!e.alerts && !e.alertsError && !e.alertsRetrying)) status('loading');
      else if (!e.events.length && !e.alerts?.length) status('empty');
      else {
        const alerts = e.alerts ?? [];
        const count = e.events.length + alerts.length;
        let i = 0;
        let j = 0;
        while (i < e.events.length || j < alerts.length) {
          const event = e.events[i];
          const alert = alerts[j];
          const position = i + j + 1;
          if (event && (!alert || event.timestamp <= alert.firstActivity)) {
            out.push({ type: 'event', key: `e:${device.id}:${event.id ?? i}`, device, event, position, count });
            i++;
          } else {
            out.push({ type: 'alert', key: `a:${device.id}:${alert!.id}`, device, alert: alert!, position, count });
            j++;
          }
        }
      }
      if (e.alertsError && !e.error) status('alerts-error', e.alertsError);
    }
    return out;
  }
}

/** The same row: every field the same value (the device, event and alert objects themselves). */
function sameEntry(a: Entry, b: Entry): boolean {
  const keys = Object.keys(a) as Array<keyof Entry>;
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}
