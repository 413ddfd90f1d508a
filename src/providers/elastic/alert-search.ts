/**
 * The Elastic provider's search API requests over the detection alerts (`_search` on the alerts
 * index): the IP's alerts paged, filtered, searched and sorted in the cluster, and their counts by
 * severity and status. Alert fields are Elastic Security's alert schema (`kibana.alert.*`).
 */
import type { AlertFilter, AlertFilterField, AlertSortField, Sort } from '../../data/provider.js';
import { parseInterval } from '../../lib/iso-time.js';
import { own } from '../../data/model.js';
import type { TimeRange } from '../../lib/time-range.js';
import type { estypes } from '@elastic/elasticsearch';
import { esqlDate, esqlIp } from './esql.js';

/** One page of the IP's alerts. */
export function alertsSearch(ip: string, range: TimeRange, page: { size: number; from?: number; searchAfter?: unknown[] }, filter: AlertFilter = {}, sort?: Sort<AlertSortField>, search?: string): estypes.SearchRequest {
  const body: estypes.SearchRequest = {
    query: alertsQuery(ip, range, filter, search),
    sort: alertSort(sort),
    size: page.size,
    track_total_hits: true,
    _source: ALERT_SOURCE,
  };
  if (page.searchAfter) body.search_after = page.searchAfter as estypes.SortResults;
  else body.from = page.from ?? 0;
  return body;
}

/** The IP's alerts counted by severity and workflow status (for the overview). */
export function alertCounts(ip: string, range: TimeRange): estypes.SearchRequest {
  return {
    query: alertsQuery(ip, range, {}),
    size: 0,
    track_total_hits: true,
    aggs: { severity: { terms: { field: A.severity, size: 10 }, aggs: { status: { terms: { field: A.status, size: 10 } } } }, hosts: { cardinality: { field: 'host.id' } } },
  };
}

/** The alert fields read (Elastic Security's alert schema). */
export const A = {
  id: 'kibana.alert.uuid',
  rule: 'kibana.alert.rule.name',
  reason: 'kibana.alert.reason',
  severity: 'kibana.alert.severity',
  riskScore: 'kibana.alert.risk_score',
  status: 'kibana.alert.workflow_status',
  tags: 'kibana.alert.workflow_tags',
  assignees: 'kibana.alert.workflow_assignee_ids',
  start: 'kibana.alert.start',
  originalTime: 'kibana.alert.original_time',
  techniques: 'kibana.alert.rule.threat.technique.id',
  tactics: 'kibana.alert.rule.threat.tactic.name',
  ruleType: 'kibana.alert.rule.type',
  timestamp: '@timestamp',
} as const;

export const ALERT_SOURCE = [...Object.values(A), 'host.name', 'host.id', 'user.name', 'source.ip', 'destination.ip', 'event.category'];

/** The model's alert values in Elastic's words, for filters pushed to the cluster. */
const SEVERITY_TO_ELASTIC: Record<string, string[]> = { high: ['high', 'critical'], medium: ['medium'], low: ['low'] };
const STATUS_TO_ELASTIC: Record<string, string[]> = { new: ['open'], inProgress: ['acknowledged', 'in-progress'], resolved: ['closed'] };

/** Which alert field each list filter reads; the others are not in Elastic's alerts (no incidents, classification …). */
const FILTER_FIELDS: Partial<Record<AlertFilterField, string>> = {
  severity: A.severity,
  status: A.status,
  tags: A.tags,
  assignedTo: A.assignees,
  category: A.tactics,
  mitreTechniques: A.techniques,
  impactedAssets: 'host.name',
};
const TIME_FILTERS: Partial<Record<AlertFilterField, string>> = { firstActivity: A.start, lastActivity: A.timestamp, lastUpdated: A.timestamp };

/** A wildcard pattern matching `text` anywhere, its own `*`, `?` and `\` taken literally. */
/** A wildcard query's value holding `text` anywhere, its own `*`, `?` and `\\` escaped. */
export function containing(text: string): string {
  return `*${text.replace(/[\\*?]/g, (c) => `\\${c}`)}*`;
}

function alertsQuery(ip: string, range: TimeRange, filter: AlertFilter, search?: string): estypes.QueryDslQueryContainer {
  const canonical = esqlIp(ip);
  const must: estypes.QueryDslQueryContainer[] = [
    { range: { [A.timestamp]: { gte: esqlDate(range.from), lt: esqlDate(range.to) } } },
    { bool: { should: ['source.ip', 'destination.ip', 'host.ip', 'related.ip'].map((field) => ({ term: { [field]: canonical } })), minimum_should_match: 1 } },
  ];
  const none: estypes.QueryDslQueryContainer = { match_none: {} };
  for (const [name, values] of Object.entries(filter) as Array<[AlertFilterField, ReadonlyArray<string | null> | undefined]>) {
    if (!values?.length) continue;
    const time = TIME_FILTERS[name];
    if (time) {
      const interval = parseInterval(values[0] ?? null);
      must.push(interval ? { range: { [time]: { ...(Number.isFinite(interval[0]) ? { gte: new Date(interval[0]).toISOString() } : {}), ...(Number.isFinite(interval[1]) ? { lt: new Date(interval[1]).toISOString() } : {}) } } } : none);
      continue;
    }
    const wanted = values.filter((v): v is string => typeof v === 'string');
    const unset = values.includes(null);
    if (name === 'kind') {
      if (!wanted.includes('alert')) must.push(none);
      continue;
    }
    const field = FILTER_FIELDS[name];
    if (!field) {
      // Not a field of Elastic's alerts: every alert is "not set" there, and matches no value.
      if (!unset) must.push(none);
      continue;
    }
    const map = name === 'severity' ? SEVERITY_TO_ELASTIC : name === 'status' ? STATUS_TO_ELASTIC : undefined;
    const terms = wanted.flatMap((v) => (map ? (own(map, v) ?? []) : [v]));
    const should: estypes.QueryDslQueryContainer[] = [];
    if (terms.length) should.push({ terms: { [field]: terms } });
    if (unset) should.push(noneOf({ exists: { field } }));
    must.push(should.length ? { bool: { should, minimum_should_match: 1 } } : none);
  }
  const text = search?.trim();
  if (text) {
    must.push({
      bool: {
        should: [A.rule, A.reason, A.id, 'host.name', 'user.name'].map((field) => ({ wildcard: { [field]: { value: containing(text), case_insensitive: true } } })),
        minimum_should_match: 1,
      },
    });
  }
  return allOf(must);
}

/*
 * A bool query without `should`, typed as the official client's. (Chai's types, loaded by the
 * tests, give every object a `should` property, so a literal without one does not type as a bool
 * query's optional `should`: these two build them, the clauses still checked.)
 */
export function allOf(filter: estypes.QueryDslQueryContainer[]): estypes.QueryDslQueryContainer {
  return { bool: { filter } } as estypes.QueryDslQueryContainer;
}

export function noneOf(clause: estypes.QueryDslQueryContainer): estypes.QueryDslQueryContainer {
  return { bool: { must_not: clause } } as estypes.QueryDslQueryContainer;
}

/** Sort fields the alerts list offers, in the alert schema's fields; the id breaks ties (stable pages). */
const SORT_FIELDS: Partial<Record<AlertSortField, string>> = {
  lastActivity: A.timestamp,
  lastUpdated: A.timestamp,
  firstActivity: A.start,
  severity: A.riskScore,
  title: A.rule,
  status: A.status,
  assignedTo: A.assignees,
  category: A.tactics,
  tags: A.tags,
  mitreTechniques: A.techniques,
  impactedAssets: 'host.name',
  id: A.id,
};

function alertSort(sort: Sort<AlertSortField> | undefined): estypes.SortCombinations[] {
  const field = (sort && SORT_FIELDS[sort.field]) ?? A.timestamp;
  const order = sort ? sort.direction : 'desc';
  return [{ [field]: { order, unmapped_type: 'keyword' } }, { [A.id]: { order: 'asc', unmapped_type: 'keyword' } }];
}
