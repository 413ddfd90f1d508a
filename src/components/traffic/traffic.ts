import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { ipProblemText } from '../shared/ip-problem.js';
import { tokens } from '../shared/tokens.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { contained, entityLink, missing, partialMark, shown, skeletonLines, slowNotice, timeAgo, unreadableRow } from '../shared/ui.js';
import { isRetryable } from '../../data/errors.js';
import { describeError } from '../shared/error-text.js';
import type { DeviceTraffic, Traffic } from '../../data/model.js';
import { formatNumber, isOne } from '../../lib/format.js';
import { formatBytes, formatDuration } from '../../lib/units.js';
import { toMs } from '../../data/time.js';
import { describeRange } from '../shared/range-text.js';
import { IpSectionElement } from '../base/section-element.js';
import { msg, str } from '../shared/l10n.js';
import { trafficStyles } from './traffic.styles.js';
import { listFrameStyles } from '../shared/list-frame.styles.js';
import { exportMenu, exportStatus, ipExportName, ListExportController } from '../shared/list-export.js';
import { exportStyles } from '../shared/list-export.styles.js';
import type { ExportBatch, ExportFormat } from '../shared/export.js';
import { TRAFFIC_EXPORT_FIELDS } from './traffic-export.js';
import { activityStrip } from './activity-strip.js';

/** A score from here up reads "Likely beacon". */
export const LIKELY_BEACON = 0.8;
/** A score from here up reads "Possible beacon". */
export const POSSIBLE_BEACON = 0.6;

const percent = (share: number, locale?: string) => `${formatNumber(share * 100, locale)} %`;

/**
 * The IP's traffic with the organization's devices in the range, and whether any of them is
 * beaconing: one row per device, the most beacon-like first. For each, a beacon score with what
 * it rests on (the median interval between connections, the jitter around it, and the share of
 * intervals within ±10 % of the median: the regularity measure RITA and similar tools use),
 * connections, ports and protocols, bytes where the log records them, and a strip of its
 * connections over the range (a beacon is a steady band). It says where the statistics were
 * computed: by the data source over every connection, or in this browser from the connections it
 * returned.
 *
 * The data is asked for when the element first comes into view (it sits below the devices list on
 * the page's Observed tab), so a visit that never scrolls to it costs the backend nothing.
 *
 * Export writes the devices listed, with their statistics, as CSV (spreadsheet-safe) or JSON.
 *
 * Keyboard: a table; Tab moves through the device links.
 *
 * @tag ip-traffic
 * @fires ip-navigate - A device was activated (`target: 'device'`, `id`). Cancelable.
 * @fires ip-error - Loading failed; `detail: { section: 'traffic', ip, error, message }`.
 * @csspart base - The wrapper.
 * @csspart heading - The section's heading.
 * @csspart method - Says where the beacon statistics were computed.
 * @csspart cap - The count line.
 * @csspart incomplete - Says what the data source left out.
 * @csspart table - The table of devices.
 * @csspart device - Each device row.
 * @cssprop --ip-traffic-max-height - Most height the table takes before it scrolls (default 560px).
 * @cssprop --ip-traffic-strip-color - The strip's cells (default: the accent color).
 */
export class IpTraffic extends IpSectionElement {
  static override styles = [tokens, sharedStyles, listFrameStyles, exportStyles, trafficStyles];

  /** The level of the section's heading (1–6), to fit the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;
  /** Ask at once instead of when the element comes into view. */
  @property({ type: Boolean }) eager = false;

  /** Whether the element has been on screen (or is eager). */
  @state() private seen = false;
  @state() private exportOpen = false;
  #observer?: IntersectionObserver;

  readonly #task = this.lifecycle.track(new Task(this, {
    task: async ([provider, ip, from, to, offered, seen], { signal }): Promise<Traffic> => {
      if (!provider?.getTraffic || !ip || !offered || !seen) return initialState as never;
      return provider.getTraffic(ip.canonical, { from: new Date(from), to: new Date(to) }, { signal });
    },
    args: () => [this.source.provider, this.source.ip, this.source.timeRange.from.getTime(), this.source.timeRange.to.getTime(), this.#offered, this.seen || this.eager] as const,
    onError: (error) => this.reportError('traffic', error),
  }));

  readonly #export = new ListExportController<DeviceTraffic>(this, {
    fields: () => TRAFFIC_EXPORT_FIELDS,
    batches: (signal) => this.#rows(signal),
    fileName: (format) => ipExportName('traffic', this.source.ip?.canonical, format),
    total: () => this.#task.value?.devices.filter((d) => !d.unreadable).length,
  });

  /** The devices listed (one answer: the data source lists the most beacon-like only). */
  async *#rows(signal: AbortSignal): AsyncIterable<ExportBatch<DeviceTraffic>> {
    signal.throwIfAborted();
    const items = (this.#task.value?.devices ?? []).filter((d) => !d.unreadable);
    yield { items, done: items.length, total: items.length };
  }

  /** The devices listed as CSV or JSON text. */
  exportData(format: ExportFormat, signal?: AbortSignal): Promise<string> {
    return this.#export.text(format, signal);
  }

  protected override get needsCapabilities(): boolean {
    return true;
  }

  /** Whether the provider reports traffic: the method exists and the backend does not say no. */
  get #offered(): boolean {
    return typeof this.source.provider?.getTraffic === 'function' && this.capabilities?.traffic !== false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.seen || typeof IntersectionObserver === 'undefined') {
      this.seen = true;
      return;
    }
    this.#observer = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      this.seen = true;
      this.#observer?.disconnect();
      this.#observer = undefined;
    });
    this.#observer.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.headingLevel = Math.min(6, Math.max(1, Math.round(Number(this.headingLevel)) || 2));
  }

  /** Reload. */
  refresh(): void {
    this.source.forget('getTraffic');
    this.seen = true;
    void this.#task.run();
  }

  // ---- rendering ----------------------------------------------------------------------------

  #renderMethod(t: Traffic): TemplateResult {
    const locale = this.locale;
    const text = t.computedBy === 'backend'
      ? msg('Beacon statistics computed by the data source over every connection in the range.')
      : t.sampled
        ? msg(str`Beacon statistics computed in this browser from the ${formatNumber(t.sampled, locale)} most recent connections per device the data source returned.`)
        : msg('Beacon statistics computed in this browser from the connections the data source returned.');
    return html`<p class="method muted" part="method">${text}</p>`;
  }

  #renderCap(t: Traffic): TemplateResult {
    const locale = this.locale;
    const n = formatNumber(t.total, locale);
    const line = t.total > t.devices.length
      ? msg(str`The ${formatNumber(t.devices.length, locale)} devices most like a beacon of ${n} that connected with this IP.`)
      : isOne(t.total, locale) ? msg(str`${n} device connected with this IP.`) : msg(str`${n} devices connected with this IP, the most like a beacon first.`);
    return html`<p class="cap" part="cap" role="status">${line}</p>
      ${t.incomplete ? html`<p class="cap incomplete" part="incomplete" role="status">⚠ ${shown(t.incomplete)}</p>` : nothing}`;
  }

  #renderScore(d: DeviceTraffic): TemplateResult {
    const b = d.beacon;
    if (!b) return html`<span class="muted" title=${msg('Too few connections to tell')}>${msg('Too few')}</span>`;
    const level = b.score >= LIKELY_BEACON ? 'likely' : b.score >= POSSIBLE_BEACON ? 'possible' : 'unlikely';
    const word = level === 'likely' ? msg('Likely beacon') : level === 'possible' ? msg('Possible beacon') : '';
    return html`<span class="score score-${level}">
      <span class="bar" aria-hidden="true"><span style="inline-size: ${Math.round(b.score * 100)}%"></span></span>
      <span class="value">${percent(b.score, this.locale)}</span>
      ${word ? html`<span class="badge">${word}</span>` : nothing}
    </span>`;
  }

  #renderPorts(d: DeviceTraffic): TemplateResult {
    if (!d.ports?.length) return missing();
    const locale = this.locale;
    return html`<span class="ports">${d.ports.map((p, i) => html`${i ? ', ' : ''}<span class="port" title=${msg(str`${formatNumber(p.connections, locale)} connections`)}>${p.port}${p.protocol ? html`/${shown(p.protocol)}` : nothing}</span>`)}</span>`;
  }

  #renderRow(d: DeviceTraffic, t: Traffic, bytes: boolean): TemplateResult {
    const columns = bytes ? 9 : 8;
    if (d.unreadable) return html`<tr class="unreadable-row" part="device"><td colspan=${columns}>${unreadableRow(d.unreadable)}</td></tr>`;
    const locale = this.locale;
    const ip = this.source.ip?.canonical;
    const b = d.beacon;
    const href = d.unmanaged ? undefined : this.source.provider?.links?.device?.(d.deviceId);
    // A host only a network log saw is an address, not a device the endpoint product knows: no device page to open.
    const name = d.unmanaged
      ? html`<span class="truncate mono" title=${d.deviceName}>${shown(d.deviceName)}</span><span class="sub"><span class="badge">${msg('Not onboarded · firewall only')}</span></span>`
      : entityLink(this, html`<span class="truncate">${shown(d.deviceName)}</span>`, { target: 'device', id: d.deviceId, ip }, href, { title: d.deviceName });
    return html`<tr part="device" class=${b && b.score >= LIKELY_BEACON ? 'likely' : ''}>
      <th scope="row" class="device">
        ${partialMark(d.partial)}${name}
        <span class="sub muted">${msg('Last seen')} ${timeAgo(d.lastSeen, locale)}</span>
      </th>
      <td>${this.#renderScore(d)}</td>
      <td class="num">${b ? formatDuration(b.medianSeconds, locale) : missing()}</td>
      <td class="num">${b ? html`± ${formatDuration(b.jitterSeconds, locale)}` : missing()}</td>
      <td class="num">${b ? percent(b.regularity, locale) : missing()}</td>
      <td class="num">${formatNumber(d.connections, locale)}</td>
      <td>${this.#renderPorts(d)}</td>
      ${bytes ? html`<td class="num nowrap">${d.bytesSent === undefined && d.bytesReceived === undefined ? missing() : html`↑ ${formatBytes(d.bytesSent ?? 0, locale)}<span class="sub">↓ ${formatBytes(d.bytesReceived ?? 0, locale)}</span>`}</td>` : nothing}
      <td class="strip-cell">${d.series?.length && t.series ? activityStrip({ counts: d.series, start: toMs(t.series.start), bucketSeconds: t.series.bucketSeconds, locale }) : missing()}</td>
    </tr>`;
  }

  #renderTable(t: Traffic): TemplateResult {
    if (!t.devices.length) {
      return html`<div class="state">${msg(str`No device connected with this IP ${describeRange(this.source.timeRange, this.source.range.key)}.`)}</div>`;
    }
    const bytes = t.devices.some((d) => d.bytesSent !== undefined || d.bytesReceived !== undefined);
    const columns = bytes ? 9 : 8;
    return html`${this.#renderCap(t)}
      <div class="table-wrap" tabindex="0" role="group" aria-label=${msg('Traffic per device')}>
        <table class="simple" part="table">
          <thead>
            <tr>
              <th scope="col">${msg('Device')}</th>
              <th scope="col" title=${msg('How regular the connections are: on time, little jitter, many intervals')}>${msg('Beacon score')}</th>
              <th scope="col" class="num">${msg('Median interval')}</th>
              <th scope="col" class="num">${msg('Jitter')}</th>
              <th scope="col" class="num" title=${msg('Share of intervals within ±10 % of the median')}>${msg('On time (±10 %)')}</th>
              <th scope="col" class="num">${msg('Connections')}</th>
              <th scope="col">${msg('Ports')}</th>
              ${bytes ? html`<th scope="col" class="num">${msg('Sent / received')}</th>` : nothing}
              <th scope="col">${msg('Connections over time')}</th>
            </tr>
          </thead>
          <tbody>${t.devices.map((d) => contained(() => this.#renderRow(d, t, bytes), (error) => html`<tr><td colspan=${columns} class="error-text">${msg(str`This device could not be shown: ${describeError(error)}`)}</td></tr>`))}</tbody>
        </table>
      </div>`;
  }

  #heading(): TemplateResult {
    return html`<div class="heading" part="heading" role="heading" aria-level=${this.headingLevel} id="traffic-heading">${msg('Traffic and beaconing')}</div>`;
  }

  override render() {
    const idle = !this.source.provider
      ? msg('No data provider configured.')
      : this.source.ownIp && !this.source.ownIp.ok
        ? ipProblemText(this.source.ownIp)
        : !this.#offered
          ? msg('This data source does not report the traffic per device.')
          : !this.source.ip
            ? msg('No IP address.')
            : msg('Loading traffic…');
    const body = this.#task.render({
      initial: () => html`<div class="state">${idle}</div>`,
      pending: () => html`<div class="loading" aria-busy="true"><span class="visually-hidden">${msg('Loading traffic…')}</span>${Array.from({ length: 4 }, () => html`<div class="skeleton-row">${skeletonLines([35, 80])}</div>`)}${slowNotice(this.#task as never, this)}</div>`,
      error: (error: unknown) => html`<div class="state error" role="alert"><span class="state-message">${describeError(error)}</span>
        ${isRetryable(error) ? html`<button type="button" class="button" @click=${() => this.#task.run()}>${msg('Retry')}</button>` : nothing}</div>`,
      complete: (t: Traffic) => html`<div class="top">${this.#renderMethod(t)}<span class="spacer"></span>${exportStatus(this.#export, this.locale)}
          ${exportMenu({ id: 'traffic', open: this.exportOpen, total: t.devices.length, noun: 'devices', busy: !!this.#export.progress, locale: this.locale,
            onToggleOpen: () => (this.exportOpen = !this.exportOpen),
            onExport: (format) => {
              this.exportOpen = false;
              void this.#export.download(format);
            } })}</div>${this.#renderTable(t)}`,
    });
    return html`<section part="base" class="traffic list-frame" aria-labelledby="traffic-heading" aria-busy=${this.#task.status === TaskStatus.PENDING ? 'true' : 'false'}>
      ${this.#heading()}
      ${body}
    </section>`;
  }
}
