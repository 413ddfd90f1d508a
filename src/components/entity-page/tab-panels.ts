/**
 * The page's tabs and their panels (WAI-ARIA tabs): which tabs exist, the tab bar with its arrow
 * keys, the panels and the element each holds. A tab's element code loads on its first visit (a failed load says so,
 * with Retry); a visited panel stays alive, inert and undrawn, when another is selected, so what
 * the analyst set there is kept. A panel never visited fetches nothing, the overview included
 * (some backends count every query against a quota); a printout has the overview once it was opened.
 */
import { msg, str } from '../shared/l10n.js';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { IpTab } from '../../events/events.js';
import { guard } from 'lit/directives/guard.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { AlertFilter } from '../../data/provider.js';
import type { AlertColumn } from '../alerts-list/columns.js';

export interface TabDef {
  id: IpTab;
  label: string;
}

/** The labels are getters: read in the language in force when the page renders. */
export const TABS: readonly TabDef[] = [
  {
    id: 'overview',
    get label() {
      return msg('Overview');
    },
  },
  {
    id: 'alerts',
    get label() {
      return msg('Incidents and alerts');
    },
  },
  {
    id: 'devices',
    get label() {
      return msg('Observed in organization');
    },
  },
  {
    id: 'accounts',
    get label() {
      return msg('Accounts');
    },
  },
  {
    id: 'intel',
    get label() {
      return msg('Threat intelligence');
    },
  },
  {
    id: 'sentinel',
    get label() {
      return msg('Sentinel events');
    },
  },
];
export const TAB_IDS = new Set<string>(TABS.map((t) => t.id));

/**
 * Tabs other than the overview load their element's code on first visit: the page paints
 * without it (the overview is what an analyst sees first), and a tab never opened costs nothing.
 */
const TAB_MODULES: Partial<Record<IpTab, () => Promise<unknown>>> = {
  alerts: () => import('../alerts-list/ip-alerts-list.js'),
  // The traffic view below the devices list loads a moment after the list (it asks only when
  // scrolled to anyway): the list the analyst opened the tab for draws first.
  devices: () => import('../observed-devices/ip-observed-devices.js').then(() => void setTimeout(() => import('../traffic/ip-traffic.js').catch(() => {}), 99)),
  accounts: () => import('../accounts/ip-accounts.js'),
  intel: () => import('../threat-intel/ip-threat-intel.js'),
  sentinel: () => import('../sentinel-events/ip-sentinel-events.js'),
};

/** What the page gives its tabs' elements. */
export interface PanelInputs {
  alertsFilter: AlertFilter;
  storageKey?: string;
  currentUser?: string;
  alertColumns?: readonly AlertColumn[];
}

/** A tab's element, with a "Loading…" that shows until its code has loaded and it renders itself (the panel is named by its tab). */
export function panelContent(tab: IpTab, o: PanelInputs): TemplateResult {
  const loading = html`<p class="tab-loading">${msg('Loading…')}</p>`;
  switch (tab) {
    case 'overview':
      return html`<ip-overview></ip-overview>`;
    case 'alerts':
      // The page's filter is set when the page changes it (a card click, a new IP); the analyst's
      // own changes stay with the list. Lit writes object bindings on every render, so the guard
      // directive writes it only when the page's value changes.
      return html`<ip-alerts-list .filter=${guard([o.alertsFilter], () => o.alertsFilter)} storage-key=${ifDefined(o.storageKey)} current-user=${ifDefined(o.currentUser)}
        .extraColumns=${o.alertColumns}
        >${loading}</ip-alerts-list
      >`;
    case 'devices':
      // The traffic view asks only when scrolled to (below the list).
      return html`<ip-observed-devices>${loading}</ip-observed-devices><ip-traffic class="traffic"></ip-traffic>`;
    case 'accounts':
      return html`<ip-accounts>${loading}</ip-accounts>`;
    case 'intel':
      return html`<ip-threat-intel>${loading}</ip-threat-intel>`;
    default:
      return html`<ip-sentinel-events>${loading}</ip-sentinel-events>`;
  }
}

export class TabPanelsController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #active: () => IpTab;
  readonly #visited = new Set<IpTab>();
  readonly #modules = new Map<IpTab, Promise<unknown>>();
  #loadError?: { tab: IpTab; message: string };

  /** `active`: the tab on screen, read before each render. */
  constructor(host: ReactiveControllerHost & HTMLElement, active: () => IpTab) {
    this.#host = host;
    this.#active = active;
    host.addController(this);
  }

  /** Before each render: the tab on screen is marked visited and its code loads. */
  hostUpdate(): void {
    const tab = this.#active();
    this.#visited.add(tab);
    this.#load(tab);
  }

  #load(tab: IpTab) {
    const load = TAB_MODULES[tab];
    if (!load || this.#modules.has(tab)) return;
    const loading = load().catch((error: unknown) => {
      this.#modules.delete(tab); // a failed chunk load can be retried
      this.#loadError = { tab, message: error instanceof Error ? error.message : String(error) };
      this.#host.requestUpdate();
    });
    this.#modules.set(tab, loading);
  }

  #retry(tab: IpTab) {
    this.#loadError = undefined;
    this.#load(tab);
    this.#host.requestUpdate();
  }

  readonly #onKeydown = (e: KeyboardEvent) => {
    const tabs = [...(e.currentTarget as HTMLElement).querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    const current = tabs.indexOf(e.target as HTMLButtonElement);
    if (current < 0) return;
    let next = -1;
    if (e.key === 'ArrowRight') next = (current + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') next = (current - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    if (next < 0) return;
    e.preventDefault();
    tabs[next]!.focus();
  };

  renderTabs(tabs: readonly TabDef[], active: IpTab, select: (tab: IpTab) => void): TemplateResult {
    return html`<div class="tabs" role="tablist" aria-label=${msg('IP address sections')} part="tabs" @keydown=${this.#onKeydown}>
      ${tabs.map(
        (t) => html`<button type="button" role="tab" part="tab" class="tab" id=${`tab-${t.id}`} aria-selected=${t.id === active ? 'true' : 'false'}
          aria-controls=${`panel-${t.id}`} tabindex=${t.id === active ? '0' : '-1'} @click=${() => select(t.id)}>${t.label}</button>`,
      )}
    </div>`;
  }

  /** A panel: nothing until first visited (so it fetches nothing), then its content, kept when hidden. */
  renderPanel(tab: TabDef, active: IpTab, content: (tab: IpTab) => TemplateResult): TemplateResult {
    const visible = tab.id === active;
    const visited = this.#visited.has(tab.id);
    return html`<div class="panel ${visible ? '' : 'inactive'}" role="tabpanel" part="panel" id=${`panel-${tab.id}`} aria-labelledby=${`tab-${tab.id}`} data-print-title=${tab.label}
      tabindex=${visible ? '0' : '-1'} ?inert=${!visible} ?hidden=${!visible && !visited}>
      ${visited ? this.#content(tab.id, content) : nothing}
    </div>`;
  }

  #content(tab: IpTab, content: (tab: IpTab) => TemplateResult): TemplateResult {
    const error = this.#loadError;
    if (error?.tab !== tab) return content(tab);
    return html`<div class="notice error" role="alert">${msg(str`This tab could not be loaded (${error.message}).`)}
      <button type="button" class="button" @click=${() => this.#retry(tab)}>${msg('Retry')}</button></div>`;
  }
}
