/**
 * The alerts list's query as the analyst edits it: filters (value menus and the chips of active
 * filters), search (after a pause, at once on Enter), sort (a second click reverses), which
 * toolbar menu is open, and `ip-filter-change` for every change the user makes. The values live
 * on the element (`filter`, `search`, `sort`: its public API); this controller changes them.
 */
import { html, type nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { AlertItem } from '../../data/model.js';
import type { AlertFilter, AlertFilterField, AlertSortField, Sort } from '../../data/provider.js';
import { IpFilterChangeEvent } from '../../events/events.js';
import { filterMenu } from '../shared/filter-menu.js';
import { SearchFieldController } from '../shared/search-field.js';
import { activeFilters, FILTER_MENUS, menuOptions, type FilterMenu } from './toolbar.js';
import { dateRangeMenu } from './date-range-menu.js';
import { RovingToolbarController } from '../shared/roving-toolbar.js';
import { msg, str } from '../shared/l10n.js';

/** Text columns sort A→Z first; times, severity and status most-important-first. */
const DESC_FIRST = new Set<AlertSortField>(['severity', 'status', 'classification', 'firstActivity', 'lastActivity']);

export interface QueryHost extends ReactiveControllerHost, HTMLElement {
  filter: AlertFilter;
  search: string;
  sort?: Sort<AlertSortField>;
}

export interface QueryControllerDeps {
  searchInput: () => HTMLInputElement | null | undefined;
  /** Loaded items near the view: where open filter menus find their values. */
  nearby: () => Iterable<AlertItem>;
}

export class QueryController implements ReactiveController {
  readonly #host: QueryHost;
  readonly #deps: QueryControllerDeps;
  readonly #search: SearchFieldController;
  #menu?: string;
  /** Whether the less common filters (behind "More filters") are shown. */
  #more = false;
  /** The filter buttons and the list tools are two WAI-ARIA toolbars: one Tab stop each. */
  readonly #filterBar: RovingToolbarController;
  readonly #toolsBar: RovingToolbarController;

  constructor(host: QueryHost, deps: QueryControllerDeps) {
    this.#host = host;
    this.#deps = deps;
    this.#search = new SearchFieldController(host, (value) => {
      host.search = value;
      this.#changed();
    });
    const root = () => host.shadowRoot;
    this.#filterBar = new RovingToolbarController(host, () => root()?.querySelector('.filters'), ':scope > .menu-wrap > button[aria-expanded], :scope > .more-filters');
    this.#toolsBar = new RovingToolbarController(host, () => root()?.querySelector('.toolbar > .tools'), ':scope > .menu-wrap > button[aria-expanded]');
    host.addController(this);
  }

  /** A menu left open does not stay open for when the list is back. */
  hostDisconnected(): void {
    this.#menu = undefined;
  }

  /** Bind to the list tools' container (Columns, Export). */
  get toolsKeys(): Pick<RovingToolbarController, 'onKeydown' | 'onFocusin'> {
    return this.#toolsBar;
  }

  /** The open toolbar menu: a filter field, `columns` or `export`. */
  get menu(): string | undefined {
    return this.#menu;
  }

  set menu(menu: string | undefined) {
    this.#menu = menu;
    this.#host.requestUpdate();
  }

  toggleMenu(menu: string): void {
    this.menu = this.#menu === menu ? undefined : menu;
  }

  #changed() {
    const h = this.#host;
    h.dispatchEvent(new IpFilterChangeEvent({ filter: h.filter, search: h.search, sort: h.sort }));
  }

  setFilterValue(field: AlertFilterField, value: string | null, on: boolean): void {
    const current = this.#host.filter[field] ?? [];
    const next = on ? [...new Set([...current, value])] : current.filter((v) => v !== value);
    const filter: AlertFilter = { ...this.#host.filter, [field]: next };
    if (!next.length) delete filter[field];
    this.#host.filter = filter;
    this.#changed();
  }

  /** Set (or clear) a time field's interval, and close its menu. */
  #setInterval(field: AlertFilterField, interval: string | undefined): void {
    const filter: AlertFilter = { ...this.#host.filter };
    if (interval) filter[field] = [interval];
    else delete filter[field];
    this.#host.filter = filter;
    this.#menu = undefined;
    this.#changed();
  }

  clearSearch(): void {
    this.#search.cancel();
    this.#host.search = '';
    const input = this.#deps.searchInput();
    if (input) input.value = '';
  }

  clearAll(): void {
    this.clearSearch();
    this.#host.filter = {};
    this.#changed();
  }

  /** Sort by a column: a second click reverses the direction. */
  sortBy(field: AlertSortField, direction?: 'asc' | 'desc'): void {
    const current = this.#host.sort ?? { field: 'lastActivity', direction: 'desc' };
    const dir = direction ?? (current.field === field ? (current.direction === 'asc' ? 'desc' : 'asc') : DESC_FIRST.has(field) ? 'desc' : 'asc');
    this.#host.sort = { field, direction: dir };
    this.#changed();
  }

  /** In the toolbar: `/` searches, Escape closes an open menu. */
  readonly onToolbarKeydown = (e: KeyboardEvent): void => {
    const target = e.composedPath()[0] as HTMLElement;
    if (e.key === '/' && !target.closest?.('input, textarea, select')) {
      e.preventDefault();
      this.#deps.searchInput()?.focus();
    } else if (e.key === 'Escape' && this.#menu) {
      this.menu = undefined;
    }
  };

  /** The search box and the filter menus. */
  renderSearchAndFilters(): TemplateResult {
    const h = this.#host;
    // A filter behind "More filters" stays in view while it has values chosen.
    const menus = FILTER_MENUS.filter((m) => !m.more || this.#more || h.filter[m.field]?.length);
    const hidden = FILTER_MENUS.filter((m) => m.more).length - menus.filter((m) => m.more).length;
    return html`${this.#search.render({ id: 'search', label: msg('Search incidents and alerts'), placeholder: msg('Search title, description, assets (/)'), value: h.search })}
      <div class="filters" role="toolbar" aria-label=${msg('Filters')} @keydown=${this.#filterBar.onKeydown} @focusin=${this.#filterBar.onFocusin}>${menus.map((m) => this.#renderMenu(m))}
        <button type="button" class="button subtle more-filters" aria-expanded=${this.#more ? 'true' : 'false'} @click=${this.#toggleMore}>
          ${this.#more ? msg('Fewer filters') : msg(str`More filters (${hidden})`)}
        </button>
      </div>`;
  }

  readonly #toggleMore = (): void => {
    this.#more = !this.#more;
    if (!this.#more && this.#menu && FILTER_MENUS.some((m) => m.more && m.field === this.#menu)) this.#menu = undefined;
    this.#host.requestUpdate();
  };

  #renderMenu(menu: FilterMenu): TemplateResult {
    const open = this.#menu === menu.field;
    const selected = this.#host.filter[menu.field] ?? [];
    if (menu.dates) {
      return dateRangeMenu({
        id: menu.field,
        label: menu.label,
        value: selected[0] ?? undefined,
        open,
        onToggleOpen: () => this.toggleMenu(menu.field),
        onApply: (from, to) => this.#setInterval(menu.field, `${from}..${to}`),
        onClear: () => this.#setInterval(menu.field, undefined),
      });
    }
    return filterMenu<string | null>({
      id: menu.field,
      label: menu.label,
      options: open ? menuOptions(menu, selected, this.#deps.nearby()) : [],
      selected,
      open,
      onToggleOpen: () => this.toggleMenu(menu.field),
      onChange: (value, checked) => this.setFilterValue(menu.field, value, checked),
      emptyText: msg('Values appear as rows load.'),
    });
  }

  /** The chips of the active filters and search. */
  renderActive(): TemplateResult | typeof nothing {
    return activeFilters({
      filter: this.#host.filter,
      search: this.#host.search,
      onRemove: (field, value) => this.setFilterValue(field, value, false),
      onClearSearch: () => {
        this.clearSearch();
        this.#changed();
      },
      onClearAll: () => this.clearAll(),
    });
  }
}
