/**
 * Small render helpers shared by the elements: placeholders for missing values, severity badges,
 * times, entity links and the loading / error / empty frame every section uses.
 * They return Lit templates, so every value is rendered as text.
 */
import { msg, str } from './l10n.js';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Task } from '@lit/task';
import { TaskStatus } from '@lit/task';
import { isRetryable } from '../../data/errors.js';
import { cancelled, describeError } from './error-text.js';
import { labelFor, SEVERITY_LABELS } from './labels.js';
import { formatDateTime, formatIso, formatRelative } from '../../lib/format.js';
import { safeHref } from '../../lib/safe-url.js';
import { revealControls, splitControls } from '../../lib/text.js';
import { IpNavigateEvent, type IpNavigateDetail } from '../../events/events.js';
import { slowNoticeSince } from './late-notice.js';
import { region } from '../../lib/region.js';
import type { UnreadableRow } from '../../data/model.js';

/**
 * Text from data, with every hidden character (bidirectional overrides, zero-width and control
 * characters) shown as a visible mark, so `evil‮gpj.exe` cannot pose as an image. Copy buttons
 * keep the exact value. The value is isolated (`<bdi>`: its own direction, from its first strong
 * character), so in a right-to-left page `203.0.113.0 - 203.0.113.255`, `Pte. Ltd.` and
 * `52.35, 4.95` keep their order, and an Arabic name in a left-to-right page keeps its own.
 */
export function shown(text: string, options: { keepNewlines?: boolean } = {}): TemplateResult {
  return html`<bdi>${marked(text, options)}</bdi>`;
}

/**
 * {@link shown} without the `<bdi>`, for a value inside an element that isolates it already
 * (`.truncate`, which takes its direction from its text): a plain string when there is nothing
 * to mark, so a grid cell's update stays a text change (no nested template per cell).
 */
export function marked(text: string, options: { keepNewlines?: boolean } = {}): string | TemplateResult {
  const parts = splitControls(text, options);
  if (parts.length === 1 && typeof parts[0] === 'string') return parts[0];
  return html`${parts.map((p) => (typeof p === 'string' ? p : html`<abbr class="control-mark" title=${p.name}>${p.short}</abbr>`))}`;
}

/** An em dash that says "not available" to screen readers and on hover. */
export function missing(): TemplateResult {
  return html`<span class="missing" title=${msg('Not available')}><span aria-hidden="true">—</span><span class="visually-hidden">${msg('Not available')}</span></span>`;
}

/** The value as text, or {@link missing} when it is empty. */
export function orMissing(value: string | number | null | undefined): TemplateResult | string {
  if (value == null || value === '' || (typeof value === 'number' && !Number.isFinite(value))) return missing();
  return typeof value === 'string' ? shown(value) : String(value);
}

/**
 * A country or region by its name in the page's language with its code in muted text
 * (`Singapur (SG)`), from a code, a name or both (lib/region.ts); {@link missing} when neither.
 * The code, not a flag emoji: Windows and many Linux desktops draw flags as two letters anyway.
 */
export function place(value: { name?: string; code?: string }, locale: string | undefined): TemplateResult {
  const r = region(value, locale);
  if (!r.name && !r.code) return missing();
  if (!r.name || !r.code) return shown(r.name ?? r.code!);
  return html`${shown(r.name)} <span class="muted">(${r.code})</span>`;
}

/**
 * A class name made from data, only for values the styles know: `classToken('risk', 'high',
 * ['high', 'medium'])` is `risk-high`; any other value (a typo, `constructor`, `x onclick`) is
 * `risk-other`. Class names are never built from provider strings without such a list.
 */
export function classToken(prefix: string, value: string | null | undefined, allowed: ReadonlySet<string> | readonly string[]): string {
  const known = value != null && (allowed instanceof Set ? allowed.has(value) : (allowed as readonly string[]).includes(value));
  return `${prefix}-${known ? value : 'other'}`;
}

const KNOWN_SEVERITIES = new Set(['high', 'medium', 'low', 'informational']);

/** A coloured badge with a dot and the label; unknown severities render neutral, with their raw value. */
export function severityBadge(severity: string | null | undefined): TemplateResult {
  const key = severity && KNOWN_SEVERITIES.has(severity) ? severity : 'unknown';
  return html`<span class="badge sev-${key}"><span class="dot" aria-hidden="true"></span>${labelFor(SEVERITY_LABELS, severity, msg('Unknown'))}</span>`;
}

/** A `<time>` showing the relative time, with the absolute time on hover and for machines. */
export function timeAgo(iso: string | null | undefined, locale: string | undefined, now = Date.now()): TemplateResult {
  if (!iso) return missing();
  const absolute = formatDateTime(iso, locale);
  if (!absolute) return missing();
  const exact = formatIso(iso);
  return html`<time dir="auto" datetime=${exact} title=${`${absolute} (${exact})`}>${formatRelative(iso, now, locale)}</time>`;
}

/** A `<time>` showing the absolute date and time (isolated, like data: `dir="auto"`). */
export function dateTime(iso: string | null | undefined, locale: string | undefined): TemplateResult {
  if (!iso) return missing();
  const absolute = formatDateTime(iso, locale);
  return absolute ? html`<time dir="auto" datetime=${formatIso(iso)} title=${formatIso(iso)}>${absolute}</time>` : missing();
}

/**
 * Dispatch a cancelable `ip-navigate` from `host`. Returns true when nobody canceled it.
 */
export function navigate(host: EventTarget, detail: IpNavigateDetail): boolean {
  return host.dispatchEvent(new IpNavigateEvent(detail));
}

/**
 * A link to an entity. With a (safe) `href` it is a real `<a>`: middle-click and Ctrl-click open a
 * tab, a plain click fires `ip-navigate` first and follows the link unless the host cancels.
 * Without one it is a button that only fires `ip-navigate`.
 */
export function entityLink(
  host: EventTarget,
  label: string | TemplateResult,
  detail: Omit<IpNavigateDetail, 'href'>,
  href: string | undefined,
  extra: { className?: string; title?: string; tabIndex?: number; part?: string } = {},
): TemplateResult {
  const safe = safeHref(href);
  const cls = `link ${extra.className ?? ''}`;
  if (typeof label === 'string') label = shown(label);
  const hover = extra.title === undefined ? nothing : revealControls(extra.title);
  const tab = extra.tabIndex === undefined ? nothing : String(extra.tabIndex);
  if (safe) {
    const onClick = (e: MouseEvent) => {
      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      if (!navigate(host, { ...detail, href: safe })) e.preventDefault();
    };
    return html`<a class=${cls} part=${extra.part ?? nothing} href=${safe} title=${hover} tabindex=${tab} @click=${onClick}>${label}</a>`;
  }
  return html`<button type="button" class=${cls} part=${extra.part ?? nothing} title=${hover} tabindex=${tab} @click=${() => navigate(host, detail)}>${label}</button>`;
}

export interface SectionOptions<T> {
  /** Element id of the heading (for `aria-labelledby`). */
  id: string;
  title: string;
  /** `part` name of the section. */
  part: string;
  task: Task<readonly unknown[], T>;
  /** The element that renders the section (it renders again when a slow wait's notice is due). */
  host: ReactiveControllerHost;
  /** What shows while loading: shaped like the content. */
  skeleton: () => TemplateResult;
  complete: (value: T) => TemplateResult;
  /** When true, the empty message shows instead of `complete`. */
  isEmpty?: (value: T) => boolean;
  empty?: string | TemplateResult;
  /** Shown before anything can load (no provider, no IP). */
  idle?: string | TemplateResult;
  /** Extra content in the header, right side. */
  headerEnd?: TemplateResult;
  className?: string;
}

/** When each task's current run began (a run's notice counts from its start, across re-renders). */
/** When each run of a task was first seen waiting, by the run's own `taskComplete` promise. */
const runStarts = new WeakMap<Promise<unknown>, number>();

/**
 * While a task runs: after a while, how long it has taken and Cancel (`<ip-slow-notice>`, created
 * and loaded only shortly before it speaks, so neither the first paint nor a quick load pays for it). Cancel stops waiting: the task ends
 * with an error that says so, and Retry asks again. Each run of a task has a promise of its own
 * (`taskComplete`), so a new run counts from its own start, whoever renders it.
 */
export function slowNotice(task: Task<readonly unknown[], unknown>, host: ReactiveControllerHost): TemplateResult | typeof nothing {
  const run = task.taskComplete;
  let since = runStarts.get(run);
  if (since === undefined) {
    since = Date.now();
    runStarts.set(run, since);
    // The section shows a failure itself; this promise is only the run's name here.
    run.catch(() => undefined);
  }
  return slowNoticeSince(since, () => task.abort(cancelled()), host);
}

/** Each run of a task seen waiting: false until its next frame, true from then (its loading state drawn). */
const waitedAFrame = new WeakMap<Promise<unknown>, boolean>();

/**
 * Whether a running task should show its loading state now. A run keeps what was there (the last
 * value, or nothing before the first) until the next frame: the loading state is drawn at that
 * frame, before anything is painted, if the answer has not come by then. So an answer in the same
 * task (a cached or in-memory one) updates the content in place, or builds it at once, with no
 * loading state built and torn down in between, and a slower one looks as it always did.
 */
export function showsLoading(task: Task<readonly unknown[], unknown>, host: ReactiveControllerHost): boolean {
  if (task.status !== TaskStatus.PENDING) return true;
  const run = task.taskComplete;
  const waited = waitedAFrame.get(run);
  if (waited !== undefined) return waited;
  waitedAFrame.set(run, false);
  run.catch(() => undefined);
  requestAnimationFrame(() => {
    waitedAFrame.set(run, true);
    if (task.status === TaskStatus.PENDING && task.taskComplete === run) host.requestUpdate();
  });
  return false;
}

/** The frame of one section: title, then skeleton, error with Retry, empty message or content. */
export function section<T>(o: SectionOptions<T>): TemplateResult {
  const previous = o.task.value;
  const body = !showsLoading(o.task as Task<readonly unknown[], unknown>, o.host) ? (previous === undefined ? nothing : complete(o, previous)) : o.task.render({
    initial: () => (o.idle ? html`<div class="state">${o.idle}</div>` : o.skeleton()),
    pending: () => html`<div aria-busy="true"><span class="visually-hidden">${msg(str`Loading ${o.title}…`)}</span>${o.skeleton()}${slowNotice(o.task as Task<readonly unknown[], unknown>, o.host)}</div>`,
    error: (error: unknown) => html`
      <div class="state error" role="alert">
        <span class="state-message">${shown(describeError(error))}</span>
        ${isRetryable(error) ? html`<button type="button" class="button" @click=${() => o.task.run()}>${msg('Retry')}</button>` : nothing}
      </div>
    `,
    complete: (value: T) => complete(o, value),
  });
  const busy = o.task.status === TaskStatus.PENDING;
  return html`
    <section class="section ${o.className ?? ''}" part=${o.part} aria-labelledby=${o.id} aria-busy=${busy ? 'true' : 'false'}>
      <div class="section-header">
        <h2 class="section-title" id=${o.id}>${o.title}</h2>
        ${o.headerEnd ?? nothing}
      </div>
      <div class="section-body">${body}</div>
    </section>
  `;
}

/** A section's value, or its empty message, or what went wrong showing it. */
function complete<T>(o: SectionOptions<T>, value: T): TemplateResult {
  return contained(
    () => (o.isEmpty?.(value) ? html`<div class="state">${o.empty ?? msg('Nothing to show.')}</div>` : o.complete(value)),
    (error) => html`<div class="state error" role="alert">
      <span class="state-message">${msg(html`${o.title} could not be shown: ${shown(describeError(error))}`)}</span>
      <button type="button" class="button" @click=${() => o.task.run()}>${msg('Retry')}</button>
    </div>`,
  );
}

/**
 * A row of data that could not be read, in its place: why, and Copy for the row as it was sent
 * (the element using it registers `<ip-copy-button>`). `tabbable` follows the row's Tab stop in
 * lists with their own keyboard model.
 */
export function unreadableRow(unreadable: UnreadableRow, tabbable = true): TemplateResult {
  return html`<span class="unreadable" part="unreadable"><span class="unreadable-icon" aria-hidden="true">⚠</span>
    <span>${msg('This row could not be read:')} ${shown(unreadable.reason)}</span>
    <ip-copy-button .value=${unreadable.raw} label=${msg('Copy the row as it was sent')} tabindex=${tabbable ? '0' : '-1'}></ip-copy-button></span>`;
}

/**
 * A mark on a row some of whose values could not be read (they are left out): what, on hover and
 * for screen readers. Nothing when the row was read whole.
 */
export function partialMark(problems: readonly string[] | undefined): TemplateResult | typeof nothing {
  if (!problems?.length) return nothing;
  const text = msg(str`Some values could not be read and are not shown: ${revealControls(problems.join('; '))}`);
  return html`<span class="partial-mark" part="partial-mark" title=${text}><span aria-hidden="true">⚠</span><span class="visually-hidden">${text}</span></span>`;
}

/**
 * The template `render` makes, or `fallback(error)` when making it throws: one block whose data
 * a template could not handle shows its own error, and the rest of the element keeps working.
 */
export function contained<T>(render: () => T, fallback: (error: unknown) => TemplateResult): T | TemplateResult {
  try {
    return render();
  } catch (error) {
    return fallback(error);
  }
}

/**
 * Skeleton lines of the given widths (percent, rounded to 5), standing in for text while loading.
 * Widths are classes (`w-35`): no `style` attribute, which a strict `style-src` CSP refuses
 * (Lit's `styleMap` writes one on first render).
 */
export function skeletonLines(widths: number[]): TemplateResult {
  return html`${widths.map((w) => html`<span class="skeleton w-${Math.min(100, Math.max(5, Math.round(w / 5) * 5))}"></span>`)}`;
}

/**
 * A long value (path, command line, hash) cut with an ellipsis to fit its box, the full value on
 * hover. Pair it with a copy button so keyboard users can get the whole value too.
 */
export function truncated(value: string | null | undefined, options: { mono?: boolean } = {}): TemplateResult {
  if (value == null || value === '') return missing();
  return html`<span class="truncate ${options.mono ? 'mono' : ''}" title=${revealControls(value)}>${marked(value)}</span>`;
}
