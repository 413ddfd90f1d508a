import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ipProblemText } from '../shared/ip-problem.js';
import { property, query, state } from 'lit/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { virtualize, virtualizerRef, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import { nearFlow } from '../shared/near-flow.js';
import { tokens } from '../shared/tokens.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { filterMenu } from '../shared/filter-menu.js';
import { filterMenuStyles } from '../shared/filter-menu.styles.js';
import { observedDevicesStyles } from './observed-devices.styles.js';
import { listFrameStyles } from '../shared/list-frame.styles.js';
import { classToken, contained, dateTime, entityLink, orMissing, partialMark, severityBadge, showsLoading, shown, skeletonLines, slowNotice, timeAgo, truncated, unreadableRow } from '../shared/ui.js';
import { alertIcon, deviceIcon } from '../shared/list-icons.js';
import { SearchFieldController } from '../shared/search-field.js';
import { searchFieldStyles } from '../shared/search-field.styles.js';
import { isRetryable } from '../../data/errors.js';
import { describeError } from '../shared/error-text.js';
import type { AlertItem, DeviceEvent, ObservedDevice } from '../../data/model.js';
import type { Page } from '../../data/provider.js';
import { formatDateTime, formatNumber, isOne, splitWords } from '../../lib/format.js';
import { huntingQuery } from '../../lib/hunting.js';
import { listKeyTarget } from '../shared/list-keys.js';
import { IpSectionElement } from '../base/section-element.js';
import { DeviceTimelines, type Entry } from './device-timelines.js';
import '../external-url/ip-external-url.js';
import { revealControls } from '../../lib/text.js';
import { describeRange } from '../shared/range-text.js';
import { exportMenu, exportStatus, ipExportName, ListExportController } from '../shared/list-export.js';
import { exportStyles } from '../shared/list-export.styles.js';
import type { ExportFormat } from '../shared/export.js';
import { DEVICE_EXPORT_FIELDS, devicePages } from './device-export.js';
import { CopyControls } from '../copy-button/copy-controls.js';
import { copyButtonStyles } from '../copy-button/copy-button.styles.js';
import { msg, str } from '../shared/l10n.js';
import { labelFor, SEVERITY_LABELS } from '../shared/labels.js';

/** Risk and exposure levels the styles colour; others show neutral. */
const LEVELS = ['high', 'medium', 'low'];

/** Defender lists at most this many devices; the total still says how many there are. */
export const DEVICE_LIMIT = 100;

const ACTION_TYPES = [
  'ConnectionSuccess',
  'ConnectionFailed',
  'ConnectionAttempt',
  'ConnectionRequest',
  'InboundConnectionAccepted',
  'ListeningConnectionCreated',
  'DnsQueryResponse',
  'HttpConnectionInspected',
  'SslConnectionInspected',
] as const;
const directions = () => [
  ['outbound', msg('Outbound')],
  ['inbound', msg('Inbound')],
] as const;
/** A device's risk or exposure level in words (Defender's `riskScore`/`exposureLevel` values). */
const levelLabel = (level: string) => (level === 'none' ? msg('None') : labelFor(SEVERITY_LABELS, level));

/**
 * The devices in the organization that communicated with the IP, most recent first, with the
 * last event's details: when, what (ConnectionSuccess, DnsQuery …), which direction and ports,
 * which process (file, command line, SHA-256) and account, and the file it brought in. At most
 * 100 devices are listed, as in Defender, with a link to hunt for all of them. Expand a device for
 * its timeline: its events with the IP and the alerts raised on it that involve the IP, by time,
 * each alert linking to it (fetched on expand, aborted on collapse). Search by device, process,
 * file, user (in every event where the provider can) or the day last observed (`2026-11-20`,
 * with text too); export every matching device as CSV or JSON.
 *
 * Keyboard (tree grid): Up/Down move between rows, Right or Enter/Space expands, Left collapses
 * (or goes back to the device), Home/End; Tab reaches the focused row's links and copy buttons;
 * `/` searches.
 *
 * @tag ip-observed-devices
 * @fires ip-navigate - A device (`target: 'device'`, `id`) or the hunting link (`target: 'hunting'`, `query`, `language`) was activated. Cancelable.
 * @fires ip-error - Loading failed; `detail: { section: 'devices' | 'device-events', ip, error, message }`.
 * @fires ip-copy - A value was copied.
 * @csspart base - The wrapper.
 * @csspart toolbar - Search and filters.
 * @csspart cap - The "showing 100 of N" line.
 * @csspart incomplete - Says what the data source left out of the list (an answer given in part).
 * @csspart list - The scrolling list (tree grid).
 * @csspart device - Each device row.
 * @csspart event - Each event row of an expanded device.
 * @csspart timeline-alert - Each alert row of an expanded device's timeline.
 * @cssprop --ip-observed-devices-height - Height of the element (default 640px).
 * @cssprop --ip-font-mono - Font of hashes and command lines.
 */
export class IpObservedDevices extends IpSectionElement {
  static override styles = [tokens, sharedStyles, filterMenuStyles, searchFieldStyles, exportStyles, listFrameStyles, copyButtonStyles, observedDevicesStyles];

  readonly #task = this.lifecycle.track(new Task(this, {
    task: async ([provider, ip, range, search, actionType, direction], { signal }): Promise<Page<ObservedDevice>> => {
      if (!provider || !ip) return initialState as never;
      return provider.listObservedDevices(ip.canonical, { range: range.range, search: search || undefined, actionType, direction, offset: 0, limit: DEVICE_LIMIT }, { signal });
    },
    args: () => [this.source.provider, this.source.ip, this.source.range, this.appliedSearch, this.actionTypes, this.directions] as const,
    onError: (error) => this.reportError('devices', error),
    onComplete: () => (this.#shownFor = this.#scopeKey()),
  }));
  /** The IP and range of the list on screen: a new search keeps it (dimmed) until the answer. */
  #shownFor?: string;

  #scopeKey(): string {
    return `${this.source.provider ? 'p' : ''}|${this.source.ip?.canonical}|${this.source.range.range.from.getTime()}`;
  }

  readonly #export = new ListExportController<ObservedDevice>(this, {
    fields: () => DEVICE_EXPORT_FIELDS,
    batches: (signal) => devicePages(this.source.provider!, this.source.ip!.canonical, this.#query(), signal),
    fileName: (format) => ipExportName('devices', this.source.ip?.canonical, format),
    total: () => this.#task.value?.total,
  });

  #query() {
    return { range: this.source.timeRange, search: this.appliedSearch || undefined, actionType: this.actionTypes, direction: this.directions };
  }

  readonly #copyControls = new CopyControls(this);
  readonly #timelines = new DeviceTimelines(this, {
    provider: () => this.source.provider,
    ip: () => this.source.ip?.canonical,
    range: () => this.source.timeRange,
    canExpand: () => this.#canExpand,
    onError: (error) => this.reportError('device-events', error),
  });
  readonly #searchField = new SearchFieldController(this, (value) => (this.search = value));
  #focusAfterRender = false;
  #expansionKey = '';

  @query('.list') private listEl?: HTMLElement & VirtualizerHostElement;
  @query('#search') private searchInput?: HTMLInputElement;
  @state() private active = 0;
  @state() private openMenu?: string;
  @state() private appliedSearch = '';

  /** Search: device name, file, process, user or a date (`2026-11-20`). */
  @property({ type: String }) search = '';
  /** Only devices whose last event has one of these action types. */
  @property({ attribute: false }) actionTypes: string[] = [];
  /** Only devices whose last event went in one of these directions (`outbound`, `inbound`). */
  @property({ attribute: false }) directions: string[] = [];

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('search') && this.search !== this.appliedSearch) this.appliedSearch = this.search;
    // A new IP, range or query makes the expanded timelines stale.
    const key = `${this.source.ip?.canonical}|${this.source.range.range.from.getTime()}|${this.appliedSearch}|${this.actionTypes}|${this.directions}`;
    if (key !== this.#expansionKey) {
      this.#expansionKey = key;
      this.#timelines.collapseAll();
      this.active = 0;
    }
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#focusAfterRender) {
      this.#focusAfterRender = false;
      this.#focusActive();
    }
  }

  /** Every device matching the list's search and filters (not only those shown), as CSV or JSON text. */
  exportData(format: ExportFormat, signal?: AbortSignal): Promise<string> {
    return this.#export.text(format, signal);
  }

  /** Reload the list. */
  refresh(): void {
    this.source.forget('listObservedDevices', 'listDeviceEvents');
    void this.#task.run();
  }

  // ---- expansion ----------------------------------------------------------------------------

  protected override get needsCapabilities(): boolean {
    return true;
  }

  /** Whether a device can show its timeline: the method exists and the backend does not say no. */
  get #canExpand(): boolean {
    return typeof this.source.provider?.listDeviceEvents === 'function' && this.capabilities?.deviceEvents !== false;
  }

  /** Expand or collapse a device's timeline. Collapsing aborts its request. */
  toggleDevice(id: string, open?: boolean): void {
    this.#timelines.toggle(id, open);
  }

  // ---- search and filters -------------------------------------------------------------------

  #toggleValue(list: 'actionTypes' | 'directions', value: string, on: boolean) {
    const current = this[list];
    this[list] = on ? [...new Set([...current, value])] : current.filter((v) => v !== value);
  }

  #clearFilters() {
    this.#searchField.cancel();
    this.search = '';
    this.actionTypes = [];
    this.directions = [];
    if (this.searchInput) this.searchInput.value = '';
  }

  // ---- keyboard -----------------------------------------------------------------------------

  #focusActive() {
    const row = this.renderRoot.querySelector<HTMLElement>(`[data-index="${this.active}"]`);
    row?.focus({ preventScroll: true });
  }

  #moveTo(index: number, count: number) {
    const next = Math.max(0, Math.min(count - 1, index));
    this.active = next;
    const host = this.listEl as (HTMLElement & { [virtualizerRef]?: { element(i: number): { scrollIntoView(o?: ScrollIntoViewOptions): void } | undefined } }) | undefined;
    host?.[virtualizerRef]?.element(next)?.scrollIntoView({ block: 'nearest' });
    this.#focusAfterRender = true;
  }

  #onListKeydown(e: KeyboardEvent, entries: Entry[]) {
    const target = e.composedPath()[0] as HTMLElement;
    if (target.closest?.('input, select, textarea')) return;
    const entry = entries[this.active];
    let handled = true;
    const moveTo = listKeyTarget(e.key, this.active, entries.length);
    switch (moveTo === undefined ? e.key : 'move') {
      case 'move':
        this.#moveTo(moveTo!, entries.length);
        break;
      case 'ArrowRight':
        if (entry?.type === 'device' && !entry.device.unreadable) this.toggleDevice(entry.device.id, true);
        break;
      case 'ArrowLeft':
        if (entry?.type === 'device') this.toggleDevice(entry.device.id, false);
        else if (entry) this.#moveTo(entries.findIndex((x) => x.type === 'device' && x.device.id === entry.device.id), entries.length);
        break;
      case 'Enter':
      case ' ':
        // Enter on the device link follows the link; elsewhere in a device row it toggles.
        if (target.closest?.('a, button')) {
          handled = false;
          break;
        }
        if (entry?.type === 'device' && !entry.device.unreadable) this.toggleDevice(entry.device.id);
        break;
      case '/':
        this.searchInput?.focus();
        break;
      default:
        handled = false;
    }
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  }

  // ---- rendering ----------------------------------------------------------------------------

  #renderToolbar(): TemplateResult {
    return html`<div class="toolbar" part="toolbar">
      ${this.#searchField.render({ id: 'search', label: msg('Search devices, files, processes, users or a date'), placeholder: msg('Search device, file, process, user or date (2026-11-20)'), value: this.search })}
      ${filterMenu<string>({
        id: 'action',
        label: msg('Action type'),
        options: ACTION_TYPES.map((a) => [a, splitWords(a)] as const),
        selected: this.actionTypes,
        open: this.openMenu === 'action',
        onToggleOpen: () => (this.openMenu = this.openMenu === 'action' ? undefined : 'action'),
        onChange: (v, on) => this.#toggleValue('actionTypes', v, on),
      })}
      ${filterMenu<string>({
        id: 'direction',
        label: msg('Direction'),
        options: directions(),
        selected: this.directions,
        open: this.openMenu === 'direction',
        onToggleOpen: () => (this.openMenu = this.openMenu === 'direction' ? undefined : 'direction'),
        onChange: (v, on) => this.#toggleValue('directions', v, on),
      })}
      ${this.search || this.actionTypes.length || this.directions.length
        ? html`<button type="button" class="button subtle" @click=${() => this.#clearFilters()}>${msg('Clear filters')}</button>`
        : nothing}
      ${exportStatus(this.#export, this.locale)}
      ${exportMenu({ id: 'devices', open: this.openMenu === 'export', total: this.#task.status === TaskStatus.COMPLETE ? this.#task.value?.total : undefined, noun: 'devices', busy: !!this.#export.progress, locale: this.locale,
        onToggleOpen: () => (this.openMenu = this.openMenu === 'export' ? undefined : 'export'),
        onExport: (format) => {
          this.openMenu = undefined;
          void this.#export.download(format);
        } })}
    </div>`;
  }

  #renderCap(page: Page<ObservedDevice>): TemplateResult {
    const cap = this.#renderCount(page);
    // What the data source left out (an answer given in part) is said next to the count.
    return page.incomplete ? html`${cap}<p class="cap incomplete" part="incomplete" role="status">⚠ ${shown(page.incomplete)}</p>` : cap;
  }

  #renderCount(page: Page<ObservedDevice>): TemplateResult {
    const locale = this.locale;
    const shown = page.items.length;
    const total = page.total;
    if (total <= shown) {
      return html`<p class="cap" part="cap" role="status">${isOne(total, locale) ? msg(str`${formatNumber(total, locale)} device, most recent first`) : msg(str`${formatNumber(total, locale)} devices, most recent first`)}</p>`;
    }
    const ip = this.source.ip!.canonical;
    const range = this.source.timeRange;
    const provider = this.source.provider;
    const query = provider?.huntingQuery?.(ip, range, 'kql-defender') ?? huntingQuery(ip, range, 'kql-defender', 'devices');
    return html`<p class="cap" part="cap" role="status">
      ${msg(str`Showing the ${formatNumber(shown, locale)} most recent of ${formatNumber(total, locale)} devices.`)}
      ${entityLink(this, msg('See all of them in advanced hunting'), { target: 'hunting', ip, query, language: 'kql-defender' }, provider?.links?.hunting?.(query, 'kql-defender'))}
    </p>`;
  }

  /** A copy button (drawn here, not an element each: four a row); `key` is unique in the list. */
  #copy(value: string | undefined, label: string, tabbable: boolean, key: string) {
    return value ? this.#copyControls.render(value, { label, key, tabIndex: tabbable ? 0 : -1 }) : nothing;
  }

  #renderEventDetails(ev: DeviceEvent, tabbable: boolean, key: string): TemplateResult {
    const proc = ev.initiatingProcess;
    const account = proc?.accountName ? (proc.accountDomain ? `${proc.accountDomain}\\${proc.accountName}` : proc.accountName) : undefined;
    const arrow = ev.direction === 'inbound' ? '←' : ev.direction === 'outbound' ? '→' : '↔';
    return html`
      <span class="fact"><span class="label">${msg('Action')}</span> <strong>${shown(splitWords(ev.actionType))}</strong></span>
      <span class="fact"><span class="label">${msg('Direction')}</span> ${shown(ev.direction === 'inbound' ? msg('Inbound') : ev.direction === 'outbound' ? msg('Outbound') : splitWords(ev.direction))}</span>
      <span class="fact mono" title=${msg(str`Local port ${arrow} remote port`)}>${ev.localPort ?? '?'} ${arrow} ${ev.remotePort ?? '?'}${ev.protocol ? html` <span class="muted">${shown(ev.protocol)}</span>` : nothing}</span>
      ${ev.remoteUrl
        ? html`<span class="fact clip"><span class="label">${msg('Remote')}</span> <ip-external-url .url=${ev.remoteUrl} tabindex=${tabbable ? '0' : '-1'}></ip-external-url></span>`
        : nothing}
      ${proc
        ? html`<span class="fact"><span class="label">${msg('Process')}</span> <span class="mono">${shown(proc.fileName)}</span></span>
            ${proc.commandLine ? html`<span class="fact clip wide"><span class="label">${msg('Command line')}</span> ${truncated(proc.commandLine, { mono: true })}${this.#copy(proc.commandLine, msg('Copy command line'), tabbable, `${key} command line`)}</span>` : nothing}
            ${proc.sha256 ? html`<span class="fact clip"><span class="label">${msg('SHA-256')}</span> ${truncated(proc.sha256, { mono: true })}${this.#copy(proc.sha256, msg('Copy SHA-256'), tabbable, `${key} process hash`)}</span>` : nothing}`
        : nothing}
      ${account ? html`<span class="fact"><span class="label">${msg('Account')}</span> ${shown(account)}</span>` : nothing}
      ${ev.file
        ? html`<span class="fact clip"><span class="label">${msg('File')}</span> <span class="truncate" title=${revealControls(ev.file.path ?? ev.file.name)}>${shown(ev.file.name)}</span>${ev.file.sha256 ? this.#copy(ev.file.sha256, msg(str`Copy SHA-256 of ${ev.file.name}`), tabbable, `${key} file hash`) : nothing}</span>`
        : nothing}
    `;
  }

  #renderDevice(device: ObservedDevice, key: string, index: number, count: number): TemplateResult {
    const locale = this.locale;
    const expanded = this.#timelines.isOpen(device.id);
    const active = index === Math.min(this.active, count - 1);
    // A device that could not be read keeps its place, saying why; it has no timeline to open.
    if (device.unreadable) {
      return html`<div class="row device unreadable-row" part="device" role="row" aria-level="1" aria-rowindex=${index + 2} aria-setsize=${count}
        data-index=${index} tabindex=${active ? '0' : '-1'} @click=${() => (this.active = index)}>
        <div class="cell main wide" role="gridcell">${unreadableRow(device.unreadable, active)}</div>
      </div>`;
    }
    const ip = this.source.ip?.canonical;
    const links = this.source.provider?.links;
    const ev = device.lastEvent;
    return html`<div class="row device ${expanded ? 'expanded' : ''}" part="device" role="row" aria-level="1" aria-rowindex=${index + 2} aria-setsize=${count}
      aria-expanded=${this.#canExpand ? (expanded ? 'true' : 'false') : nothing} data-index=${index} tabindex=${active ? '0' : '-1'}
      @click=${(e: MouseEvent) => {
        this.active = index;
        if (!(e.composedPath()[0] as HTMLElement).closest?.('a, button, .copy')) this.toggleDevice(device.id);
      }}>
      <div class="cell main" role="gridcell">
        <span class="expander" aria-hidden="true">${this.#canExpand ? (expanded ? '▾' : '▸') : ''}</span>
        <span class="device-icon" aria-hidden="true">${deviceIcon}</span>
        <span class="name">
          ${partialMark(device.partial)}${entityLink(this, html`<span class="truncate">${shown(device.name)}</span>`, { target: 'device', id: device.id, ip }, links?.device?.(device.id), { title: device.name, tabIndex: active ? 0 : -1 })}
          ${this.#copy(device.name, msg(str`Copy ${device.name}`), active, `${key} name`)}
        </span>
        <span class="os muted">${orMissing([device.osPlatform, device.osVersion].filter(Boolean).join(' '))}</span>
        ${device.riskScore ? html`<span class="badge ${classToken('risk', device.riskScore, LEVELS)}" title=${msg('Device risk')}>${msg(str`Risk: ${revealControls(levelLabel(device.riskScore))}`)}</span>` : nothing}
        ${device.exposureLevel ? html`<span class="badge ${classToken('exposure', device.exposureLevel, LEVELS)}" title=${msg('Exposure level')}>${msg(str`Exposure: ${revealControls(levelLabel(device.exposureLevel))}`)}</span>` : nothing}
      </div>
      <div class="cell seen" role="gridcell">
        <span><span class="label">${msg('First seen')}</span> ${timeAgo(device.firstSeen, locale)}</span>
        <span><span class="label">${msg('Last seen')}</span> ${timeAgo(device.lastSeen, locale)}</span>
        <span><span class="label">${msg('Connections')}</span> ${formatNumber(device.connectionCount, locale)}</span>
      </div>
      <div class="cell last" role="gridcell">
        ${ev.unreadable
          ? unreadableRow(ev.unreadable, active)
          : html`<span class="fact"><span class="label">${msg('Last event')}</span> ${dateTime(ev.timestamp, locale)}</span>${partialMark(ev.partial)}
              ${this.#renderEventDetails(ev, active, key)}`}
      </div>
    </div>`;
  }

  #renderEntry(entry: Entry, index: number, count: number): TemplateResult {
    if (entry.type === 'device') return this.#renderDevice(entry.device, entry.key, index, count);
    const active = index === Math.min(this.active, count - 1);
    if (entry.type === 'status') {
      const message =
        entry.state === 'loading'
          ? html`<span class="visually-hidden">${msg(str`Loading the timeline of ${revealControls(entry.device.name)}…`)}</span>${skeletonLines([70])}`
          : entry.state === 'empty'
            ? html`<span class="muted">${msg(str`No events of ${revealControls(entry.device.name)} with this IP ${describeRange(this.source.timeRange, this.source.range.key)}.`)}</span>`
            : html`<span class="error-text">${entry.state === 'alerts-error' ? msg(str`The alerts of this device could not be loaded: ${describeError(entry.error)}`) : describeError(entry.error)}</span>
                <button type="button" class="link" @click=${() => this.#timelines.retry(entry.device.id)}>${msg('Retry')}</button>`;
      return html`<div class="row status" role="row" aria-level="2" aria-rowindex=${index + 2} data-index=${index} tabindex=${active ? '0' : '-1'}
        aria-busy=${entry.state === 'loading' ? 'true' : 'false'}><div class="cell" role="gridcell">${message}</div></div>`;
    }
    if (entry.type === 'alert') return this.#renderAlert(entry.alert, entry.position, entry.count, index, active);
    const ev = entry.event;
    return html`<div class="row event ${ev.unreadable ? 'unreadable-row' : ''}" part="event" role="row" aria-level="2" aria-posinset=${entry.position} aria-setsize=${entry.count} aria-rowindex=${index + 2}
      data-index=${index} tabindex=${active ? '0' : '-1'} @click=${() => (this.active = index)}>
      <div class="cell" role="gridcell">
        ${ev.unreadable
          ? unreadableRow(ev.unreadable, active)
          : html`<span class="fact mono when" title=${ev.timestamp}>${formatDateTime(ev.timestamp, this.locale)}</span>${partialMark(ev.partial)}
              ${this.#renderEventDetails(ev, active, entry.key)}`}
      </div>
    </div>`;
  }

  /** An alert in a device's timeline: when it started, its severity and title, linking to the alert. */
  #renderAlert(alert: AlertItem, position: number, count: number, index: number, active: boolean): TemplateResult {
    const href = this.source.provider?.links?.alert?.(alert.id);
    return html`<div class="row event alert" part="timeline-alert" role="row" aria-level="2" aria-posinset=${position} aria-setsize=${count} aria-rowindex=${index + 2}
      data-index=${index} tabindex=${active ? '0' : '-1'} @click=${() => (this.active = index)}>
      <div class="cell" role="gridcell">
        <span class="fact mono when" title=${alert.firstActivity}>${formatDateTime(alert.firstActivity, this.locale)}</span>
        <span class="fact alert-kind"><span class="kind-icon" aria-hidden="true">${alertIcon}</span>${msg('Alert')}</span>
        ${severityBadge(alert.severity)}
        <span class="fact clip wide">${entityLink(this, html`<span class="truncate">${shown(alert.title)}</span>`, { target: 'alert', id: alert.id, ip: this.source.ip?.canonical }, href, { title: alert.title, tabIndex: active ? 0 : -1 })}</span>
      </div>
    </div>`;
  }

  #renderList(page: Page<ObservedDevice>): TemplateResult {
    if (page.items.length === 0) {
      const filtered = Boolean(this.appliedSearch || this.actionTypes.length || this.directions.length);
      return filtered
        ? html`<div class="state">${msg('No device matches these filters.')} <button type="button" class="button" @click=${() => this.#clearFilters()}>${msg('Clear filters')}</button></div>`
        : html`<div class="state">${msg(str`No device in your organization communicated with this IP ${describeRange(this.source.timeRange, this.source.range.key)}.`)}</div>`;
    }
    const entries = this.#timelines.entries(page.items);
    const count = entries.length;
    return html`
      ${this.#renderCap(page)}
      <div class="header" role="presentation" aria-hidden="true"><span>${msg('Device')}</span><span>${msg('Seen')}</span><span>${msg('Last event')}</span></div>
      <div class="list" part="list" role="treegrid" aria-label=${msg('Devices that communicated with the IP')} aria-rowcount=${count + 1}
        @keydown=${(e: KeyboardEvent) => this.#onListKeydown(e, entries)}>
        ${virtualize({
          items: entries,
          keyFunction: (e: Entry) => e.key,
          renderItem: (e: Entry, i: number) =>
            contained(
              () => this.#renderEntry(e, i, count),
              (error) => html`<div class="row" role="row" aria-level=${e.type === 'device' ? 1 : 2} data-index=${i}>
                <div role="gridcell" class="error-text">${msg(str`This entry could not be shown: ${describeError(error)}`)}</div>
              </div>`,
            ),
          scroller: true,
          layout: nearFlow({}, { paintFirst: true }),
        })}
      </div>
    `;
  }

  override render() {
    // An answer due within the frame builds the list at once, with no loading state before it.
    const held = !showsLoading(this.#task as never, this);
    const body = held ? (this.#task.value ? this.#renderList(this.#task.value) : nothing) : this.#task.render({
      initial: () => html`<div class="state">${this.source.provider ? (this.source.ownIp && !this.source.ownIp.ok ? ipProblemText(this.source.ownIp) : msg('No IP address.')) : msg('No data provider configured.')}</div>`,
      pending: () =>
        this.#task.value && this.#shownFor === this.#scopeKey()
          ? html`<div class="stale"><p class="visually-hidden" role="status">${msg('Updating the devices…')}</p>${this.#renderList(this.#task.value)}</div>`
          : html`<div class="loading" aria-busy="true"><span class="visually-hidden">${msg('Loading devices…')}</span>${Array.from({ length: 6 }, () => html`<div class="skeleton-row">${skeletonLines([35, 80])}</div>`)}${slowNotice(this.#task as never, this)}</div>`,
      error: (error: unknown) => html`<div class="state error" role="alert"><span class="state-message">${describeError(error)}</span>
        ${isRetryable(error) ? html`<button type="button" class="button" @click=${() => this.#task.run()}>${msg('Retry')}</button>` : nothing}</div>`,
      complete: (page: Page<ObservedDevice>) => this.#renderList(page),
    });
    return html`<div part="base" class="devices list-frame" aria-busy=${this.#task.status === TaskStatus.PENDING ? 'true' : 'false'}>
      ${this.#renderToolbar()}
      ${body}
    </div>${this.#copyControls.status()}`;
  }
}
