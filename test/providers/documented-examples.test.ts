/**
 * Microsoft's own example responses, each from the page that documents it, through the providers'
 * readers: what the service documents is what the page reads. Where an example is elided in the
 * docs (`[...]`) it is cut here the same way; where it is not valid JSON, the fix is named.
 */
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { DefenderXdrProvider } from '../../src/providers/defender/defender-provider.js';
import { SentinelProvider } from '../../src/providers/sentinel/sentinel-provider.js';
import { guardProvider } from '../../src/providers/guard.js';
import { huntingRows, logAnalyticsRows, number, text } from '../../src/providers/microsoft/tables.js';
import { DAY_MS } from '../../src/lib/time-range.js';
import { DEMO_WORKSPACE_ID } from '../../mocks/sentinel.js';
import { NOW, useMockApi, worker } from '../helpers/msw.js';
import { dataError } from '../helpers/providers.js';

const IP = '203.0.113.7';
const range = { from: new Date(NOW - 30 * DAY_MS), to: new Date(NOW + 3_600_000) };
const o = () => ({ signal: new AbortController().signal });
const getToken = async () => 'token-for-tests';
const defender = () => guardProvider(new DefenderXdrProvider({ getToken, defenderUrl: 'https://api.security.microsoft.com' }));
const sentinel = () => guardProvider(new SentinelProvider({ getToken, workspaceId: DEMO_WORKSPACE_ID }));


/** microsoftgraph/microsoft-graph-docs-contrib, api-reference/v1.0/api/security-security-runhuntingquery.md (Example 1). */
const HUNTING_EXAMPLE = {
  '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#microsoft.graph.security.huntingQueryResults',
  schema: [
    { name: 'Timestamp', type: 'DateTime' },
    { name: 'FileName', type: 'String' },
    { name: 'InitiatingProcessFileName', type: 'String' },
  ],
  results: [
    { Timestamp: '2024-03-26T09:39:50.7688641Z', FileName: 'cmd.exe', InitiatingProcessFileName: 'powershell.exe' },
    { Timestamp: '2024-03-26T09:39:49.4353788Z', FileName: 'cmd.exe', InitiatingProcessFileName: 'powershell.exe' },
  ],
};

/** The same page's final "Response" block: capitalised schema keys, no @odata.context. */
const HUNTING_EXAMPLE_CAPITALISED = {
  schema: [{ Name: 'Timestamp', Type: 'DateTime' }],
  results: [{ Timestamp: '2020-08-30T06:38:35.7664356Z', FileName: 'conhost.exe', InitiatingProcessFileName: 'powershell.exe' }],
};

/** microsoft-graph-docs-contrib, api-reference/v1.0/api/security-whoisrecord-get.md (registrar, admin, technical elided as there). */
const WHOIS_EXAMPLE = {
  '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#microsoft.graph.security.whoisRecord',
  id: 'Y29udG9zby5jb20kJDY5NjQ3ODEyMDc3NDY1NzI0MzM=',
  expirationDateTime: '2023-08-31T00:00:00Z',
  registrationDateTime: '2022-07-30T09:43:19Z',
  firstSeenDateTime: null,
  lastSeenDateTime: null,
  lastUpdateDateTime: '2023-06-24T08:34:15.984Z',
  billing: null,
  noc: null,
  zone: null,
  whoisServer: 'rdap.markmonitor.com',
  domainStatus: 'client update prohibited,client transfer prohibited,client delete prohibited',
  abuse: { email: 'abusecomplaints@markmonitor.com', name: null, organization: null, telephone: '+1.5555555555', fax: null, address: { city: null, countryOrRegion: null, postalCode: null, state: null, street: null } },
  registrant: {
    email: 'domains@microsoft.com',
    name: 'Domain Administrator',
    organization: 'Microsoft Corporation',
    telephone: '+1.5555555555',
    fax: '+1.5555555555',
    address: { city: 'Redmond', countryOrRegion: 'US', postalCode: '98052', state: 'WA', street: 'One Microsoft Way' },
  },
  nameservers: [{ firstSeenDateTime: null, lastSeenDateTime: null, host: { id: 'ns1-205.azure-dns.com' } }],
  host: { '@odata.type': '#microsoft.graph.security.host', id: 'contoso.com' },
};

/** MicrosoftDocs/defender-docs, defender-endpoint/api/get-ip-statistics.md. */
const IP_STATS_EXAMPLE = {
  '@odata.context': 'https://api.security.microsoft.com/api/$metadata#microsoft.windowsDefenderATP.api.InOrgIPStats',
  ipAddress: '10.209.67.177',
  organizationPrevalence: 63515,
  orgFirstSeen: '2017-07-30T13:36:06Z',
  orgLastSeen: '2017-08-29T13:32:59Z',
};

/** defender-docs, defender-endpoint/api/get-machine-group-exposure-score.md. */
const EXPOSURE_EXAMPLE = {
  '@odata.context': 'https://api.securitycenter.microsoft.com/api/$metadata#ExposureScore',
  value: [
    { time: '2019-12-03T09:51:28.214338Z', score: 41.38041766305988, rbacGroupName: 'GroupOne' },
    { time: '2019-12-03T09:51:28.2143399Z', score: 37.403726933165366, rbacGroupName: 'GroupTwo' },
  ],
};

/**
 * defender-docs, defender-endpoint/api/get-ti-indicators-collection.md (Response example 1, its
 * IpAddress indicator). The doc's `"lastUpdatedBy": TestPrdApp` is not JSON; quoted here.
 */
const INDICATOR_EXAMPLE = {
  id: '995',
  indicatorValue: '12.13.14.15',
  indicatorType: 'IpAddress',
  action: 'Alert',
  application: 'demo-test',
  source: 'TestPrdApp',
  sourceType: 'AadApp',
  title: 'test',
  creationTimeDateTimeUtc: '2018-10-24T11:15:35.3688259Z',
  createdBy: '45097602-1234-5678-1234-9f453233e62c',
  expirationTime: '2020-12-12T00:00:00Z',
  lastUpdateTime: '2019-10-24T10:54:23.2009016Z',
  lastUpdatedBy: 'TestPrdApp',
  severity: 'Informational',
  description: 'test',
  recommendedActions: 'test',
  rbacGroupNames: [],
};

/** microsoft-graph-docs-contrib, concepts/json-batching.md: an inner 403 inside a 200 batch. */
const BATCH_DENIED = {
  status: 403,
  headers: { 'Cache-Control': 'no-cache', 'x-ms-resource-unit': '1', 'Content-Type': 'application/json' },
  body: { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.', innerError: { date: '2025-02-13T10:17:06', 'request-id': '93b6f17e-c05d-4f45-ad2a-6665c708d8a0', 'client-request-id': 'e70c5c1b-8b47-68c0-3171-3d22f5e0bd54' } } },
};

/** MicrosoftDocs/azure-monitor-docs, articles/azure-monitor/logs/api/response-format.md. */
const LA_EXAMPLE = {
  tables: [
    {
      name: 'PrimaryResult',
      columns: [
        { name: 'Category', type: 'string' },
        { name: 'count_', type: 'long' },
      ],
      rows: [
        ['Administrative', 20839],
        ['Recommendation', 122],
        ['Alert', 64],
        ['ServiceHealth', 11],
      ],
    },
  ],
};

/** A syntax error as api.loganalytics.io answered it (Azure SDK for JS monitor-query test recording; the errors doc shows the outer part). */
const LA_SYNTAX_ERROR = {
  error: {
    message: 'The request had some invalid properties',
    code: 'BadArgumentError',
    correlationId: '2309fab1-38ff-478f-b49c-5f022a3a21ac',
    innererror: { code: 'SyntaxError', message: 'A recognition error occurred in the query.', innererror: { code: 'SYN0002', message: "Query could not be parsed at 'invalid' on line [1,11]", line: 1, pos: 11, token: 'invalid' } },
  },
};

/** MicrosoftDocs/azure-docs, articles/sentinel/geolocation-data-api.md (its two missing commas added). */
const GEODATA_EXAMPLE = {
  asn: '12345',
  carrier: 'Microsoft',
  city: 'Redmond',
  cityCf: 90,
  continent: 'north america',
  country: 'united states',
  countryCf: 99,
  ipAddr: '1.2.3.4',
  ipRoutingType: 'fixed',
  latitude: '40.2436',
  longitude: '-100.8891',
  organization: 'Microsoft',
  organizationType: 'tech',
  region: 'western usa',
  state: 'washington',
  stateCf: null,
  stateCode: 'wa',
};

describe('Microsoft’s documented example responses, read by the providers', () => {
  useMockApi();

  it('reads advanced hunting results in both spellings the runHuntingQuery page shows', () => {
    const rows = huntingRows(HUNTING_EXAMPLE);
    expect(rows.map((r) => text(r, 'FileName'))).to.deep.equal(['cmd.exe', 'cmd.exe']);
    expect(text(rows[0]!, 'Timestamp')).to.equal('2024-03-26T09:39:50.7688641Z');
    expect(text(huntingRows(HUNTING_EXAMPLE_CAPITALISED)[0]!, 'InitiatingProcessFileName')).to.equal('powershell.exe');
  });

  it('reads a Log Analytics answer as the response-format page shows it', () => {
    const rows = logAnalyticsRows(LA_EXAMPLE);
    expect(rows.map((r) => text(r, 'Category'))).to.deep.equal(['Administrative', 'Recommendation', 'Alert', 'ServiceHealth']);
    expect(number(rows[0]!, 'count_')).to.equal(20839);
  });

  it('reads the WHOIS record: the registrant’s country from its address, the dates, the abuse contact', async () => {
    worker.use(http.get('https://graph.microsoft.com/v1.0/security/threatIntelligence/hosts/:ip/whois', () => HttpResponse.json(WHOIS_EXAMPLE)));
    const d = await defender().getIpDetails(IP, o());
    expect(d.whois).to.include({ country: 'US', organization: 'Microsoft Corporation', registrant: 'Domain Administrator', abuseContact: 'abusecomplaints@markmonitor.com' });
    expect(Date.parse(d.whois!.created!)).to.equal(Date.parse('2022-07-30T09:43:19Z'));
    expect(Date.parse(d.whois!.updated!)).to.equal(Date.parse('2023-06-24T08:34:15.984Z'));
  });

  it('reads the IP statistics and the device groups of the Defender for Endpoint examples', async () => {
    worker.use(
      http.get('https://api.security.microsoft.com/api/ips/:ip/stats', () => HttpResponse.json(IP_STATS_EXAMPLE)),
      http.get('https://api.security.microsoft.com/api/exposureScore/ByMachineGroups', () => HttpResponse.json(EXPOSURE_EXAMPLE)),
    );
    const p = defender();
    const summary = await p.getSecuritySummary(IP, range, o());
    expect(summary.organizationPrevalence).to.equal(63515);
    expect(Date.parse(summary.firstSeen!)).to.equal(Date.parse('2017-07-30T13:36:06Z'));
    expect(Date.parse(summary.lastSeen!)).to.equal(Date.parse('2017-08-29T13:32:59Z'));
    expect(await p.listDeviceGroups!(o())).to.deep.equal(['GroupOne', 'GroupTwo']);
  });

  it('reads the indicator the indicators API returns', async () => {
    worker.use(http.post('https://api.security.microsoft.com/api/indicators', () => HttpResponse.json(INDICATOR_EXAMPLE)));
    const indicator = await defender().addIndicator!({ indicatorValue: '12.13.14.15', indicatorType: 'IpAddress', action: 'Audit', title: 'test', description: 'test', generateAlert: true }, o());
    expect(indicator).to.include({ id: '995', indicatorValue: '12.13.14.15', action: 'Alert', title: 'test' });
  });

  it('lists an alert Graph refuses inside a batch (403, as the batching page shows) as hunting knows it, not as missing', async () => {
    worker.use(
      http.post('https://graph.microsoft.com/v1.0/$batch', async ({ request }) => {
        const { requests } = (await request.json()) as { requests: Array<{ id: string }> };
        return HttpResponse.json({ responses: requests.map((r) => ({ id: r.id, ...BATCH_DENIED })) });
      }),
    );
    const page = await defender().listAlerts(IP, { range, offset: 0, limit: 100 }, o());
    expect(page.items.length).to.be.greaterThan(0);
    expect(page.incomplete, 'refused is not throttled').to.equal(undefined);
    expect(page.items.every((a) => a.kind === 'alert'), 'no incident without its Graph answer').to.equal(true);
  });

  it('says where Log Analytics could not parse a query, from the innermost error', async () => {
    worker.use(http.post('https://api.loganalytics.io/v1/workspaces/:id/query', () => HttpResponse.json(LA_SYNTAX_ERROR, { status: 400 })));
    const error = await dataError(sentinel().getTimeline!(IP, range, o()));
    expect(error.kind).to.equal('invalid-input');
    expect(error.message).to.contain('The request had some invalid properties.').and.to.contain("Query could not be parsed at 'invalid' on line [1,11]");
  });

  it('reads the geodata enrichment example: numbers sent as text, the place names as given', async () => {
    worker.use(http.get('https://management.azure.com/subscriptions/:sub/resourceGroups/:rg/providers/Microsoft.SecurityInsights/enrichment/ip/geodata/', () => HttpResponse.json(GEODATA_EXAMPLE)));
    const p = guardProvider(new SentinelProvider({ getToken, workspaceId: DEMO_WORKSPACE_ID, subscriptionId: 'sub-1', resourceGroup: 'soc', workspaceName: 'ws' }));
    const d = await p.getIpDetails(IP, o());
    expect(d).to.include({ asn: 12345, city: 'Redmond', state: 'washington', country: 'united states', carrier: 'Microsoft', organization: 'Microsoft', latitude: 40.2436, longitude: -100.8891 });
  });
});
