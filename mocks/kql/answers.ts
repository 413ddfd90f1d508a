/**
 * How Defender XDR advanced hunting (Graph `runHuntingQuery`) and Log Analytics answer a KQL
 * query, built from what Microsoft's analyser (Kusto.Language over the documented schemas, see
 * analyzer.mjs) says of it: a query it refuses gets the service's documented error; a query it
 * accepts gets a result whose columns are the ones the analyser derives — names and types from
 * Microsoft's parser and schemas, not from the provider's expectations — filled with the mock's
 * data by column name (a column the data does not have is null).
 */
import { HttpResponse } from 'msw';

export type KqlService = 'defender' | 'logAnalytics';

export interface KqlDiagnostic {
  severity: string;
  /** `syntax`: the parser's; `semantic`: what analysis against the schemas found. */
  kind: 'syntax' | 'semantic';
  code: string;
  message: string;
  start: number;
  length: number;
}

export interface KqlVerdict {
  diagnostics: KqlDiagnostic[];
  /** The result's columns (name and KQL type), in order. */
  columns: Array<{ name: string; type: string }>;
}

/** Microsoft's analyser, asked by the mocks: (query, service) → its verdict. */
export type KqlAnalyzer = (query: string, service: KqlService) => Promise<KqlVerdict>;

/** The analyser served at `url` (the test server's and the demo's `/__kql/analyze`). */
export function kqlAnalyzerAt(url = '/__kql/analyze'): KqlAnalyzer {
  return async (query, service) => {
    const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query, service }) });
    if (!response.ok) throw new Error(`The KQL analyser answered ${response.status}.`);
    return (await response.json()) as KqlVerdict;
  };
}

export function errorsOf(verdict: KqlVerdict | undefined): KqlDiagnostic[] {
  return verdict?.diagnostics.filter((d) => d.severity === 'Error') ?? [];
}

/** Line and column (1-based) of an offset, as Log Analytics reports a syntax error's place. */
function place(query: string, offset: number): { line: number; pos: number } {
  const before = query.slice(0, offset).split('\n');
  return { line: before.length, pos: before.at(-1)!.length + 1 };
}

/**
 * Log Analytics' 400 for a query it cannot run (the API's errors doc; the fuller body as the
 * Azure SDK's recordings show it): `BadArgumentError`, with a `SyntaxError` (SYN0002) or a
 * `SemanticError` (SEM0100) inside, naming the place.
 */
export function logAnalyticsQueryError(query: string, errors: readonly KqlDiagnostic[]): Response {
  const first = errors[0]!;
  const correlationId = crypto.randomUUID();
  const at = place(query, first.start);
  const token = query.slice(first.start, first.start + Math.max(1, first.length));
  const innererror =
    first.kind === 'syntax'
      ? { code: 'SyntaxError', message: 'A recognition error occurred in the query.', innererror: { code: 'SYN0002', message: `Query could not be parsed at '${token}' on line [${at.line},${at.pos}]`, line: at.line, pos: at.pos, token } }
      : { code: 'SemanticError', message: 'A semantic error occurred.', innererror: { code: 'SEM0100', message: first.message } };
  return HttpResponse.json({ error: { message: 'The request had some invalid properties', code: 'BadArgumentError', correlationId, innererror } }, { status: 400 });
}

/**
 * Graph's 400 for a hunting query it cannot run. Microsoft documents no body for this case; this
 * is Graph's general error shape (the Graph errors doc: `code`, `message`, `innerError` with the
 * request's ids) carrying the parser's message.
 */
export function huntingQueryError(errors: readonly KqlDiagnostic[]): Response {
  const first = errors[0]!;
  return HttpResponse.json(
    { error: { code: 'BadRequest', message: `Query could not be parsed or analysed: ${first.message}`, innerError: { date: new Date().toISOString(), 'request-id': crypto.randomUUID(), 'client-request-id': crypto.randomUUID() } } },
    { status: 400 },
  );
}

type Rows = ReadonlyArray<Readonly<Record<string, unknown>>>;

/**
 * The columns of the answer: the analyser's when it gave some; else (no analyser: the demo,
 * Storybook) the given ones, then every other key the rows have, as text.
 */
function columnsFor(rows: Rows, verdict: KqlVerdict | undefined, fallback: ReadonlyArray<[string, string]> = []): Array<{ name: string; type: string }> {
  if (verdict?.columns.length) return verdict.columns;
  const columns = fallback.map(([name, type]) => ({ name, type }));
  const named = new Set(columns.map((c) => c.name));
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      if (named.has(key)) continue;
      named.add(key);
      columns.push({ name: key, type: 'string' });
    }
  }
  return columns;
}

/** A `dynamic` value as the services write it in a row: JSON text. */
function cell(value: unknown, type: string): unknown {
  if (value === undefined) return null;
  if (type === 'dynamic' && value !== null && typeof value !== 'string') return JSON.stringify(value);
  return value;
}

/** Log Analytics' answer (`tables[0]`, `PrimaryResult`): the columns with KQL type names, rows in their order. */
export function logAnalyticsAnswer(rows: Rows, verdict: KqlVerdict | undefined, fallback?: ReadonlyArray<[string, string]>): Response {
  const columns = columnsFor(rows, verdict, fallback);
  return HttpResponse.json({ tables: [{ name: 'PrimaryResult', columns, rows: rows.map((r) => columns.map((c) => cell(r[c.name], c.type))) }] });
}

/** KQL type names as Graph's hunting schema spells them (.NET names: `String`, `DateTime`, `Int64` …). */
const GRAPH_TYPES: Record<string, string> = { string: 'String', datetime: 'DateTime', long: 'Int64', int: 'Int32', real: 'Double', bool: 'Boolean', dynamic: 'Object', guid: 'Guid', timespan: 'TimeSpan', decimal: 'Decimal' };

/**
 * Graph's `runHuntingQuery` answer: `schema` (the docs spell its keys both `name` and `Name`;
 * `lowerSchema` picks) and `results`, one object per row with the schema's columns.
 */
export function huntingAnswerBody(rows: Rows, verdict: KqlVerdict | undefined, fallback?: ReadonlyArray<[string, string]>, lowerSchema = false): { schema: unknown[]; results: unknown[] } {
  const columns = columnsFor(rows, verdict, fallback);
  const schema = columns.map((c) => {
    const type = GRAPH_TYPES[c.type] ?? c.type;
    return lowerSchema ? { name: c.name, type } : { Name: c.name, Type: type };
  });
  const results = rows.map((r) => Object.fromEntries(columns.map((c) => [c.name, cell(r[c.name], c.type)])));
  return { schema, results };
}
