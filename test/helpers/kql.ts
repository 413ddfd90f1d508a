/**
 * Microsoft's KQL analyser (Kusto.Language over the documented table schemas), run by the test
 * server (web-test-runner.config.mjs, mocks/kql/analyzer.mjs) and asked over HTTP.
 */
import type { KqlService, KqlVerdict } from '../../mocks/kql/answers.js';

export type { KqlService };
/** The analyser's verdict: diagnostics and the result's columns (the mocks' own type). */
export type KqlAnswer = KqlVerdict;

/**
 * What the analyser says of `query`; `tables` adds a workspace's own tables (custom logs): { Table: { Column: type } }.
 * A test's own checks go in the analyser's bulk lane, one at a time: the mocks' questions, which a page waits for, never queue behind more than one.
 */
export async function analyzeKql(query: string, service: KqlService, tables?: Record<string, Record<string, string>>): Promise<KqlAnswer> {
  const response = await fetch('/__kql/analyze', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query, service, tables, lane: 'bulk' }) });
  if (!response.ok) throw new Error(`The KQL analyser answered ${response.status}`);
  return (await response.json()) as KqlAnswer;
}
