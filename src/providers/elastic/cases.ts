/**
 * Elastic Security's cases (Kibana's cases API): the open ones the IP can be recorded on
 * (`GET /api/cases/_find`, owner `securitySolution`, status `open` and `in-progress`, searching
 * title and description), and a user comment on one (`POST /api/cases/{caseId}/comments`,
 * `kbn-xsrf`). A case whose title or description names the IP is related to it.
 */
import { IpDataError } from '../../data/errors.js';
import { CASE_LIST_MAX, CASE_TEXT_MAX, type CaseRecord, type CaseRef } from '../../data/cases.js';
import type { HttpClient } from '../http.js';
import { kibanaRefusal } from './errors.js';

/** The find request's query: open and in-progress security cases, most recently changed first, matching `search` (else the IP). */
export function findCasesQuery(search: string): URLSearchParams {
  const q = new URLSearchParams({ owner: 'securitySolution', search, searchFields: 'title', perPage: String(CASE_LIST_MAX), sortField: 'updatedAt', sortOrder: 'desc' });
  q.append('searchFields', 'description');
  q.append('status', 'open');
  q.append('status', 'in-progress');
  return q;
}

/** The simple_query_string words for a literal text (its operators escaped), as a phrase. */
export function literalSearch(text: string): string {
  return `"${text.replace(/["\\]/g, '\\$&')}"`;
}

/** The cases of a find answer; unreadable ones are left out. */
export function casesFromFind(answer: unknown, ip: string): CaseRef[] {
  const cases = (answer as { cases?: unknown } | null)?.cases;
  if (!Array.isArray(cases)) throw new IpDataError('bad-response', 'Kibana sent a cases answer without a list of cases.', { reason: { id: 'unreadable', service: 'Kibana', detail: 'a find-cases answer without “cases”' } });
  return cases.flatMap((c: Record<string, unknown> | null): CaseRef[] => {
    if (!c || typeof c.id !== 'string' || !c.id || typeof c.title !== 'string') return [];
    const text = `${c.title} ${typeof c.description === 'string' ? c.description : ''}`;
    return [{
      id: c.id,
      title: c.title,
      kind: 'case',
      ...(typeof c.status === 'string' ? { status: c.status === 'in-progress' ? 'inProgress' : c.status } : {}),
      ...(typeof c.severity === 'string' ? { severity: c.severity } : {}),
      ...(typeof c.updated_at === 'string' ? { updatedAt: c.updated_at } : typeof c.created_at === 'string' ? { updatedAt: c.created_at } : {}),
      ...(text.includes(ip) ? { related: true } : {}),
    }];
  });
}

/** What the comment left: the answer's newest user comment with this text. */
export function recordFromCase(answer: unknown, caseId: string, text: string): CaseRecord {
  const comments = (answer as { comments?: unknown } | null)?.comments;
  const mine = (Array.isArray(comments) ? comments : []).filter((c: Record<string, unknown> | null) => c?.type === 'user' && c.comment === text).at(-1) as
    | { created_at?: unknown; created_by?: { username?: unknown; full_name?: unknown } }
    | undefined;
  const by = mine?.created_by?.full_name ?? mine?.created_by?.username;
  return { caseId, text, recordedAt: typeof mine?.created_at === 'string' ? mine.created_at : new Date().toISOString(), ...(typeof by === 'string' && by ? { recordedBy: by } : {}) };
}

/** The open security cases naming the IP, or matching `search`, most recently changed first. */
export async function findCases(http: HttpClient, kibana: string, headers: Headers, ip: string, search: string | undefined, signal: AbortSignal): Promise<CaseRef[]> {
  const params = findCasesQuery(literalSearch(search?.trim() || ip));
  const answer = await http.attempt({ method: 'GET', url: `${kibana}/api/cases/_find?${params}`, headers, signal }, false);
  if (!answer.ok) throw casesError(answer.status, answer.text, answer.headers, 'the list of cases');
  let json: unknown;
  try {
    json = JSON.parse(answer.text);
  } catch {
    throw new IpDataError('bad-response', 'Kibana sent a cases answer that is not JSON.', { reason: { id: 'unreadable', service: 'Kibana', detail: 'not JSON' } });
  }
  return casesFromFind(json, ip);
}

/** A user comment on the case (`POST /api/cases/{caseId}/comments`, owner securitySolution, `kbn-xsrf`). */
export async function commentOnCase(http: HttpClient, kibana: string, headers: Headers, caseId: string, text: string, signal: AbortSignal): Promise<CaseRecord> {
  const body = text.trim();
  if (!body || body.length > CASE_TEXT_MAX) throw new IpDataError('invalid-input', `The text must have 1 to ${CASE_TEXT_MAX} characters.`);
  if (typeof caseId !== 'string' || !caseId) throw new IpDataError('invalid-input', 'A case id is needed.');
  headers.set('kbn-xsrf', 'ip-entity-page');
  headers.set('Content-Type', 'application/json');
  const answer = await http.attempt({ method: 'POST', url: `${kibana}/api/cases/${encodeURIComponent(caseId)}/comments`, headers, body: JSON.stringify({ type: 'user', comment: body, owner: 'securitySolution' }), signal }, true);
  if (!answer.ok) throw casesError(answer.status, answer.text, answer.headers, 'the comment on the case');
  let json: unknown;
  try {
    json = JSON.parse(answer.text);
  } catch {
    json = undefined;
  }
  return recordFromCase(json, caseId, body);
}

/** Kibana refused a cases call: its message, and on a 403 the Cases feature the key needs. */
export function casesError(status: number, text: string, headers: Headers, what: string): IpDataError {
  return kibanaRefusal(status, text, headers, what, {
    advice: ' Cases need Kibana’s Cases feature in the Security section: Read to list them, All to add a comment.',
    needs: [{ feature: 'Cases (Security)', level: 'All' }],
  });
}
