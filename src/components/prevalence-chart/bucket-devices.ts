/**
 * The devices behind one point of the prevalence chart: one paged `listObservedDevices` call over
 * the point's hour or day (clipped to the page's range, as the chart counted it), most connections
 * first, 20 at a time. Part of the chart's own chunk (a chunk of its own split the page's
 * first-paint code into more chunks, which cost more than this module).
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg, str } from '../shared/l10n.js';
import { describeError } from '../shared/error-text.js';
import { isRetryable } from '../../data/errors.js';
import type { ObservedDevice } from '../../data/model.js';
import type { IpDataProvider } from '../../data/provider.js';
import type { TimeRange } from '../../lib/time-range.js';
import { formatNumber, isOne } from '../../lib/format.js';
import { dateTime, entityLink, skeletonLines } from '../shared/ui.js';

const PAGE = 20;

/** What the panel asks about: the point and the range it stands for. */
export interface BucketRequest {
  provider: IpDataProvider;
  ip: string;
  range: TimeRange;
  /** The point's label ("Nov 21, 2026", "Nov 21, 2026, 2:00 PM"). */
  label: string;
  hourly: boolean;
  /** Devices the chart counted in the point. */
  counted: number;
}

export interface BucketDevicesOptions {
  /** The locale in force (the host's). */
  locale: () => string | undefined;
  /** Gives focus back (to the chart) when the panel is closed from inside it. */
  onClose: () => void;
}

export class BucketDevices implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: BucketDevicesOptions;
  #request?: BucketRequest;
  #items: ObservedDevice[] = [];
  #total = 0;
  #loading = false;
  #error: unknown;
  #abort?: AbortController;

  constructor(host: ReactiveControllerHost & HTMLElement, options: BucketDevicesOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  get isOpen(): boolean {
    return Boolean(this.#request);
  }

  /** The point the panel lists, if any (same range: the same panel). */
  get range(): TimeRange | undefined {
    return this.#request?.range;
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.#abort?.abort();
  }

  /** List the devices of a point; a point with none asks nothing. */
  open(request: BucketRequest): void {
    this.#abort?.abort();
    this.#request = request;
    this.#items = [];
    this.#total = request.counted;
    this.#error = undefined;
    this.#loading = false;
    if (request.counted > 0) void this.#load(0);
    this.#host.requestUpdate();
  }

  close(): void {
    this.#abort?.abort();
    this.#request = undefined;
    this.#items = [];
    this.#loading = false;
    this.#error = undefined;
    this.#host.requestUpdate();
  }

  async #load(offset: number): Promise<void> {
    const request = this.#request;
    if (!request) return;
    const abort = (this.#abort = new AbortController());
    this.#loading = true;
    this.#error = undefined;
    this.#host.requestUpdate();
    try {
      const page = await request.provider.listObservedDevices(
        request.ip,
        { range: request.range, sort: { field: 'connectionCount', direction: 'desc' }, offset, limit: PAGE },
        { signal: abort.signal },
      );
      if (abort.signal.aborted) return;
      // A device listed twice across pages (the backend's order moved) is shown once.
      const seen = new Set(this.#items.map((d) => d.id));
      this.#items = [...this.#items, ...page.items.filter((d) => !seen.has(d.id))];
      this.#total = Math.max(page.total, this.#items.length);
    } catch (error) {
      if (abort.signal.aborted) return;
      this.#error = error;
    } finally {
      if (this.#abort === abort) {
        this.#loading = false;
        this.#host.requestUpdate();
      }
    }
  }

  #closeFromInside = () => {
    this.close();
    this.#options.onClose();
  };

  #onKeydown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    this.#closeFromInside();
  };

  #renderDevice(d: ObservedDevice, request: BucketRequest): TemplateResult {
    const locale = this.#options.locale();
    const connections = formatNumber(d.connectionCount, locale);
    return html`<li>
      ${entityLink(this.#host, d.name, { target: 'device', id: d.id, ip: request.ip }, request.provider.links?.device?.(d.id), { title: d.name, className: 'bucket-device' })}
      <span class="muted">${d.osPlatform ? html`${d.osPlatform} · ` : nothing}${isOne(d.connectionCount, locale) ? msg(str`${connections} connection`) : msg(str`${connections} connections`)} · ${msg(html`last seen ${dateTime(d.lastSeen, locale)}`)}</span>
    </li>`;
  }

  render(): TemplateResult | typeof nothing {
    const request = this.#request;
    if (!request) return nothing;
    const locale = this.#options.locale();
    const total = formatNumber(this.#total, locale);
    const heading = request.hourly ? msg(str`Devices in the hour from ${request.label}`) : msg(str`Devices on ${request.label} (UTC)`);
    const rest = this.#total - this.#items.length;
    const next = Math.min(PAGE, rest);
    let body: TemplateResult;
    if (request.counted === 0 && !this.#items.length) body = html`<p class="muted">${msg('No device communicated with this IP then.')}</p>`;
    else if (this.#error && !this.#items.length) body = this.#renderError();
    else if (this.#loading && !this.#items.length) body = html`${skeletonLines([60, 45, 52])}`;
    else if (!this.#items.length) body = html`<p class="muted">${msg('The data source listed no device for this point.')}</p>`;
    else {
      body = html`<ul class="bucket-list">${this.#items.map((d) => this.#renderDevice(d, request))}</ul>
        ${this.#error ? this.#renderError() : nothing}
        ${rest > 0 && !this.#error
          ? html`<button type="button" class="button subtle" ?disabled=${this.#loading} @click=${() => void this.#load(this.#items.length)}>
              ${this.#loading ? msg('Loading…') : msg(str`Show ${formatNumber(next, locale)} more`)}
            </button>`
          : nothing}`;
    }
    return html`<section class="bucket-devices" part="bucket-devices" id="bucket-devices" tabindex="-1" aria-labelledby="bucket-heading" aria-busy=${this.#loading ? 'true' : 'false'} @keydown=${this.#onKeydown}>
      <div class="bucket-header">
        <h3 id="bucket-heading" class="bucket-title">${heading}</h3>
        <span class="muted">${isOne(this.#total, locale) ? msg(str`${total} device`) : msg(str`${total} devices`)}</span>
        <button type="button" class="button subtle bucket-close" @click=${this.#closeFromInside}>${msg('Close')}</button>
      </div>
      ${body}
    </section>`;
  }

  #renderError(): TemplateResult {
    const error = this.#error;
    return html`<div class="state error" role="alert">
      <span class="state-message">${describeError(error)}</span>
      ${isRetryable(error) ? html`<button type="button" class="button" @click=${() => void this.#load(this.#items.length)}>${msg('Retry')}</button>` : nothing}
    </div>`;
  }
}
