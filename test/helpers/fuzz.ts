/**
 * Seeded structural mutations of valid answers, as a host's broken provider would send them:
 * nulls, missing keys, wrong types, non-lists, huge lists and strings, NaN, -1, 1e308,
 * `__proto__` and `constructor` keys. Deterministic: the same seed gives the same mutations.
 */
import { trafficFromEvents } from '../../src/data/traffic-compute.js';
import { TRAFFIC_DEVICES } from '../../src/data/traffic.js';
import { trafficSources } from '../../mocks/generator/beacons.js';
import { IpDataset } from '../../mocks/generator/dataset.js';
import { aggregateAccounts, signInEvents } from '../../mocks/generator/sign-ins.js';
import { DAY_MS } from '../../src/lib/time-range.js';
import type { AnswerMethod } from '../../src/providers/validate.js';

/** Mulberry32: small, fast and good enough to pick mutations. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Path = Array<string | number>;

function paths(value: unknown, path: Path = [], out: Path[] = [], depth = 0): Path[] {
  out.push(path);
  if (depth > 6 || value === null || typeof value !== 'object') return out;
  if (Array.isArray(value)) {
    // A few elements are enough: mutations of element 0 and the last one.
    const picks = value.length ? [...new Set([0, value.length - 1])] : [];
    for (const i of picks) paths(value[i], [...path, i], out, depth + 1);
  } else for (const k of Object.keys(value)) paths((value as Record<string, unknown>)[k], [...path, k], out, depth + 1);
  return out;
}

const HUGE_STRING = 'A'.repeat(100_000);

function replacement(current: unknown, random: () => number): unknown {
  const choices: Array<() => unknown> = [
    () => null,
    () => undefined,
    () => (typeof current === 'number' ? String(current) + 'x' : 12345),
    () => (typeof current === 'string' ? 42 : 'text instead'),
    () => (Array.isArray(current) ? { length: current.length } : [current]),
    () => ({ unexpected: true }),
    () => NaN,
    () => -1,
    () => 1e308,
    () => HUGE_STRING,
    () => Array.from({ length: 20_000 }, () => (Array.isArray(current) ? current[0] : current)),
    () => true,
    () => 'constructor',
    () => '__proto__',
    () => JSON.parse('{"__proto__": {"polluted": true}, "constructor": "x"}') as unknown,
    () => '<img src=x onerror=alert(1)>',
    () => 'javascript:alert(1)',
    () => '2026-11-20T14:05:09', // no time zone
    () => '\u202Eexe.gpj',
  ];
  return choices[Math.floor(random() * choices.length)]!();
}

/** A deep copy of `value` with 1–3 random mutations. */
export function mutate(value: unknown, random: () => number): unknown {
  let copy = JSON.parse(JSON.stringify(value)) as unknown;
  const n = 1 + Math.floor(random() * 3);
  for (let k = 0; k < n; k++) {
    const all = paths(copy);
    const path = all[Math.floor(random() * all.length)]!;
    if (path.length === 0) {
      copy = replacement(copy, random);
      continue;
    }
    let parent = copy as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    const key = path.at(-1)!;
    if (random() < 0.15 && !Array.isArray(parent)) delete parent[key];
    else parent[key] = replacement(parent[key], random);
  }
  return copy;
}

const NOW = Date.parse('2026-11-23T13:00:00Z');
export const FUZZ_RANGE = { from: new Date(NOW - 30 * DAY_MS), to: new Date(NOW + 3_600_000) };

/** A valid answer of every provider method, from the demo data generator. */
export function validAnswers(ip = '203.0.113.7'): Record<AnswerMethod, unknown> {
  const d = new IpDataset(ip, { now: NOW });
  const alerts = Array.from({ length: 5 }, (_, i) => d.alert(i));
  const devices = d.devices().slice(0, 5);
  const insights = d.insights(FUZZ_RANGE);
  return {
    getCapabilities: { updateAlerts: true, addIndicator: true, deviceGroups: true, deviceEvents: true, timeline: true, insights: true, threatIntel: true, indicators: true, indicatorActions: ['Block'], maxLookbackDays: 30 },
    getIpDetails: d.details(),
    getSecuritySummary: d.summary(FUZZ_RANGE),
    getLogActivity: d.logActivity(FUZZ_RANGE),
    getPrevalence: d.prevalence(FUZZ_RANGE),
    listAlerts: { items: alerts, total: 50 },
    listObservedDevices: { items: devices, total: 40 },
    getTraffic: { ...trafficFromEvents(trafficSources(d, FUZZ_RANGE), FUZZ_RANGE, TRAFFIC_DEVICES), computedBy: 'backend' },
    listCases: alerts.filter((a) => a.kind === 'incident').map((a) => ({ id: a.id, title: a.title, kind: 'incident', status: a.status, severity: a.severity, updatedAt: a.lastUpdated, related: true })),
    addToCase: { caseId: '10001', text: `${ip}: C2 server of the incident, blocked.`, recordedAt: '2026-11-21T09:00:00Z', recordedBy: 'analyst@contoso.com' },
    listAccounts: { items: aggregateAccounts(signInEvents(d), FUZZ_RANGE).slice(0, 5), total: 5 },
    getNote: { text: 'Known Cobalt Strike team server; blocked. See INC-41234.', updatedAt: '2026-11-20T09:00:00Z', updatedBy: 'soc-lead@contoso.com', version: '3' },
    saveNote: { text: 'Pentest until Dec 12.', updatedAt: '2026-11-21T09:00:00Z', version: '4' },
    // Twenty events: the first device is the chatty one (a thousand), and mutations touch only a
    // list's first and last element while every copy and read pays for all of them.
    listDeviceEvents: (d.deviceEvents(devices[0]!.id, FUZZ_RANGE) ?? []).slice(0, 20),
    updateAlerts: alerts.slice(0, 2),
    addIndicator: { id: '7001', indicatorValue: ip, indicatorType: 'IpAddress', action: 'Block', title: 'C2', description: 'd', generateAlert: true, severity: 'High', creationTimeDateTimeUtc: '2026-11-20T10:00:00Z' },
    removeIndicator: {},
    listIndicators: [{ id: '7001', indicatorValue: ip, indicatorType: 'IpAddress', action: 'Block', title: 'C2', description: 'd', generateAlert: true, severity: 'High', creationTimeDateTimeUtc: '2026-11-20T10:00:00Z', expirationTime: '2027-01-01T00:00:00Z', rbacGroupNames: [], createdBySource: 'soc-lead@contoso.com' }],
    listDeviceGroups: ['Workstations', 'Servers'],
    getTimeline: d.timeline(FUZZ_RANGE).slice(0, 20),
    getInsights: insights,
    getInsight: insights[0],
    getThreatIntel: d.threatIntel().summary,
    listThreatIntel: { items: d.threatIntel().lists.passiveDns.slice(0, 8), total: d.threatIntel().lists.passiveDns.length },
  };
}
