/**
 * Every KQL text the Defender XDR and Sentinel providers can send, and every hunting query the page
 * offers to copy or open, as Microsoft's own parser and analyser (Kusto.Language, over the tables'
 * documented schemas, mocks/kql/schemas.json) reads it: no diagnostic; no `union` that splits a
 * column into `X_string` / `X_dynamic`; the same result shape whatever hostile text a value holds.
 */
import { expect } from '@open-wc/testing';
import * as defender from '../../src/providers/defender/queries.js';
import * as sentinel from '../../src/providers/sentinel/queries.js';
import { trafficQuery as sentinelTrafficQuery } from '../../src/providers/sentinel/traffic-query.js';
import * as sentinelAccounts from '../../src/providers/sentinel/account-queries.js';
import { bookmarkQuery } from '../../src/providers/sentinel/workspace-actions.js';
import { tiProfilesQuery } from '../../src/providers/sentinel/threat-intel.js';
import { alertCountsQuery } from '../../src/providers/sentinel/alert-counts.js';
import { huntingQuery, HUNTING_KINDS } from '../../src/lib/hunting.js';
import { analyzeKql, type KqlAnswer, type KqlService } from '../helpers/kql.js';

const DAY = 86_400_000;
const range = { from: new Date(Date.now() - 30 * DAY), to: new Date() };
const IPS = ['203.0.113.7', '2001:db8:85a3::8a2e:370:7334', '::ffff:198.51.100.23'];
/** Text a value may hold: quotes, backslashes, line breaks, pipes, comments, verbatim-string starts, KQL keywords. */
const HOSTILE = ['plain', 'a"b', 'a\\b', 'a\\"b', "it's", 'line\nbreak', 'tab\there', '| take 1', '// comment', '@"verbatim', '"); DeviceInfo | take 1 //', 'to', 'let'];

interface Case {
  name: string;
  service: KqlService;
  query: string;
  /** Queries that must have the same result shape (the same query with other values). */
  family?: string;
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const ip of IPS) {
    const d = (name: string, query: string, family = name) => out.push({ name: `defender ${name} (${ip})`, service: 'defender', query, family: `defender ${family}` });
    const s = (name: string, query: string, family = name) => out.push({ name: `sentinel ${name} (${ip})`, service: 'logAnalytics', query, family: `sentinel ${family}` });
    d('devices', defender.devicesQuery(ip, range));
    d('accounts', defender.accountsQuery(ip, range));
    d('traffic', defender.trafficQuery(ip, range));
    s('traffic', sentinelTrafficQuery(ip, range));
    s('bookmark', bookmarkQuery(ip, range));
    s('ti profiles', tiProfilesQuery(ip, range));
    s('alert counts', alertCountsQuery(ip, range));
    s('indicators', sentinel.indicatorsQuery(ip, range));
    s('accounts', sentinelAccounts.accountsQuery(ip, range));
    d('device details', defender.deviceDetailsQuery(ip, range));
    s('device details', sentinel.deviceDetailsQuery(ip, range));
    d('prevalence hourly', defender.prevalenceQuery(ip, range, 'hour'));
    d('prevalence daily', defender.prevalenceQuery(ip, range, 'day'));
    d('alerts', defender.alertsQuery(ip, range));
    d('log activity', defender.logActivityQuery(ip, range));
    d('logged hosts', defender.loggedHostsQuery(ip, range));
    s('timeline', sentinel.timelineQuery(ip, range));
    s('log activity', sentinel.logActivityQuery(ip, range));
    s('logged hosts', sentinel.loggedHostsQuery(ip, range));
    s('alerts', sentinel.alertsQuery(ip, range));
    s('devices', sentinel.devicesQuery(ip, range));
    s('prevalence hourly', sentinel.prevalenceQuery(ip, range, 'hour'));
    s('prevalence daily', sentinel.prevalenceQuery(ip, range, 'day'));
    for (const insight of sentinel.INSIGHTS) s(`insight ${insight.id}`, insight.query(ip, range));
    // Hostile text once per query family, over the first IP form: the IP forms are what the cases
    // above vary, a value's text is what these do (the cross product took a third of the suite's
    // slowest file for no query the others miss).
    for (const text of ip === IPS[0] ? HOSTILE : []) {
      d(`device events “${text}”`, defender.deviceEventsQuery(ip, text, range), 'device events');
      d(`device details “${text}”`, defender.deviceDetailsQuery(ip, range, ['a'.repeat(40), text]), 'device details');
      s(`device details “${text}”`, sentinel.deviceDetailsQuery(ip, range, ['a'.repeat(40), text]), 'device details');
      d(`device search “${text}”`, defender.deviceSearchQuery(ip, range, text), 'device search');
      d(`alerts filtered “${text}”`, defender.alertsQuery(ip, range, { severity: ['High', text], category: [text] }), 'alerts');
      s(`device search “${text}”`, sentinel.deviceSearchQuery(ip, range, text), 'device search');
    }
    for (const kind of HUNTING_KINDS) {
      out.push({ name: `hunting ${kind} for Defender (${ip})`, service: 'defender', query: huntingQuery(ip, range, 'kql-defender', kind) });
      out.push({ name: `hunting ${kind} for Sentinel (${ip})`, service: 'logAnalytics', query: huntingQuery(ip, range, 'kql-sentinel', kind) });
    }
  }
  out.push({ name: 'defender device groups', service: 'defender', query: defender.deviceGroupsQuery(range) });
  return out;
}

/** Columns a `union` split by type: `X_string` beside `X_dynamic` (or any two of one name). */
function splitColumns(answer: KqlAnswer): string[] {
  const typed = /^(.*)_(string|dynamic|int|long|real|bool|datetime|guid|timespan|decimal)$/;
  const bases = new Map<string, string[]>();
  for (const c of answer.columns) {
    const m = typed.exec(c.name);
    if (m) bases.set(m[1]!, [...(bases.get(m[1]!) ?? []), c.name]);
  }
  return [...bases.values()].filter((names) => names.length > 1).flat();
}

describe('KQL the providers send, as Microsoft’s analyser reads it', function () {
  this.timeout(120_000);
  const all = cases();

  it('has no diagnostic and splits no column', async () => {
    const problems: string[] = [];
    const shapes = new Map<string, { name: string; columns: string }>();
    for (const c of all) {
      const answer = await analyzeKql(c.query, c.service);
      for (const d of answer.diagnostics) problems.push(`${c.name}: ${d.severity} ${d.code} ${d.message} at «${c.query.slice(d.start, d.start + Math.max(d.length, 12)).replace(/\s+/g, ' ')}»`);
      const split = splitColumns(answer);
      if (split.length) problems.push(`${c.name}: union splits ${split.join(', ')}`);
      if (c.family && !answer.diagnostics.length) {
        const columns = answer.columns.map((x) => `${x.name}:${x.type}`).join(',');
        const first = shapes.get(c.family);
        if (!first) shapes.set(c.family, { name: c.name, columns });
        else if (first.columns !== columns) problems.push(`${c.name}: result shape differs from ${first.name}`);
      }
    }
    // One line per query family and problem (the same query with other values says the same).
    const unique = [...new Set(problems.map((p) => p.replace(/ \([^)]*\)(?=:)/, '').replace(/ “[^”]*”(?=:)/s, '')))];
    expect(unique, `${unique.length} problems in ${all.length} queries:\n${unique.join('\n')}`).to.deep.equal([]);
  });

  it('builds a host’s custom-table insight that Microsoft’s analyser accepts over the host’s own table, with its names quoted', async () => {
    const vt = sentinel.customTableInsight({ id: 'virustotal', title: 'VirusTotal IP address', table: 'VirusTotal_IP_CL', ipColumn: 'ip_s', columns: { Malicious: 'malicious_d', Owner: 'as_owner_s' } });
    const workspace = { VirusTotal_IP_CL: { TimeGenerated: 'datetime', ip_s: 'string', malicious_d: 'real', as_owner_s: 'string' } };
    const answer = await analyzeKql(vt.query(IPS[0]!, range), 'logAnalytics', workspace);
    expect(answer.diagnostics).to.deep.equal([]);
    expect(answer.columns.map((c) => c.name)).to.deep.equal(['Malicious', 'Owner', 'LastSeen']);
    // Without the host's table, the analyser (and so the service) refuses it: it is never on by default.
    expect((await analyzeKql(vt.query(IPS[0]!, range), 'logAnalytics')).diagnostics[0]!.code).to.equal('KS204');
    for (const bad of ['ip_s; DeviceInfo', "x']", '']) expect(() => sentinel.customTableInsight({ id: 'x', title: 'x', table: 'T_CL', ipColumn: bad, columns: { A: 'a' } }), bad).to.throw(TypeError);
  });
});
