/**
 * The steps every response action takes, shared by `<ip-response-actions>`, `<ip-hunt-dialog>`
 * and `<ip-indicator-wizard>`: ask the host first (`ip-action-request`, which it may veto or
 * hold), then copy or navigate, telling the host what happened (`ip-copy`, `ip-navigate`).
 */
import { isAbortError } from '../../data/errors.js';
import { describeError } from './error-text.js';
import { IpActionRequestEvent, IpCopyEvent, IpNavigateEvent, type IpActionRequestDetail, type IpNavigateDetail, type ResponseAction } from '../../events/events.js';
import { msg, str } from './l10n.js';

/** Fire `ip-action-request`; resolves with `undefined` when the action may go ahead, else the message why not. */
export async function requestAction(host: EventTarget, detail: IpActionRequestDetail, refused = msg('Not done'), unexplained = msg('the portal did not allow this action.')): Promise<string | undefined> {
  const event = new IpActionRequestEvent(detail);
  host.dispatchEvent(event);
  if (await event.allowed()) return undefined;
  return msg(str`${refused}: ${event.reason || unexplained}`);
}

/** Whether a click is a plain one (not a middle or modified click, which opens a tab natively). */
function isPlainActivation(e: Event | undefined): boolean {
  const mouse = e as MouseEvent | undefined;
  return !mouse || !(mouse.button !== 0 || mouse.metaKey || mouse.ctrlKey || mouse.shiftKey || mouse.altKey);
}

/**
 * Run a navigation action: request, then `ip-navigate`; a link is followed only when neither was
 * canceled. A plain click on a link waits for the host; modified clicks open tabs natively.
 * Resolves with the refusal message when the host vetoed.
 */
export async function navigateAfterRequest(host: EventTarget, e: Event | undefined, action: ResponseAction, nav: IpNavigateDetail): Promise<string | undefined> {
  if (!isPlainActivation(e)) return undefined;
  e?.preventDefault();
  const refused = await requestAction(host, { action, ip: nav.ip!, href: nav.href, query: nav.query, language: nav.language });
  if (refused) return refused;
  if (host.dispatchEvent(new IpNavigateEvent(nav)) && nav.href) window.location.assign(nav.href);
  return undefined;
}

export type CopyOutcome =
  | { kind: 'copied'; value: string }
  /** The browser refused the clipboard: show `value` for copying by hand. */
  | { kind: 'blocked'; value: string }
  | { kind: 'refused' | 'failed'; message: string }
  | { kind: 'aborted' };

/** Write `value` to the clipboard; resolves with whether it got there (the browser may refuse). */
async function writeClipboard(value: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(value);
    return true;
  } catch {
    return false;
  }
}

/** Copy after the request gate; `ip-copy` says whether the value reached the clipboard. */
export async function copyAfterRequest(host: EventTarget, action: ResponseAction, ip: string, label: string, text: () => string | Promise<string>): Promise<CopyOutcome> {
  const refused = await requestAction(host, { action, ip });
  if (refused) return { kind: 'refused', message: refused };
  let value: string;
  try {
    value = await text();
  } catch (error) {
    return isAbortError(error) ? { kind: 'aborted' } : { kind: 'failed', message: msg(str`${label} could not be made: ${describeError(error)}`) };
  }
  const ok = await writeClipboard(value);
  host.dispatchEvent(new IpCopyEvent({ value, ok }));
  return ok ? { kind: 'copied', value } : { kind: 'blocked', value };
}

/** What to say after a copy: `[message, kind]`, or undefined for nothing (aborted). */
export function copyMessage(outcome: CopyOutcome, label: string, selectedInPlace: boolean): [string, 'ok' | 'error'] | undefined {
  switch (outcome.kind) {
    case 'copied':
      return [msg(str`${label} copied to the clipboard.`), 'ok'];
    case 'blocked':
      return [selectedInPlace ? msg('The browser did not allow copying. The text is selected: press Ctrl+C (⌘C).') : msg('The browser did not allow copying. Select the text below: press Ctrl+C (⌘C).'), 'error'];
    case 'refused':
    case 'failed':
      return [outcome.message, 'error'];
    case 'aborted':
      return undefined;
  }
}
