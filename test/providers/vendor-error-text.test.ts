/**
 * What the analyst reads when a vendor's service refuses, in the page's language: the service's
 * names (permissions, roles, privileges, versions) and its own words stay as sent, our sentence
 * around them is German on a German page. The error's `message` stays English for logs.
 */
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { DefenderXdrProvider } from '../../src/providers/defender/defender-provider.js';
import { SentinelProvider } from '../../src/providers/sentinel/sentinel-provider.js';
import { ElasticSecurityProvider } from '../../src/providers/elastic/index.js';
import { guardProvider } from '../../src/providers/guard.js';
import { applyLocale } from '../../src/components/shared/localization.js';
import { describeError } from '../../src/components/shared/error-text.js';
import { DAY_MS } from '../../src/lib/time-range.js';
import { createElasticHandlers, DEMO_ELASTICSEARCH_URL, DEMO_KIBANA_URL } from '../../mocks/elastic.js';
import { DEMO_WORKSPACE_ID } from '../../mocks/sentinel.js';
import { dataError } from '../helpers/providers.js';
import { IpDataError } from '../../src/data/errors.js';
import { NOW, useMockApi, worker } from '../helpers/msw.js';

const IP = '203.0.113.7';
const range = { from: new Date(NOW - 30 * DAY_MS), to: new Date(NOW + 3_600_000) };
const o = () => ({ signal: new AbortController().signal });

const defender = (getToken: (scope: string) => Promise<string> = async () => 'token-for-tests') =>
  guardProvider(new DefenderXdrProvider({ getToken, tenantId: 'contoso-tenant', defenderUrl: 'https://api.security.microsoft.com' }));

/** The text in German, then in English again (the error is worded when shown, not when thrown). */
async function inBoth(error: unknown): Promise<[string, string]> {
  await applyLocale('de');
  const de = describeError(error);
  await applyLocale('en');
  return [de, describeError(error)];
}

useMockApi();

describe('vendor errors in the page’s language', () => {
  afterEach(() => applyLocale('en'));

  it('Microsoft Graph: a refusal names the permission and license; a hunting query that ran too long says to shorten the range', async () => {
    worker.use(http.get('https://graph.microsoft.com/v1.0/security/threatIntelligence/hosts/:ip', () => HttpResponse.json({ error: { code: 'Forbidden', message: 'Missing role' } }, { status: 403 })));
    const refused = await dataError(defender().getIpDetails(IP, o()));
    expect(refused.message).to.contain('Microsoft Graph refused');
    const [de, en] = await inBoth(refused);
    expect(de).to.equal(
      'Microsoft Graph hat dies abgelehnt. Dafür braucht es die Berechtigung ThreatIntelligence.Read.All; eine Lizenz für Defender Threat Intelligence (the Portal license and the API add-on, for the tenant). Microsoft Graph meldet: „Missing role“',
    );
    expect(en).to.equal(
      'Microsoft Graph refused this. It needs the ThreatIntelligence.Read.All permission; a license for Defender Threat Intelligence (the Portal license and the API add-on, for the tenant). Microsoft Graph said: “Missing role”',
    );

    worker.use(
      http.post('https://graph.microsoft.com/v1.0/security/runHuntingQuery', () =>
        // The timeout message of the advanced hunting errors table (learn.microsoft.com/defender-xdr/advanced-hunting-errors), in Graph's error body.
        HttpResponse.json({ error: { code: 'BadRequest', message: 'Query exceeded the timeout period.' } }, { status: 400 }),
      ),
    );
    const slow = await dataError(defender().listObservedDevices(IP, { range, offset: 0, limit: 10 }, o()));
    expect(slow.kind).to.equal('timeout');
    expect((await inBoth(slow))[0]).to.equal(
      'Die Abfrage hat zu lange gedauert, und Microsoft Graph hat sie abgebrochen. Microsoft Graph meldet: „Query exceeded the timeout period.“ Versuchen Sie einen kürzeren Zeitraum.',
    );
  });

  it('a host whose token source fails: the page says it could not sign in, with what the host said', async () => {
    const error = await dataError(
      defender(async () => {
        throw new Error('interaction_required');
      }).getSecuritySummary(IP, range, o()),
    );
    expect(error.kind).to.equal('unauthorized');
    expect((await inBoth(error))[0]).to.match(/^Die Seite konnte sich nicht bei Microsoft (Graph|Defender for Endpoint API|.+) anmelden: .* Sie meldet: „interaction_required“$/);
  });

  it('Log Analytics: a refusal names the permission and either workspace role', async () => {
    worker.use(
      http.post('https://api.loganalytics.io/v1/workspaces/:id/query', () =>
        HttpResponse.json({ error: { code: 'InsufficientAccessError', message: 'The provided credentials have insufficient access' } }, { status: 403 }),
      ),
    );
    const p = guardProvider(new SentinelProvider({ getToken: async () => 'token-for-tests', workspaceId: DEMO_WORKSPACE_ID }));
    const error = await dataError(p.getLogActivity(IP, range, o()));
    expect((await inBoth(error))[0]).to.equal(
      'Log Analytics hat dies abgelehnt. Dafür braucht es die Berechtigung Log Analytics Data.Read; die Rolle Log Analytics Reader oder Microsoft Sentinel Reader für den Arbeitsbereich. Log Analytics meldet: „The provided credentials have insufficient access“',
    );
  });

  it('Elasticsearch and Kibana: an old cluster names the version it needs; a read-only key names the privileges a change needs', async () => {
    worker.use(...createElasticHandlers({ now: NOW, profile: 'v8.14', version: '8.13.4' }));
    const old = guardProvider(new ElasticSecurityProvider({ elasticsearchUrl: DEMO_ELASTICSEARCH_URL }));
    const [de] = await inBoth(await dataError(old.getPrevalence(IP, range, o())));
    expect(de).to.equal('Dieser Cluster läuft mit Elasticsearch 8.13.4; dieser Bereich braucht ES|QL ab Elasticsearch 8.14. Die Warnungsliste funktioniert auf diesem Cluster.');

    for (const readOnlyKey of ['kibana', 'index'] as const) {
      worker.use(...createElasticHandlers({ now: NOW, readOnlyKey }));
      const p = guardProvider(new ElasticSecurityProvider({ elasticsearchUrl: DEMO_ELASTICSEARCH_URL, kibanaUrl: DEMO_KIBANA_URL }));
      const open = await p.listAlerts(IP, { range, offset: 0, limit: 1, filter: { status: ['new'] } }, o());
      const [text] = await inBoth(await dataError(p.updateAlerts!([open.items[0]!.id], { status: 'resolved' }, o())));
      expect(text, readOnlyKey).to.contain('die Indexrechte read, write, maintenance, view_index_metadata für .alerts-security.alerts-default');
      expect(text, readOnlyKey).to.match(readOnlyKey === 'kibana' ? /^Kibana hat dies abgelehnt\. .* Kibana meldet: „.*is unauthorized for user/ : /^Kibana hat 0 von 1 Warnungen geändert\./);
    }
  });

  it('an error without a message of its own gets its kind’s sentence, in the page’s language, once it has come through the guard', async () => {
    const provider = guardProvider({ getIpDetails: async () => Promise.reject(new IpDataError('forbidden', '')) } as never);
    const silent = await dataError(provider.getIpDetails(IP, o()));
    expect(await inBoth(silent)).to.deep.equal(['Sie haben keine Berechtigung, dies anzuzeigen.', 'You do not have permission to see this.']);
    expect(describeError(new IpDataError('rate-limited', '', { retryAfter: 4 }))).to.equal('Too many requests; the service asked us to slow down. Try again in 4 s.');
  });
});
