/**
 * Kibana's cases API as its OpenAPI spec documents it (x-pack/platform/plugins/shared/cases/docs/
 * openapi: find_case_response, add_comment_response): `GET /api/cases/_find` with owner, status,
 * search over searchFields, perPage (at most 100) and sortField; `POST /api/cases/{caseId}/comments`
 * needing `kbn-xsrf` and `{ type: 'user', comment, owner }` (comment at most 30,000 characters, not
 * blank), answering the whole case with its comments. Errors in Kibana's `{ statusCode, error,
 * message }` shape. The demo's cases: on a C2 or scanner IP's page, an open case naming the IP, one
 * in progress about the campaign, and a closed one; a few cases about other things.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import { datasetFor } from '../generator/dataset.js';

interface KibanaUser {
  username: string;
  full_name: string | null;
  email: string | null;
  profile_uid?: string;
}

interface Case {
  id: string;
  version: string;
  title: string;
  description: string;
  status: 'open' | 'in-progress' | 'closed';
  severity: 'low' | 'medium' | 'high' | 'critical';
  owner: 'securitySolution' | 'observability' | 'cases';
  tags: string[];
  created_at: string;
  updated_at: string | null;
  comments: Array<Record<string, unknown>>;
}

const ELASTIC: KibanaUser = { username: 'elastic', full_name: null, email: null, profile_uid: 'u_mGBROF_q5bmFCATbLXAcCwKa0k8JvONAwSruelyKA5E_0' };
const MAX_COMMENT = 30_000;

const kibanaError = (statusCode: number, error: string, message: string) => HttpResponse.json({ statusCode, error, message }, { status: statusCode });

/** The case as the API answers it (the fields the spec requires). */
function answer(c: Case): Record<string, unknown> {
  const user = { ...ELASTIC };
  return {
    id: c.id, version: c.version, comments: c.comments, totalComment: c.comments.length, totalAlerts: 0, title: c.title, tags: c.tags, description: c.description,
    settings: { syncAlerts: true }, owner: c.owner, duration: null, severity: c.severity, closed_at: c.status === 'closed' ? c.updated_at : null, closed_by: c.status === 'closed' ? user : null,
    created_at: c.created_at, created_by: user, status: c.status, updated_at: c.updated_at, updated_by: c.updated_at ? user : null, assignees: [], category: null,
    connector: { id: 'none', name: 'none', type: '.none', fields: null }, external_service: null,
  };
}

/** The demo's cases around the IPs the page asked about. */
function demoCases(ips: Iterable<string>, now: number): Case[] {
  const day = (n: number) => new Date(now - n * 86_400_000).toISOString();
  const out: Case[] = [
    { id: 'c0a1f3e0-0000-4000-8000-000000000001', version: 'WzEwLDFd', title: 'Phishing wave: invoice lures (Q4)', description: 'Mail gateway hits and the users who opened them.', status: 'in-progress', severity: 'medium', owner: 'securitySolution', tags: ['phishing'], created_at: day(20), updated_at: day(1), comments: [] },
    { id: 'c0a1f3e0-0000-4000-8000-000000000002', version: 'WzExLDFd', title: 'Disk latency on the build agents', description: 'Not security.', status: 'open', severity: 'low', owner: 'observability', tags: [], created_at: day(9), updated_at: day(2), comments: [] },
  ];
  let n = 3;
  for (const ip of ips) {
    const d = datasetFor(ip, now);
    if (!d.observed || !d.profile.alerts || (d.profile.story !== 'c2' && d.profile.story !== 'scanner')) continue;
    const what = d.profile.story === 'c2' ? 'Command and control' : 'Scanning';
    const id = (k: number) => `c0a1f3e0-0000-4000-8000-${String(k).padStart(12, '0')}`;
    out.push(
      { id: id(n++), version: 'WzEyLDFd', title: `${what}: ${ip}`, description: `Alerts naming ${ip}; devices that talked to it.`, status: 'open', severity: 'high', owner: 'securitySolution', tags: ['ip-entity-page'], created_at: day(4), updated_at: day(0.2), comments: [] },
      { id: id(n++), version: 'WzEzLDFd', title: `${what} campaign (week ${Math.floor(now / 604_800_000) % 52})`, description: 'Every address of the campaign.', status: 'in-progress', severity: 'critical', owner: 'securitySolution', tags: [], created_at: day(6), updated_at: day(0.5), comments: [] },
      { id: id(n++), version: 'WzE0LDFd', title: `Earlier: ${ip} flagged by MISP`, description: `Closed as handled: ${ip}.`, status: 'closed', severity: 'medium', owner: 'securitySolution', tags: [], created_at: day(40), updated_at: day(30), comments: [] },
    );
  }
  return out;
}

/**
 * Whether a case matches a simple_query_string search on its fields: each term (a quoted phrase
 * or a word) in one of them, case-insensitive, any term (the default operator is OR).
 */
function matches(c: Case, search: string | null, fields: string[]): boolean {
  if (!search) return true;
  const terms = [...search.matchAll(/"((?:[^"\\]|\\.)*)"|(\S+)/g)].map((m) => (m[1] ?? m[2]!).replace(/\\(.)/g, '$1').toLowerCase());
  const haystack = fields.map((f) => String((c as unknown as Record<string, unknown>)[f] ?? '').toLowerCase());
  return terms.some((t) => haystack.some((h) => h.includes(t)));
}

export function kibanaCaseHandlers(kibana: string, now: number, servedIps: () => Iterable<string>): HttpHandler[] {
  const store = new Map<string, Case>();
  const all = () => {
    for (const c of demoCases(servedIps(), now)) if (!store.has(c.id)) store.set(c.id, c);
    return [...store.values()];
  };
  return [
    http.get(`${kibana}/api/cases/_find`, ({ request }) => {
      const q = new URL(request.url).searchParams;
      const perPage = Number(q.get('perPage') ?? 20);
      if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100) return kibanaError(400, 'Bad Request', `[request query]: perPage: ${q.get('perPage')} is out of range (1 to 100)`);
      const owners = q.getAll('owner');
      const statuses = q.getAll('status');
      const fields = q.getAll('searchFields').length ? q.getAll('searchFields') : ['title', 'description'];
      const sortField = q.get('sortField') ?? 'createdAt';
      const key = sortField === 'updatedAt' ? 'updated_at' : sortField === 'title' ? 'title' : 'created_at';
      const sign = q.get('sortOrder') === 'asc' ? 1 : -1;
      const found = all()
        .filter((c) => (!owners.length || owners.includes(c.owner)) && (!statuses.length || statuses.includes(c.status)) && matches(c, q.get('search'), fields))
        .sort((a, b) => sign * String(a[key] ?? '').localeCompare(String(b[key] ?? '')));
      const count = (s: Case['status']) => found.filter((c) => c.status === s).length;
      return HttpResponse.json({ page: 1, per_page: perPage, total: found.length, cases: found.slice(0, perPage).map(answer), count_open_cases: count('open'), count_in_progress_cases: count('in-progress'), count_closed_cases: count('closed') });
    }),
    http.post(`${kibana}/api/cases/:caseId/comments`, async ({ params, request }) => {
      if (!request.headers.get('kbn-xsrf')) return kibanaError(400, 'Bad Request', 'Request must contain a kbn-xsrf header.');
      const id = decodeURIComponent(String(params['caseId']));
      all();
      const c = store.get(id);
      if (!c) return kibanaError(404, 'Not Found', `Saved object [cases/${id}] not found`);
      const body = (await request.json().catch(() => null)) as { type?: unknown; comment?: unknown; owner?: unknown } | null;
      const extra = body ? Object.keys(body).filter((k) => !['type', 'comment', 'owner'].includes(k)) : [];
      if (extra.length) return kibanaError(400, 'Bad Request', `invalid keys "${extra.join(',')}"`);
      if (body?.type !== 'user' || typeof body.comment !== 'string' || typeof body.owner !== 'string') return kibanaError(400, 'Bad Request', '[request body]: type, comment and owner are required');
      if (!body.comment.trim()) return kibanaError(400, 'Bad Request', `Failed while adding a comment to case id: ${id} error: Error: The comment field cannot be an empty string.`);
      if (body.comment.length > MAX_COMMENT) return kibanaError(400, 'Bad Request', `Failed while adding a comment to case id: ${id} error: Error: The length of the comment is too long. The maximum length is ${MAX_COMMENT}.`);
      if (body.owner !== c.owner) return kibanaError(400, 'Bad Request', `Failed while adding a comment to case id: ${id} error: Error: The owner field of the comment must match the case`);
      const at = new Date().toISOString();
      c.comments.push({ id: crypto.randomUUID(), version: 'WzIwNDMxLDFd', type: 'user', owner: c.owner, comment: body.comment, created_at: at, created_by: { username: 'analyst', full_name: 'SOC Analyst', email: 'analyst@contoso.com' }, pushed_at: null, pushed_by: null, updated_at: null, updated_by: null });
      c.updated_at = at;
      return HttpResponse.json(answer(c));
    }),
  ];
}
