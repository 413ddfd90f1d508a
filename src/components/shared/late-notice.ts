import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { slowNoticeClass } from './slow-notice-class.js';

/** The notice is created this long before it speaks, so it is defined and counting by then. */
const LEAD_MS = 1_000;

/** `IpSlowNotice.defaultDelay`, read without loading the element. */
function noticeDelay(): number {
  return slowNoticeClass.current?.defaultDelay ?? 8_000;
}

/** Each host's one pending wake-up: when it is due, and its timer. */
const wakeUps = new WeakMap<ReactiveControllerHost, { due: number; timer: ReturnType<typeof setTimeout> }>();

/** Renders `host` again in `wait` milliseconds, unless it already will by then. */
function wakeUp(host: ReactiveControllerHost, wait: number): void {
  const due = Date.now() + wait;
  const pending = wakeUps.get(host);
  if (pending && pending.due <= due) return;
  if (pending) clearTimeout(pending.timer);
  const timer = setTimeout(() => {
    wakeUps.delete(host);
    host.requestUpdate();
  }, wait);
  wakeUps.set(host, { due, timer });
}

/**
 * `<ip-slow-notice>` for a wait that began at `since`, rendered by `host` — but only from shortly
 * before the notice would speak. Nearly every load answers within the delay, and a section that
 * created the element for each load (a shadow root, its styles and a one-second timer, then
 * removed again) paid for it on every first paint. Until then this renders nothing and asks the
 * host to render again when the time comes (one timer per host); the element's code loads then.
 */
export function lateNotice(host: ReactiveControllerHost, since: number, cancel: () => void): TemplateResult | typeof nothing {
  const wait = noticeDelay() - LEAD_MS - (Date.now() - since);
  if (wait > 0) {
    wakeUp(host, wait);
    return nothing;
  }
  if (!customElements.get('ip-slow-notice')) void import('../slow-notice/ip-slow-notice.js');
  return html`<ip-slow-notice .since=${since} @ip-cancel-load=${cancel}></ip-slow-notice>`;
}
