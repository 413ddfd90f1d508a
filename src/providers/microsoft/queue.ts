/**
 * At most `max` tasks at once; the rest wait their turn first in, first out, as Log Analytics
 * queues a user's sixth concurrent query (its documented limit is five). A task whose caller
 * aborts while it waits leaves the queue without running.
 */
import { abortReason } from '../http.js';

interface Waiter {
  start: () => void;
  signal: AbortSignal;
}

export class ConcurrencyQueue {
  readonly max: number;
  #running = 0;
  readonly #waiting: Waiter[] = [];

  constructor(max: number) {
    this.max = Math.max(1, Math.floor(max));
  }

  /** How many tasks run now, and how many wait. */
  get running(): number {
    return this.#running;
  }

  get waiting(): number {
    return this.#waiting.length;
  }

  /** Run `task` when a place is free (now, or after those queued before it). */
  async run<T>(task: () => Promise<T>, signal: AbortSignal): Promise<T> {
    signal.throwIfAborted();
    // No one overtakes those already waiting; a waiter is handed its place by #next.
    if (this.#running < this.max && !this.#waiting.length) this.#running++;
    else await this.#turn(signal);
    try {
      return await task();
    } finally {
      this.#running--;
      this.#next();
    }
  }

  #turn(signal: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        signal,
        start: () => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        const i = this.#waiting.indexOf(waiter);
        if (i >= 0) this.#waiting.splice(i, 1);
        reject(abortReason(signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.#waiting.push(waiter);
    });
  }

  #next(): void {
    while (this.#running < this.max && this.#waiting.length) {
      const waiter = this.#waiting.shift()!;
      if (waiter.signal.aborted) continue;
      // The place is taken for the waiter now, before its continuation runs, so no one overtakes it.
      this.#running++;
      waiter.start();
    }
  }
}
