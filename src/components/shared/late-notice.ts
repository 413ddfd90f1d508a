import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { slowNoticeClass } from './slow-notice-class.js';

/** The notice is created this long before it speaks, so it is defined and counting by then. */
const LEAD_MS = 1_000;

/** `IpSlowNotice.defaultDelay`, read without loading the element. */
function noticeDelay(): number {
  return slowNoticeClass.current?.defaultDelay ?? 8_000;
}

/** The hosts that will render again for a notice (one timer each; that render schedules the next). */
const waking = new WeakSet<ReactiveControllerHost>();

/** Renders `host` again in `wait` milliseconds, unless it already will. */
function wakeUp(host: ReactiveControllerHost, wait: number): void {
  if (waking.has(host)) return;
  waking.add(host);
  setTimeout(() => {
    waking.delete(host);
    host.requestUpdate();
  }, wait);
}

/**
 * `<ip-slow-notice>` for a wait that is not a task's (see ui.ts `slowNotice` for a task's): it
 * began at `since`, `cancel` stops it, `host` renders it — but only from shortly
 * before the notice would speak. Nearly every load answers within the delay, and a section that
 * created the element for each load (a shadow root, its styles and a one-second timer, then
 * removed again) paid for it on every first paint. Until then this renders nothing and asks the
 * host to render again when the time comes (one timer per host); the element's code loads then.
 */
export function slowNoticeSince(since: number, cancel: () => void, host: ReactiveControllerHost): TemplateResult | typeof nothing {
  const wait = noticeDelay() - LEAD_MS - (Date.now() - since);
  if (wait > 0) {
    wakeUp(host, wait);
    return nothing;
  }
  if (!customElements.get('ip-slow-notice')) void import('../slow-notice/ip-slow-notice.js');
  return html`<ip-slow-notice .since=${since} @ip-cancel-load=${cancel}></ip-slow-notice>`;
}
