/**
 * The lists of `<ip-threat-intel>` (actors, articles, passive DNS, certificates, host pairs, trackers, components,
 * WHOIS history): each loads its first page on its own once the IP is known, "Show more" appends
 * the next, and one failing shows its error and Retry while the others work. A new IP starts them
 * over; leaving the page aborts what is in flight.
 */
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { IpDataProvider, Page } from '../../data/provider.js';
import type { ThreatIntelRelation, ThreatIntelRows } from '../../data/threat-intel.js';
import { formatDate } from '../../lib/format.js';
import { KeyedRequestsController } from '../shared/keyed-requests.js';
import { missing, shown, truncated } from '../shared/ui.js';
import { msg } from '../shared/l10n.js';
import { safeHref } from '../../lib/safe-url.js';

export const TI_PAGE = 10;

interface ListState {
  items: unknown[];
  total?: number;
  error?: unknown;
  loading: boolean;
}

interface Column<T> {
  label: string;
  cell: (row: T, locale?: string) => TemplateResult | string;
  /** An optional column shows only when a listed row has its value (Defender's passive DNS names no source). */
  has?: (row: T) => boolean;
}

const date = (iso: string | undefined, locale?: string) => (iso ? formatDate(iso, locale) : missing());
const seen = <T extends { firstSeen?: string; lastSeen?: string }>(): Column<T>[] => [
  { get label() { return msg('First seen'); }, cell: (r, l) => date(r.firstSeen, l) },
  { get label() { return msg('Last seen'); }, cell: (r, l) => date(r.lastSeen, l) },
];

/** Text that opens its (http(s)) link in a new tab, or the text alone. */
function linked(text: string, link: string | undefined): TemplateResult | string {
  const href = safeHref(link);
  return href ? html`<a class="link" href=${href} target="_blank" rel="noopener noreferrer">${truncated(text)}</a>` : truncated(text);
}

/** A profile's kind in the page's words (an unknown kind as the source wrote it). */
function profileKind(kind: string): string {
  switch (kind) {
    case 'actor':
      return msg('Actor');
    case 'campaign':
      return msg('Campaign');
    case 'malware':
      return msg('Malware');
    case 'tool':
      return msg('Tool');
    default:
      return kind;
  }
}

/** Each list's title and columns. */
export const TI_LISTS: { [R in ThreatIntelRelation]: { title: string; empty: string; columns: Column<ThreatIntelRows[R]>[] } } = {
  // Who is behind the IP first, then finished intelligence in the analysts' own words.
  profiles: {
    get title() {
      return msg('Actors, campaigns and malware');
    },
    get empty() {
      return msg('No actor, campaign or malware is tied to this IP.');
    },
    columns: [
      {
        get label() {
          return msg('Name');
        },
        cell: (r) => linked(r.name, r.link),
      },
      { get label() { return msg('Kind'); }, cell: (r) => profileKind(r.kind) },
      { get label() { return msg('Also known as'); }, cell: (r) => (r.aliases?.length ? truncated(r.aliases.join(', ')) : missing()), has: (r) => Boolean(r.aliases?.length) },
      { get label() { return msg('Summary'); }, cell: (r) => (r.summary ? truncated(r.summary) : missing()), has: (r) => Boolean(r.summary) },
      { get label() { return msg('Source'); }, cell: (r) => (r.source ? truncated(r.source) : missing()), has: (r) => Boolean(r.source) },
      { get label() { return msg('Last seen'); }, cell: (r, l) => date(r.lastSeen, l), has: (r) => Boolean(r.lastSeen) },
    ],
  },
  articles: {
    get title() {
      return msg('Articles that name this IP');
    },
    get empty() {
      return msg('No article names this IP.');
    },
    columns: [
      {
        get label() {
          return msg('Article');
        },
        cell: (r) => linked(r.title, r.link),
      },
      { get label() { return msg('Summary'); }, cell: (r) => (r.summary ? truncated(r.summary) : missing()), has: (r) => Boolean(r.summary) },
      { get label() { return msg('Tags'); }, cell: (r) => (r.tags?.length ? truncated(r.tags.join(', ')) : missing()), has: (r) => Boolean(r.tags?.length) },
      { get label() { return msg('Published'); }, cell: (r, l) => date(r.createdAt, l) },
    ],
  },
  passiveDns: {
    get title() {
      return msg('Passive DNS');
    },
    get empty() {
      return msg('No resolutions known.');
    },
    columns: [
      { get label() { return msg('Host name'); }, cell: (r) => truncated(r.hostname, { mono: true }) },
      { get label() { return msg('Resolution'); }, cell: (r) => (r.current ? html`<span class="badge current">${msg('Current')}</span>` : html`<span class="muted">${msg('Historical')}</span>`) },
      ...seen<ThreatIntelRows['passiveDns']>(),
      { get label() { return msg('Source'); }, cell: (r) => (r.collectedBy ? shown(r.collectedBy) : missing()), has: (r) => Boolean(r.collectedBy) },
    ],
  },
  certificates: {
    get title() {
      return msg('Certificates');
    },
    get empty() {
      return msg('No certificates known.');
    },
    columns: [
      { get label() { return msg('SHA-1'); }, cell: (r) => truncated(r.sha1, { mono: true }) },
      { get label() { return msg('Subject'); }, cell: (r) => truncated(r.subject) },
      { get label() { return msg('Issuer'); }, cell: (r) => truncated(r.issuer) },
      ...seen<ThreatIntelRows['certificates']>(),
      { get label() { return msg('Expires'); }, cell: (r, l) => date(r.expires, l) },
    ],
  },
  hostPairs: {
    get title() {
      return msg('Host pairs');
    },
    get empty() {
      return msg('No pairs known.');
    },
    columns: [
      { get label() { return msg('Parent host'); }, cell: (r) => truncated(r.parentHost, { mono: true }) },
      { get label() { return msg('Child host'); }, cell: (r) => truncated(r.childHost, { mono: true }) },
      { get label() { return msg('Cause'); }, cell: (r) => (r.cause ? shown(r.cause) : missing()) },
      ...seen<ThreatIntelRows['hostPairs']>(),
    ],
  },
  trackers: {
    get title() {
      return msg('Trackers');
    },
    get empty() {
      return msg('No trackers known.');
    },
    columns: [
      { get label() { return msg('Type'); }, cell: (r) => shown(r.kind) },
      { get label() { return msg('Value'); }, cell: (r) => truncated(r.value, { mono: true }) },
      ...seen<ThreatIntelRows['trackers']>(),
    ],
  },
  components: {
    get title() {
      return msg('Components');
    },
    get empty() {
      return msg('No components known.');
    },
    columns: [
      { get label() { return msg('Name'); }, cell: (r) => shown(r.name) },
      { get label() { return msg('Version'); }, cell: (r) => (r.version ? shown(r.version) : missing()) },
      { get label() { return msg('Category'); }, cell: (r) => (r.category ? shown(r.category) : missing()) },
      ...seen<ThreatIntelRows['components']>(),
    ],
  },
  ports: {
    get title() {
      return msg('Ports and services');
    },
    get empty() {
      return msg('No ports known.');
    },
    columns: [
      { get label() { return msg('Port'); }, cell: (r) => html`<span class="mono">${r.port}${r.protocol ? html`/${shown(r.protocol)}` : ''}</span>` },
      { get label() { return msg('Status'); }, cell: (r) => (r.status ? shown(r.status) : missing()) },
      { get label() { return msg('Services'); }, cell: (r) => (r.services?.length ? truncated(r.services.join(', ')) : missing()) },
      // A banner is lines (`HTTP/1.1 200 OK\r\nServer: …`): one line here, each break a ↵.
      { get label() { return msg('Banner'); }, cell: (r) => (r.banner ? truncated(r.banner.replace(/\r?\n/g, ' ↵ '), { mono: true }) : missing()) },
      ...seen<ThreatIntelRows['ports']>(),
    ],
  },
  cookies: {
    get title() {
      return msg('Cookies');
    },
    get empty() {
      return msg('No cookies known.');
    },
    columns: [
      { get label() { return msg('Name'); }, cell: (r) => truncated(r.name, { mono: true }) },
      { get label() { return msg('Domain'); }, cell: (r) => (r.domain ? truncated(r.domain, { mono: true }) : missing()) },
      ...seen<ThreatIntelRows['cookies']>(),
    ],
  },
  whoisHistory: {
    get title() {
      return msg('WHOIS history');
    },
    get empty() {
      return msg('No records known.');
    },
    columns: [
      { get label() { return msg('Registrar'); }, cell: (r) => (r.registrar ? truncated(r.registrar) : missing()) },
      { get label() { return msg('Registrant'); }, cell: (r) => (r.registrant ? truncated(r.registrant) : missing()) },
      { get label() { return msg('Organization'); }, cell: (r) => (r.organization ? truncated(r.organization) : missing()) },
      { get label() { return msg('Updated'); }, cell: (r, l) => date(r.updated, l) },
      { get label() { return msg('Name servers'); }, cell: (r) => (r.nameServers?.length ? truncated(r.nameServers.join(', '), { mono: true }) : missing()) },
      ...seen<ThreatIntelRows['whoisHistory']>(),
    ],
  },
};

export class ThreatIntelLists {
  readonly #host: ReactiveControllerHost;
  readonly #requests: KeyedRequestsController<ThreatIntelRelation>;
  #state = new Map<ThreatIntelRelation, ListState>();
  #for?: { provider: IpDataProvider; ip: string };
  readonly #onError: (relation: ThreatIntelRelation, error: unknown) => void;

  constructor(host: ReactiveControllerHost, onError: (relation: ThreatIntelRelation, error: unknown) => void) {
    this.#host = host;
    this.#requests = new KeyedRequestsController<ThreatIntelRelation>(host);
    this.#onError = onError;
  }

  /** Start over for this provider and IP (the first page of each list), unless already showing them. */
  show(provider: IpDataProvider | undefined, ip: string | undefined, relations: readonly ThreatIntelRelation[]): void {
    if (!provider?.listThreatIntel || !ip) {
      this.reset();
      return;
    }
    if (this.#for?.provider === provider && this.#for.ip === ip) return;
    this.reset();
    this.#for = { provider, ip };
    for (const r of relations) this.#load(r, false);
  }

  reset(): void {
    this.#requests.abortAll();
    this.#state = new Map();
    this.#for = undefined;
  }

  #load(relation: ThreatIntelRelation, more: boolean) {
    const target = this.#for;
    if (!target?.provider.listThreatIntel) return;
    const state = this.#state.get(relation) ?? { items: [], loading: false };
    const offset = more ? state.items.length : 0;
    this.#state.set(relation, { ...state, items: more ? state.items : [], loading: true, error: undefined });
    this.#host.requestUpdate();
    this.#requests.run(relation, (signal) => target.provider.listThreatIntel!(target.ip, relation, { offset, limit: TI_PAGE }, { signal }) as Promise<Page<unknown>>, {
      ok: (page) => {
        const before = more ? (this.#state.get(relation)?.items ?? []) : [];
        this.#state.set(relation, { items: [...before, ...page.items], total: page.total, loading: false });
      },
      error: (error) => {
        this.#state.set(relation, { ...(this.#state.get(relation) ?? { items: [] }), loading: false, error });
        this.#onError(relation, error);
      },
      done: () => this.#host.requestUpdate(),
    });
  }

  more(relation: ThreatIntelRelation): void {
    this.#load(relation, true);
  }

  retry(relation: ThreatIntelRelation): void {
    const state = this.#state.get(relation);
    this.#load(relation, Boolean(state?.items.length));
  }

  state(relation: ThreatIntelRelation): ListState | undefined {
    return this.#state.get(relation);
  }
}
