/**
 * Recording the IP where the team works (`listCases`, `addToCase`): the open incidents or cases
 * the IP can be added to, and what adding it left there. Defender XDR and Sentinel call them
 * incidents, Elastic cases; the page words both alike. Also exported from model.ts.
 */
import type { Severity } from './model.js';
import type { TimeRange } from '../lib/time-range.js';

/** The most characters a record's text may have (Kibana's comments allow 30,000; a note is shorter). */
export const CASE_TEXT_MAX = 4_000;
/** The most cases a list answers. */
export const CASE_LIST_MAX = 50;

/** An open incident or case the IP can be recorded on. */
export interface CaseRef {
  id: string;
  title: string;
  /** What the backend calls it: `incident` (Defender XDR, Sentinel) or `case` (Elastic). */
  kind: 'incident' | 'case';
  /** Its status as the backend words it (`new`, `inProgress`, `open` …). */
  status?: string;
  severity?: Severity;
  /** When it last changed. */
  updatedAt?: string;
  /** It already involves the IP (one of its alerts or its text names it). */
  related?: boolean;
}

/** What the page asks for: the cases involving the IP, or those whose title or id match `search`. */
export interface CaseQuery {
  search?: string;
  /**
   * The page's range: a provider that finds the IP's incidents through its alerts looks there (the
   * answer the alerts list already has; default: the last 30 days).
   */
  range?: TimeRange;
}

/** The IP recorded on a case: where, when, by whom. */
export interface CaseRecord {
  caseId: string;
  /** The text as the backend keeps it. */
  text: string;
  recordedAt: string;
  recordedBy?: string;
}

/** An open incident as a case the IP can be recorded on (`related`: it came from the IP's own list). */
export function caseOfIncident(a: { id: string; title: string; status: string; severity: string; lastUpdated?: string; lastActivity: string }, related: boolean): CaseRef {
  return { id: a.id, title: a.title, kind: 'incident', status: a.status, severity: a.severity, updatedAt: a.lastUpdated ?? a.lastActivity, ...(related ? { related: true } : {}) };
}

/** Cases whose title or id holds `search` (case-insensitive; all without one), most recently changed first, at most {@link CASE_LIST_MAX}. */
export function matchCases(cases: readonly CaseRef[], search: string | undefined): CaseRef[] {
  const wanted = search?.trim().toLowerCase();
  return cases
    .filter((c) => !wanted || c.title.toLowerCase().includes(wanted) || c.id.toLowerCase().includes(wanted))
    .sort((a, b) => Number(b.related ?? false) - Number(a.related ?? false) || (b.updatedAt ?? '').localeCompare(a.updatedAt ?? ''))
    .slice(0, CASE_LIST_MAX);
}
