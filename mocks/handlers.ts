/**
 * MSW handlers serving the library's REST contract (`docs/rest-api.md`) from the deterministic
 * generator. Used by the demo, Storybook and the REST provider's tests; options add latency and
 * failures per section so stories can show every state.
 */
import { ipProblemText } from '../src/components/shared/ip-problem.js';
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { NOTE_MAX, type AlertItem, type AlertPatch, type Indicator, type IndicatorInput, type IpNote, type ObservedDevice } from '../src/data/model.js';
import { ALERT_FILTER_FIELDS, type AlertFilter, type AccountQuery, type AccountSortField, type AlertQuery, type DeviceQuery, type ProviderCapabilities } from '../src/data/provider.js';
import { queryAlerts, queryDevices, type ListSource } from '../src/data/query.js';
import { canonicalIp, parseIp } from '../src/lib/ip.js';
import { indicatorProblem } from '../src/components/shared/indicator.js';
import { DAY_MS, HOUR_MS, parseRange, type TimeRange } from '../src/lib/time-range.js';
import { applyPatch } from '../src/providers/static/static-provider.js';
import { DEVICE_GROUPS } from './generator/catalog.js';
import { datasetFor, type IpDataset } from './generator/dataset.js';
import { THREAT_INTEL_RELATIONS, type ThreatIntelRelation } from '../src/data/threat-intel.js';
import { withPatches } from './patched.js';
import { aggregateAccounts, signInEvents } from './generator/sign-ins.js';
import { queryAccounts } from '../src/data/account-query.js';
import { trafficFromEvents } from '../src/data/traffic-compute.js';
import { CASE_TEXT_MAX, caseOfIncident, matchCases } from '../src/data/cases.js';
import { TRAFFIC_DEVICES } from '../src/data/traffic.js';
import { trafficSources } from './generator/beacons.js';

/** Parts of the API a story or test can make fail. */
export type MockSection =
  | 'capabilities'
  | 'details'
  | 'summary'
  | 'log-activity'
  | 'prevalence'
  | 'alerts'
  | 'devices'
  | 'accounts'
  | 'traffic'
  | 'cases'
  | 'notes'
  | 'device-events'
  | 'update-alerts'
  | 'indicators'
  | 'device-groups'
  | 'timeline'
  | 'insights'
  | 'threat-intel';

export interface MockApiOptions {
  /** Where the API lives (default `/api`). Any origin works: `https://soc.example/api` too. */
  baseUrl?: string;
  /** The data's "now" (default: the current time, rounded down to the hour, when the handlers are created). */
  now?: Date | number;
  /** Extra latency on every response, in ms. */
  latencyMs?: number;
  /** Sections that fail, with the HTTP status to fail with (e.g. `{ alerts: 500 }`). */
  fail?: Partial<Record<MockSection, number>>;
  /** Override what `/capabilities` reports. */
  capabilities?: Partial<ProviderCapabilities>;
}

const DEVICE_LIMIT = 100;
const MAX_PAGE = 1000;

function errorResponse(status: number, code: string, message: string, headers?: Record<string, string>) {
  return HttpResponse.json({ error: { code, message } }, { status, headers });
}

const STATUS_MESSAGES: Record<number, [string, string]> = {
  400: ['invalidInput', 'The request is invalid.'],
  401: ['unauthorized', 'Sign in to continue.'],
  403: ['forbidden', 'You do not have permission to see this.'],
  404: ['notFound', 'Not found.'],
  429: ['tooManyRequests', 'Rate limit exceeded.'],
  500: ['internalError', 'The data service failed while answering this request.'],
  503: ['unavailable', 'The data service is temporarily unavailable.'],
};

function failWith(status: number) {
  const [code, message] = STATUS_MESSAGES[status] ?? ['error', `HTTP ${status}`];
  return errorResponse(status, code, message, status === 429 || status === 503 ? { 'Retry-After': '1' } : undefined);
}

function decodeParam(value: string | readonly string[] | undefined): string {
  const raw = Array.isArray(value) ? value[0] : (value as string | undefined);
  if (!raw) return '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Build the handlers. Each call has its own state (alert updates, indicators). */
export function createHandlers(options: MockApiOptions = {}): HttpHandler[] {
  const base = (options.baseUrl ?? '/api').replace(/\/+$/, '');
  const now = options.now === undefined ? Math.floor(Date.now() / HOUR_MS) * HOUR_MS : +options.now;
  const patches = new Map<string, Map<number, AlertItem>>();
  const sources = new Map<string, ListSource<AlertItem>>();
  const indicators: Indicator[] = [];
  /** Notes saved here, by canonical IP (null: removed), over the generated ones. */
  const notes = new Map<string, IpNote | null>();
  const noteOf = (d: IpDataset): IpNote | null => {
    const saved = notes.get(d.ip.canonical);
    if (saved !== undefined) return saved;
    // The typical C2 server carries a colleague's note, as a shift hands over.
    return d.ip.canonical === '203.0.113.7'
      ? { text: 'Cobalt Strike team server behind INC-41234. Blocked on all devices on Dec 3; do not allow without the IR lead.', updatedAt: new Date(d.now - 3 * DAY_MS).toISOString(), updatedBy: 'soc-lead@contoso.com', version: '1' }
      : null;
  };
  /** IPs whose generated indicators an added one replaced. */
  const replaced = new Set<string>();
  let indicatorCount = 0;
  /** Generated indicators deleted here. */
  const deletedIds = new Set<string>();
  /** Idempotency-Key → the request it came with and the answer given: a repeat gets the same answer, applied once. */
  const idempotent = new Map<string, { body: string; status: number; json: unknown }>();

  /** Answer a change once per Idempotency-Key (a retry after a timeout must not apply it twice). */
  async function once(request: Request, apply: (body: string) => Promise<Response>): Promise<Response> {
    const key = request.headers.get('Idempotency-Key');
    const body = await request.text();
    const seen = key ? idempotent.get(key) : undefined;
    if (seen) {
      if (seen.body !== body) return errorResponse(422, 'invalidInput', 'This Idempotency-Key was already used for a different request.');
      return HttpResponse.json(seen.json as never, { status: seen.status });
    }
    const response = await apply(body);
    if (key && response.ok) idempotent.set(key, { body, status: response.status, json: await response.clone().json() });
    return response;
  }
  /** IPs served so far, so an alert update can find the IP an id belongs to. */
  const servedIps = new Set<string>();

  function defaultRange(): TimeRange {
    return { from: new Date(now - 30 * DAY_MS), to: new Date(now + HOUR_MS) };
  }

  function rangeOf(url: URL): TimeRange | Response {
    const from = url.searchParams.get('from');
    const to = url.searchParams.get('to');
    if (!from && !to) return defaultRange();
    const range = parseRange(from, to);
    return range ?? errorResponse(400, 'invalidInput', '“from” and “to” must be ISO 8601 dates with from before to.');
  }

  /** Shared preamble: latency, configured failures, IP validation, per-IP failure profile. */
  async function begin(section: MockSection, ipParam?: string | readonly string[]): Promise<Response | IpDataset | undefined> {
    const ipText = ipParam === undefined ? undefined : decodeParam(ipParam);
    let dataset: IpDataset | undefined;
    if (ipText !== undefined) {
      const parsed = parseIp(ipText);
      if (!parsed.ok) {
        await delay(options.latencyMs ?? 0);
        return errorResponse(400, 'invalidInput', ipProblemText(parsed));
      }
      dataset = datasetFor(parsed.ip.canonical, now);
      servedIps.add(parsed.ip.canonical);
    }
    const latency = (options.latencyMs ?? 0) + (dataset?.profile.latencyMs ?? 0);
    if (latency > 0) await delay(latency);
    const configured = options.fail?.[section];
    if (configured) return failWith(configured);
    if (dataset?.profile.failing) return failWith(500);
    return dataset;
  }

  function alertSource(d: IpDataset): ListSource<AlertItem> {
    const key = d.ip.canonical;
    const patched = patches.get(key);
    if (!patched?.size) return d.alertSource();
    let src = sources.get(key);
    if (!src) {
      src = withPatches(d.alertSource(), patched);
      sources.set(key, src);
    }
    return src;
  }

  const ip = (path: string) => `${base}/ips/:ip${path}`;

  return [
    http.get(`${base}/capabilities`, async () => {
      const r = await begin('capabilities');
      if (r instanceof Response) return r;
      return HttpResponse.json({
        updateAlerts: true,
        addIndicator: true,
        indicators: true,
        removeIndicator: true,
        accounts: true,
        notes: true,
        traffic: true,
        cases: true,
        deviceGroups: true,
        deviceEvents: true,
        timeline: true,
        insights: true,
        threatIntel: true,
        indicatorActions: ['Allowed', 'Audit', 'Warn', 'Block'],
        maxLookbackDays: 180,
        ...options.capabilities,
      });
    }),

    http.get(ip(''), async ({ params }) => {
      const d = await begin('details', params['ip']);
      if (!d || d instanceof Response) return d;
      return HttpResponse.json(d.details());
    }),

    http.get(ip('/summary'), async ({ params, request }) => {
      const d = await begin('summary', params['ip']);
      if (!d || d instanceof Response) return d;
      const range = rangeOf(new URL(request.url));
      if (range instanceof Response) return range;
      return HttpResponse.json(d.summary(range));
    }),

    http.get(ip('/log-activity'), async ({ params, request }) => {
      const d = await begin('log-activity', params['ip']);
      if (!d || d instanceof Response) return d;
      const range = rangeOf(new URL(request.url));
      if (range instanceof Response) return range;
      return HttpResponse.json(d.logActivity(range));
    }),

    http.get(ip('/prevalence'), async ({ params, request }) => {
      const d = await begin('prevalence', params['ip']);
      if (!d || d instanceof Response) return d;
      const range = rangeOf(new URL(request.url));
      if (range instanceof Response) return range;
      return HttpResponse.json(d.prevalence(range));
    }),

    http.get(ip('/alerts'), async ({ params, request }) => {
      const d = await begin('alerts', params['ip']);
      if (!d || d instanceof Response) return d;
      const url = new URL(request.url);
      const range = rangeOf(url);
      if (range instanceof Response) return range;
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 50);
      if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE) {
        return errorResponse(400, 'invalidInput', `“offset” must be a whole number ≥ 0 and “limit” 0–${MAX_PAGE}.`);
      }
      const filter: AlertFilter = {};
      for (const field of ALERT_FILTER_FIELDS) {
        const values = url.searchParams.getAll(field);
        if (values.length) filter[field] = values.map((v) => (v === '' ? null : v));
      }
      const query: AlertQuery = { range, filter, offset, limit, search: url.searchParams.get('q') ?? undefined };
      const sort = url.searchParams.get('sort');
      if (sort) {
        const [field, direction] = sort.split(':');
        query.sort = { field: field as NonNullable<AlertQuery['sort']>['field'], direction: direction === 'asc' ? 'asc' : 'desc' };
      }
      return HttpResponse.json(queryAlerts(alertSource(d), query));
    }),

    http.post(`${base}/alerts/update`, async ({ request }) => {
      const r = await begin('update-alerts');
      if (r instanceof Response) return r;
      return once(request, async (text) => {
        let body: { ids?: unknown; patch?: AlertPatch };
        try {
          body = JSON.parse(text) as typeof body;
        } catch {
          return errorResponse(400, 'invalidInput', 'The body must be JSON: { "ids": [...], "patch": {...} }.');
        }
        if (!Array.isArray(body.ids) || !body.ids.every((x) => typeof x === 'string') || typeof body.patch !== 'object' || !body.patch) {
          return errorResponse(400, 'invalidInput', 'The body must be { "ids": string[], "patch": object }.');
        }
        // All or nothing: every id is found before anything changes.
        const targets: Array<{ key: string; index: number; current: AlertItem }> = [];
        for (const id of body.ids as string[]) {
          let found: (typeof targets)[number] | undefined;
          for (const key of new Set([...patches.keys(), ...servedIps])) {
            const d = datasetFor(key, now);
            const index = d.indexOfAlertId(id);
            if (index < 0) continue;
            found = { key, index, current: patches.get(key)?.get(index) ?? d.alert(index) };
            break;
          }
          if (!found) return errorResponse(404, 'notFound', `No incident or alert with id “${id}”; nothing was changed.`);
          targets.push(found);
        }
        const updated = targets.map(({ key, index, current }) => {
          const next = applyPatch(current, body.patch!, 'you');
          const map = patches.get(key) ?? new Map<number, AlertItem>();
          map.set(index, next);
          patches.set(key, map);
          sources.delete(key);
          return next;
        });
        return HttpResponse.json({ items: updated });
      });
    }),

    http.get(ip('/devices'), async ({ params, request }) => {
      const d = await begin('devices', params['ip']);
      if (!d || d instanceof Response) return d;
      const url = new URL(request.url);
      const range = rangeOf(url);
      if (range instanceof Response) return range;
      const offset = Math.min(DEVICE_LIMIT, Math.max(0, Number(url.searchParams.get('offset') ?? 0) || 0));
      const limit = Math.max(0, Math.min(DEVICE_LIMIT - offset, Number(url.searchParams.get('limit') ?? DEVICE_LIMIT) || 0));
      const query: DeviceQuery = {
        range,
        offset,
        limit,
        search: url.searchParams.get('q') ?? undefined,
        actionType: url.searchParams.getAll('actionType'),
        direction: url.searchParams.getAll('direction'),
      };
      const sort = url.searchParams.get('sort');
      if (sort) {
        const [field, direction] = sort.split(':');
        query.sort = { field: field as NonNullable<DeviceQuery['sort']>['field'], direction: direction === 'asc' ? 'asc' : 'desc' };
      }
      // As a backend that searches every event of a device in the range, not only its last one.
      const seen = d.devicesIn(range);
      return HttpResponse.json(queryDevices(listOf(seen.devices), query, { eventsMatch: (i, text) => d.deviceEventsMatch(seen.index[i]!, text, range) }));
    }),

    http.get(ip('/note'), async ({ params }) => {
      const d = await begin('notes', params['ip']);
      if (!d || d instanceof Response) return d;
      return HttpResponse.json({ note: noteOf(d) });
    }),

    http.put(ip('/note'), async ({ params, request }) => {
      const d = await begin('notes', params['ip']);
      if (!d || d instanceof Response) return d;
      const body = (await request.json().catch(() => null)) as { text?: unknown; version?: unknown } | null;
      if (typeof body?.text !== 'string' || body.text.length > NOTE_MAX) return errorResponse(400, 'invalidInput', `A note is text of at most ${NOTE_MAX} characters.`);
      const current = noteOf(d);
      if (current && typeof body.version === 'string' && body.version !== current.version) return errorResponse(409, 'conflict', 'The note was changed meanwhile.');
      const text = body.text.trim();
      const next = text ? { text, updatedAt: new Date().toISOString(), updatedBy: 'you@contoso.com', version: String(Number(current?.version ?? 0) + 1) } : null;
      notes.set(d.ip.canonical, next);
      return HttpResponse.json({ note: next });
    }),

    http.get(ip('/accounts'), async ({ params, request }) => {
      const d = await begin('accounts', params['ip']);
      if (!d || d instanceof Response) return d;
      const url = new URL(request.url);
      const range = rangeOf(url);
      if (range instanceof Response) return range;
      const offset = Math.max(0, Number(url.searchParams.get('offset') ?? 0) || 0);
      const limit = Math.max(0, Math.min(MAX_PAGE, Number(url.searchParams.get('limit') ?? 100) || 0));
      const query: AccountQuery = { range, offset, limit, search: url.searchParams.get('q') ?? undefined, result: url.searchParams.getAll('result') };
      const sort = url.searchParams.get('sort');
      if (sort) {
        const [field, direction] = sort.split(':');
        query.sort = { field: field as AccountSortField, direction: direction === 'asc' ? 'asc' : 'desc' };
      }
      // As a backend that counts each account's sign-ins in the range.
      return HttpResponse.json(queryAccounts(aggregateAccounts(signInEvents(d), range), query));
    }),

    http.get(ip('/cases'), async ({ params, request }) => {
      const d = await begin('cases', params['ip']);
      if (!d || d instanceof Response) return d;
      const search = new URL(request.url).searchParams.get('q') ?? undefined;
      // The IP's open incidents; with a search, any served IP's that match too.
      const open = (x: IpDataset, related: boolean) =>
        queryAlerts(alertSource(x), { filter: { kind: ['incident'], status: ['new', 'inProgress'] }, offset: 0, limit: 1_000 }).items.map((a) => caseOfIncident(a, related));
      const others = search ? [...servedIps].filter((k) => k !== d.ip.canonical).flatMap((k) => open(datasetFor(k, now), false)) : [];
      return HttpResponse.json({ items: matchCases([...open(d, true), ...others], search) });
    }),

    http.post(ip('/cases/:caseId/records'), async ({ params, request }) => {
      const d = await begin('cases', params['ip']);
      if (!d || d instanceof Response) return d;
      const body = (await request.json().catch(() => null)) as { text?: unknown } | null;
      const text = typeof body?.text === 'string' ? body.text.trim() : '';
      if (!text || text.length > CASE_TEXT_MAX) return errorResponse(400, 'invalidInput', `The text must have 1 to ${CASE_TEXT_MAX} characters.`);
      const caseId = decodeParam(params['caseId']);
      for (const key of new Set([d.ip.canonical, ...patches.keys(), ...servedIps])) {
        const x = datasetFor(key, now);
        const index = x.indexOfAlertId(caseId);
        if (index < 0) continue;
        const current = patches.get(key)?.get(index) ?? x.alert(index);
        if (current.kind !== 'incident') break;
        const next = applyPatch(current, { comment: text }, 'you@contoso.com');
        const map = patches.get(key) ?? new Map<number, AlertItem>();
        map.set(index, next);
        patches.set(key, map);
        sources.delete(key);
        const added = next.comments!.at(-1)!;
        return HttpResponse.json({ caseId, text: added.comment, recordedAt: added.createdAt, recordedBy: added.createdBy });
      }
      return errorResponse(404, 'notFound', `No incident with id “${caseId}”.`);
    }),

    http.get(ip('/traffic'), async ({ params, request }) => {
      const d = await begin('traffic', params['ip']);
      if (!d || d instanceof Response) return d;
      const range = rangeOf(new URL(request.url));
      if (range instanceof Response) return range;
      // As a backend that computes the statistics over every connection in the range.
      return HttpResponse.json({ ...trafficFromEvents(trafficSources(d, range), range, TRAFFIC_DEVICES), computedBy: 'backend' });
    }),

    http.get(ip('/devices/:deviceId/events'), async ({ params, request }) => {
      const d = await begin('device-events', params['ip']);
      if (!d || d instanceof Response) return d;
      const range = rangeOf(new URL(request.url));
      if (range instanceof Response) return range;
      const events = d.deviceEvents(decodeParam(params['deviceId']), range);
      if (!events) return errorResponse(404, 'notFound', 'No such device communicated with this IP.');
      return HttpResponse.json({ items: events });
    }),

    http.post(`${base}/indicators`, async ({ request }) => {
      const r = await begin('indicators');
      if (r instanceof Response) return r;
      return once(request, async (text) => {
        let input: Partial<IndicatorInput>;
        try {
          input = JSON.parse(text) as Partial<IndicatorInput>;
        } catch {
          return errorResponse(400, 'invalidInput', 'The body must be a JSON indicator.');
        }
        const problem = indicatorProblem(input);
        if (problem) return errorResponse(400, 'invalidInput', problem);
        const indicator: Indicator = {
          ...(input as IndicatorInput),
          indicatorValue: canonicalIp(input.indicatorValue!)!,
          indicatorType: 'IpAddress',
          id: String(7000 + ++indicatorCount),
          creationTimeDateTimeUtc: new Date().toISOString(),
          createdBy: 'you@contoso.com',
        };
        // One indicator per value, as Defender for Endpoint keeps them: a new one replaces the old.
        const kept = indicators.filter((i) => i.indicatorValue !== indicator.indicatorValue);
        indicators.splice(0, indicators.length, ...kept, indicator);
        replaced.add(indicator.indicatorValue);
        return HttpResponse.json(indicator, { status: 201 });
      });
    }),

    http.delete(`${base}/indicators/:id`, async ({ params }) => {
      const r = await begin('indicators');
      if (r instanceof Response) return r;
      const id = decodeParam(params['id']);
      const added = indicators.findIndex((i) => i.id === id);
      if (added >= 0) indicators.splice(added, 1);
      else if ([...servedIps].some((value) => datasetFor(value, now).indicators().some((i) => i.id === id))) deletedIds.add(id);
      else return errorResponse(404, 'notFound', `No indicator with id ${id}.`);
      return new HttpResponse(null, { status: 204 });
    }),

    http.get(ip('/indicators'), async ({ params }) => {
      const d = await begin('indicators', params['ip']);
      if (!d || d instanceof Response) return d;
      const value = d.ip.canonical;
      const added = indicators.filter((i) => i.indicatorValue === value);
      const items = [...added, ...(replaced.has(value) ? [] : d.indicators().filter((i) => !deletedIds.has(i.id)))].sort((a, b) => Date.parse(b.creationTimeDateTimeUtc) - Date.parse(a.creationTimeDateTimeUtc));
      return HttpResponse.json({ items });
    }),

    http.get(`${base}/device-groups`, async () => {
      const r = await begin('device-groups');
      if (r instanceof Response) return r;
      return HttpResponse.json({ items: DEVICE_GROUPS });
    }),

    http.get(ip('/timeline'), async ({ params, request }) => {
      const d = await begin('timeline', params['ip']);
      if (!d || d instanceof Response) return d;
      const range = rangeOf(new URL(request.url));
      if (range instanceof Response) return range;
      return HttpResponse.json({ items: d.timeline(range) });
    }),

    http.get(ip('/insights'), async ({ params, request }) => {
      const d = await begin('insights', params['ip']);
      if (!d || d instanceof Response) return d;
      const range = rangeOf(new URL(request.url));
      if (range instanceof Response) return range;
      return HttpResponse.json({ items: d.insights(range) });
    }),

    http.get(ip('/threat-intel'), async ({ params }) => {
      const d = await begin('threat-intel', params['ip']);
      if (!d || d instanceof Response) return d;
      return HttpResponse.json(d.threatIntel().summary);
    }),

    http.get(ip('/threat-intel/:relation'), async ({ params, request }) => {
      const d = await begin('threat-intel', params['ip']);
      if (!d || d instanceof Response) return d;
      const relation = decodeParam(params['relation']) as ThreatIntelRelation;
      if (!THREAT_INTEL_RELATIONS.includes(relation)) return errorResponse(404, 'notFound', `No threat intelligence list “${relation}”.`);
      const url = new URL(request.url);
      const offset = Math.max(0, Number(url.searchParams.get('offset') ?? 0) || 0);
      const limit = Math.min(100, Math.max(1, Number(url.searchParams.get('limit') ?? 25) || 25));
      const all = d.threatIntel().lists[relation];
      return HttpResponse.json({ items: all.slice(offset, offset + limit), total: all.length });
    }),

    http.get(ip('/insights/:insightId'), async ({ params, request }) => {
      const d = await begin('insights', params['ip']);
      if (!d || d instanceof Response) return d;
      const range = rangeOf(new URL(request.url));
      if (range instanceof Response) return range;
      const found = d.insights(range).find((x) => x.id === decodeParam(params['insightId']));
      return found ? HttpResponse.json(found) : errorResponse(404, 'notFound', 'No such insight.');
    }),
  ];
}

const listSources = new WeakMap<ObservedDevice[], ListSource<ObservedDevice>>();

/** The devices a range lists, as the query engine reads them (one source per list). */
function listOf(devices: ObservedDevice[]): ListSource<ObservedDevice> {
  let src = listSources.get(devices);
  if (!src) {
    src = { size: devices.length, get: (i) => devices[i]! };
    listSources.set(devices, src);
  }
  return src;
}

/** The handlers with default options: what the demo and most stories use. */
export const handlers = createHandlers();
