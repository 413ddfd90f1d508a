/**
 * Requests by key, with real abort: starting one for a key aborts the one before it, `abort(key)`
 * and `abortAll()` stop them, and an answer is delivered only while its request is still the
 * key's current one. A late answer for a request that was replaced or aborted never lands, so
 * callers write no "is this answer still current?" checks of their own; aborts are not errors.
 *
 * With a host, it is also a controller: everything in flight is aborted when the host leaves the
 * page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isAbortError } from '../../data/errors.js';

export interface RequestHandlers<T> {
  ok(value: T): void;
  error?(error: unknown): void;
  /** After `ok` or `error` (not after an abort). */
  done?(): void;
}

export class KeyedRequestsController<K> implements ReactiveController {
  readonly #current = new Map<K, AbortController>();

  constructor(host?: ReactiveControllerHost) {
    host?.addController(this);
  }

  hostDisconnected(): void {
    this.abortAll();
  }

  /** Start `request` for `key`, aborting the key's earlier request. */
  run<T>(key: K, request: (signal: AbortSignal) => Promise<T>, handlers: RequestHandlers<T>): void {
    this.#current.get(key)?.abort();
    const controller = new AbortController();
    this.#current.set(key, controller);
    const current = () => this.#current.get(key) === controller && !controller.signal.aborted;
    let promise: Promise<T>;
    try {
      promise = request(controller.signal);
    } catch (error) {
      promise = Promise.reject(error);
    }
    promise.then(
      (value) => {
        if (!current()) return;
        this.#current.delete(key);
        handlers.ok(value);
        handlers.done?.();
      },
      (error: unknown) => {
        if (!current() || isAbortError(error)) return;
        this.#current.delete(key);
        handlers.error?.(error);
        handlers.done?.();
      },
    );
  }

  /** Whether a request for `key` is in flight. */
  pending(key: K): boolean {
    return this.#current.has(key);
  }

  /** The keys with a request in flight. */
  keys(): K[] {
    return [...this.#current.keys()];
  }

  abort(key: K): void {
    this.#current.get(key)?.abort();
    this.#current.delete(key);
  }

  abortAll(): void {
    for (const controller of this.#current.values()) controller.abort();
    this.#current.clear();
  }
}
