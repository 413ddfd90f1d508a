/**
 * Microsoft's KQL analyser (Kusto.Language over the documented table schemas), run by the test
 * server (web-test-runner.config.mjs, mocks/kql/analyzer.mjs) and asked over HTTP.
 */
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

export interface KqlAnswer {
  diagnostics: KqlDiagnostic[];
  columns: Array<{ name: string; type: string }>;
}

/** What the analyser says of `query`; `tables` adds a workspace's own tables (custom logs): { Table: { Column: type } }. */
export async function analyzeKql(query: string, service: KqlService, tables?: Record<string, Record<string, string>>): Promise<KqlAnswer> {
  const response = await fetch('/__kql/analyze', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query, service, tables }) });
  if (!response.ok) throw new Error(`The KQL analyser answered ${response.status}`);
  return (await response.json()) as KqlAnswer;
}
