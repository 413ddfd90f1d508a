/**
 * A short status line (`role="status"`) as a controller: what the last action did. Good news
 * clears itself after a few seconds; an error stays until the next message.
 */
import { type ReactiveController, type ReactiveControllerHost } from 'lit';

export class StatusMessageController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #timer?: ReturnType<typeof setTimeout>;
  text = '';
  kind: 'ok' | 'error' = 'ok';

  constructor(host: ReactiveControllerHost, readonly clearAfterMs = 4000) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  say(text: string, kind: 'ok' | 'error' = 'ok'): void {
    clearTimeout(this.#timer);
    this.text = text;
    this.kind = kind;
    this.#host.requestUpdate();
    if (kind === 'ok') this.#timer = setTimeout(() => this.clear(), this.clearAfterMs);
  }

  clear(): void {
    clearTimeout(this.#timer);
    this.text = '';
    this.#host.requestUpdate();
  }
}
