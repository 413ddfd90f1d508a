// Microsoft's KQL parser and semantic analyser (Kusto.Language, npm @kusto/language-service-next)
// over the documented table schemas (mocks/kql/schemas.json): what Defender XDR advanced hunting
// and Log Analytics would say about a query. Node only (the package is 4 MB of Bridge.NET); the
// test server and the demo serve it to the browser's mocks at POST /__kql/analyze.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
let kusto;
/** Kusto.Language, loaded on first use (it defines the global `Kusto`). */
function language() {
  if (!kusto) {
    require('@kusto/language-service-next/bridge.min.js');
    require('@kusto/language-service-next/Kusto.Language.Bridge.min.js');
    kusto = globalThis.Kusto.Language;
  }
  return kusto;
}

const schemas = JSON.parse(readFileSync(new URL('./schemas.json', import.meta.url), 'utf8'));

/**
 * The services and what each names: Defender XDR advanced hunting (its tables, `Timestamp`) and a
 * Log Analytics workspace with Microsoft Sentinel (its tables, `TimeGenerated`, and the
 * workspace functions Sentinel installs).
 */
export const SERVICES = /** @type {const} */ (['defender', 'logAnalytics']);

/** Sentinel's workspace functions the queries may call, with their documented result columns. */
const FUNCTIONS = {
  logAnalytics: [
    // _GetWatchlistAlias: the watchlists' aliases (Sentinel "Use watchlists" doc).
    ['_GetWatchlistAlias', '()', '{ Watchlist | summarize by WatchlistAlias }'],
    // _GetWatchlist('alias'): the items of a watchlist, with SearchKey and the item's columns.
    ['_GetWatchlist', '(alias: string)', '{ Watchlist | where WatchlistAlias == alias | project SearchKey, WatchlistItem, WatchlistAlias, LastUpdatedTimeUTC = TimeGenerated }'],
  ],
  defender: [],
};

const globalsCache = new Map();
/** The service's tables (and a workspace's own tables, `extra`: { Table: { Column: type } }). */
function globals(service, extra) {
  const cacheKey = extra ? `${service}|${JSON.stringify(extra)}` : service;
  if (globalsCache.has(cacheKey)) return globalsCache.get(cacheKey);
  const K = language();
  const section = schemas[service];
  if (!section) throw new Error(`No schemas for ${service}`);
  const tables = { ...section, ...Object.fromEntries(Object.entries(extra ?? {}).map(([name, columns]) => [name, { columns }])) };
  const members = Object.entries(tables).map(([name, table]) => {
    const schema = `(${Object.entries(table.columns).map(([c, type]) => `['${c}']:${type}`).join(', ')})`;
    return new K.Symbols.TableSymbol.$ctor7(name, schema, null);
  });
  for (const [name, parameters, body] of FUNCTIONS[service] ?? []) members.push(new K.Symbols.FunctionSymbol.$ctor16(name, parameters, body, null));
  const db = new K.Symbols.DatabaseSymbol.ctor(service, members);
  const state = K.GlobalState.Default.WithDatabase(db);
  if (globalsCache.size > 50) globalsCache.clear();
  globalsCache.set(cacheKey, state);
  return state;
}

function list(collection) {
  const out = [];
  for (let i = 0; i < collection.Count; i++) out.push(collection.getItem(i));
  return out;
}

/**
 * What the service's analyser says of `query`: its diagnostics (errors and warnings, each with
 * where it is) and, when it has one, the result's columns with their types.
 * @param {string} query
 * @param {'defender' | 'logAnalytics'} service
 * @param {Record<string, Record<string, string>>} [extra] a workspace's own tables (custom logs), by name: column → type
 */
export function analyzeKql(query, service, extra) {
  const key = `${service}\u0000${extra ? JSON.stringify(extra) : ''}\u0000${sameShape(query)}`;
  const known = cache.get(key);
  if (known) return known;
  const K = language();
  const code = K.KustoCode.ParseAndAnalyze(query, globals(service, extra));
  const found = list(code.GetDiagnostics());
  // What the parser alone finds is a syntax error; the rest is what analysis against the schemas
  // found (parsed again only when there is something to sort: most queries have no diagnostics).
  const syntax = found.length ? new Set(list(K.KustoCode.Parse(query, globals(service, extra)).GetDiagnostics()).map((d) => `${d.Start}:${d.Code}`)) : new Set();
  const diagnostics = found.map((d) => ({
    severity: String(d.Severity),
    kind: syntax.has(`${d.Start}:${d.Code}`) ? 'syntax' : 'semantic',
    code: d.Code,
    message: d.Message,
    start: d.Start,
    length: d.Length,
  }));
  const result = code.ResultType;
  const columns = result && result.Columns ? list(result.Columns).map((c) => ({ name: c.Name, type: c.Type?.Name ?? String(c.Type) })) : [];
  const answer = { diagnostics, columns };
  if (cache.size > 5000) cache.clear();
  cache.set(key, answer);
  return answer;
}

/**
 * The query with its date literals' digits zeroed, for the cache: a query sent again for another
 * time range has the same diagnostics (at the same places: the length is kept) and the same
 * columns, so each test's queries are analysed once per run, not once per test.
 */
function sameShape(query) {
  // Only a date that is valid as written: an impossible one (month 13) keeps its own analysis.
  return query.replace(/datetime\((\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\)/g, (m, iso) => (isValidIso(iso) ? m.replace(/\d/g, '0') : m));
}

function isValidIso(iso) {
  const t = Date.parse(iso);
  return Number.isFinite(t) && new Date(t).toISOString() === iso;
}

/** Analyses by service and query text: the suite sends the same queries many times. */
const cache = new Map();

/** Load the parser now (it takes seconds), so the first query a test sends does not wait for it. */
export function warmUp() {
  language();
  for (const service of SERVICES) globals(service);
  // The analyser's code is compiled on first use: the first queries took 1.5 s each where later
  // ones take 50 ms. Queries of the shapes the providers send (let, where, summarize with
  // arg_max, join, union, mv-expand, bin, top) take that cost here, while the browsers start.
  for (const [service, query] of WARM_UP) analyzeKql(query, service);
  cache.clear();
}

/** @type {ReadonlyArray<[typeof SERVICES[number], string]>} */
const WARM_UP = [
  [
    'defender',
    `let ip = "203.0.113.7";
DeviceNetworkEvents
| where Timestamp between (datetime(2026-01-01) .. datetime(2026-02-01)) and RemoteIP == ip
| summarize FirstSeen = min(Timestamp), LastSeen = max(Timestamp), Connections = count(), arg_max(Timestamp, *) by DeviceId
| join kind=leftouter (DeviceInfo | summarize arg_max(Timestamp, DeviceName, OSPlatform) by DeviceId) on DeviceId
| extend Process = tostring(InitiatingProcessFileName)
| project DeviceId, DeviceName, OSPlatform, FirstSeen, LastSeen, Connections, Process
| top 100 by LastSeen desc`,
  ],
  [
    'defender',
    `union DeviceNetworkEvents, DeviceEvents
| where Timestamp > ago(30d) and RemoteIP == "203.0.113.7"
| summarize Devices = dcount(DeviceId) by bin(Timestamp, 1d)
| order by Timestamp asc`,
  ],
  [
    'logAnalytics',
    `let ip = "203.0.113.7";
SecurityAlert
| where TimeGenerated between (datetime(2026-01-01) .. datetime(2026-02-01)) and Entities has ip
| summarize arg_max(TimeGenerated, *) by SystemAlertId
| extend E = parse_json(Entities)
| mv-expand E
| project TimeGenerated, AlertName, AlertSeverity, Status, E
| take 100`,
  ],
  [
    'logAnalytics',
    `union isfuzzy=true
  (CommonSecurityLog | where DestinationIP == "203.0.113.7" | summarize Events = count(), FirstSeen = min(TimeGenerated), LastSeen = max(TimeGenerated) by Source = Type),
  (Heartbeat | where ComputerIP == "203.0.113.7" | summarize arg_max(TimeGenerated, OSType) by Computer | extend Source = "Heartbeat")
| order by LastSeen desc`,
  ],
];
