/**
 * The largest answer each KQL query of the Defender XDR and Sentinel providers can get, worked
 * out from what Microsoft's analyser says its result columns are and from the query's own row
 * limit and text cuts — never from the mock's data — stays under the most this page reads of an
 * answer (20 MB, `http.ts`). Advanced hunting sends up to 100,000 rows (124 MB) and Log Analytics
 * up to 500,000 (64 MB): without this, a busy IP could fail a tab on size alone.
 *
 * Sizes are JSON bytes as each service writes rows: Graph's hunting answer has one object per row
 * (every column name in every row), Log Analytics' one array per row. Text counts 3 bytes per
 * character (UTF-8's most for one UTF-16 unit, as KQL counts characters; `\"` and `\\` are 2); the
 * six-byte `\u0001` escapes of control characters are not counted. Text is bounded only by a cut
 * in the query's last stage (mocks/kql/clips.ts), a string literal, or a documented fixed format.
 */
import { expect } from '@open-wc/testing';
import * as defender from '../../src/providers/defender/queries.js';
import * as sentinel from '../../src/providers/sentinel/queries.js';
import { trafficQuery as sentinelTrafficQuery } from '../../src/providers/sentinel/traffic-query.js';
import * as sentinelAccounts from '../../src/providers/sentinel/account-queries.js';
import { DEFAULT_MAX_BYTES } from '../../src/providers/http.js';
import { finalClips } from '../../mocks/kql/clips.js';
import { analyzeKql, type KqlService } from '../helpers/kql.js';

const DAY = 86_400_000;
const range = { from: new Date(Date.now() - 90 * DAY), to: new Date() };
const ip = '2001:db8:85a3::8a2e:370:7334';

/** JSON text of a value of each fixed-size KQL type, at its longest. */
const TYPE_BYTES: Record<string, number> = {
  datetime: 30, // "2026-12-05T21:12:45.1234567Z"
  long: 20,
  int: 11,
  real: 24,
  bool: 5,
  guid: 38,
  timespan: 29,
  decimal: 42,
};

/** Text columns of a fixed format (ASCII), by name: their longest form. */
const FORMATS: Record<string, { chars: number; why: string }> = {
  DeviceId: { chars: 40, why: 'Defender device ids are SHA-1 hex' },
  SHA256: { chars: 64, why: 'SHA-256 hex' },
  InitiatingProcessSHA256: { chars: 64, why: 'SHA-256 hex' },
  LocalIP: { chars: 45, why: 'the longest text form of an IPv6 address with an IPv4 tail' },
  RemoteIP: { chars: 45, why: 'the longest text form of an IPv6 address with an IPv4 tail' },
  AlertId: { chars: 64, why: 'Defender alert ids (`da…_…`, `ed…`, GUIDs) are under 40 characters in every documented example' },
};

interface Case {
  name: string;
  service: KqlService;
  query: string;
  /** The row limit when the query's last line is not `top` / `take` / `limit`, and why. */
  rows?: number;
}

function cases(): Case[] {
  const d = (name: string, query: string, rows?: number): Case => ({ name: `defender ${name}`, service: 'defender', query, rows });
  const s = (name: string, query: string, rows?: number): Case => ({ name: `sentinel ${name}`, service: 'logAnalytics', query, rows });
  const hourly = Math.ceil((range.to.getTime() - range.from.getTime()) / 3_600_000) + 1;
  const daily = Math.ceil((range.to.getTime() - range.from.getTime()) / DAY) + 1;
  const ids = Array.from({ length: 100 }, (_, i) => i.toString(16).padStart(40, '0'));
  return [
    d('devices', defender.devicesQuery(ip, range)),
    d('accounts', defender.accountsQuery(ip, range)),
    s('accounts', sentinelAccounts.accountsQuery(ip, range)),
    d('traffic', defender.trafficQuery(ip, range)),
    s('traffic', sentinelTrafficQuery(ip, range)),
    d('device details (last seen)', defender.deviceDetailsQuery(ip, range)),
    d('device details (a page)', defender.deviceDetailsQuery(ip, range, ids)),
    d('device events', defender.deviceEventsQuery(ip, ids[0]!, range)),
    d('device search', defender.deviceSearchQuery(ip, range, 'powershell')),
    // One row per bin of the range.
    d('prevalence', defender.prevalenceQuery(ip, range, 'hour'), hourly),
    // The most recent alerts, and a count per severity (AlertInfo has five).
    d('alerts', defender.alertsQuery(ip, range), defender.ALERT_ROWS + 5),
    // One row per table the union names (six).
    d('log activity', defender.logActivityQuery(ip, range), 6),
    d('logged hosts', defender.loggedHostsQuery(ip, range)),
    d('device groups', defender.deviceGroupsQuery(range)),
    s('timeline', sentinel.timelineQuery(ip, range, 100_000)),
    s('log activity', sentinel.logActivityQuery(ip, range), 8),
    s('logged hosts', sentinel.loggedHostsQuery(ip, range)),
    s('alerts', sentinel.alertsQuery(ip, range, 100_000)),
    s('devices', sentinel.devicesQuery(ip, range)),
    s('device details', sentinel.deviceDetailsQuery(ip, range, ids)),
    s('device search', sentinel.deviceSearchQuery(ip, range, 'powershell')),
    s('prevalence', sentinel.prevalenceQuery(ip, range, 'hour'), hourly),
    s('indicators', sentinel.indicatorsQuery(ip, range)),
    ...sentinel.INSIGHTS.map((i) => s(`insight ${i.id}`, i.query(ip, range), i.chart ? daily : undefined)),
  ];
}

/** The row limit of the query's last line. */
function rowLimit(query: string): number | undefined {
  const last = query.trim().split('\n').at(-1)!.trim();
  const m = /^\|\s*(?:top|take|limit)\s+(\d+)\b/.exec(last);
  return m ? Number(m[1]) : undefined;
}

/** The longest string literal every assignment of `column` in the query is, if each is one. */
function literalChars(query: string, column: string): number | undefined {
  const assignments = [...query.matchAll(new RegExp(`(?<![\\w.])${column} = ("(?:[^"\\\\]|\\\\.)*"|[^,\\n)]+)`, 'g'))].map((m) => m[1]!);
  if (!assignments.length || !assignments.every((a) => a.startsWith('"'))) return undefined;
  return Math.max(...assignments.map((a) => a.length - 2));
}

interface Size {
  bytes: number;
  rows: number;
  unbounded: string[];
}

function worstCase(c: Case, columns: ReadonlyArray<{ name: string; type: string }>): Size {
  const rows = rowLimit(c.query) ?? c.rows;
  const clips = finalClips(c.query);
  const unbounded: string[] = [];
  if (rows === undefined) unbounded.push('(rows: no top / take on the last line)');
  let row = 2 + Math.max(0, columns.length - 1);
  for (const { name, type } of columns) {
    if (c.service === 'defender') row += name.length + 3;
    const clip = clips.get(name);
    if (clip) row += clip.max * 3 + 2;
    else if (TYPE_BYTES[type] !== undefined) row += TYPE_BYTES[type]!;
    else if (type === 'string' && FORMATS[name]) row += FORMATS[name]!.chars + 2;
    else if (type === 'string' && literalChars(c.query, name) !== undefined) row += literalChars(c.query, name)! * 3 + 2;
    else unbounded.push(`${name}:${type}`);
  }
  return { bytes: 64 * 1024 + row * (rows ?? 0), rows: rows ?? 0, unbounded };
}

describe('The largest answer each KQL query can get', function () {
  this.timeout(60_000);

  it('stays under the largest answer the page reads, every text column bounded', async () => {
    const problems: string[] = [];
    for (const c of cases()) {
      const answer = await analyzeKql(c.query, c.service);
      expect(answer.diagnostics, c.name).to.deep.equal([]);
      const size = worstCase(c, answer.columns);
      if (size.unbounded.length) problems.push(`${c.name}: unbounded ${size.unbounded.join(', ')}`);
      else if (size.bytes > DEFAULT_MAX_BYTES) problems.push(`${c.name}: up to ${(size.bytes / 1024 / 1024).toFixed(1)} MB (${size.rows} rows)`);
    }
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });

  it('reads a cut only where the query’s last stage makes it', () => {
    const tail = '| extend Title = substring(Title, 0, 300), Tags = iff(strlen(tostring(Tags)) <= 500, Tags, dynamic(null))\n| top 10 by Time desc';
    expect([...finalClips(`T\n${tail}`)]).to.deep.equal([['Title', { max: 300, whole: false }], ['Tags', { max: 500, whole: true }]]);
    // A later stage could undo the cut (here: project a longer column into its place).
    expect(finalClips(`T\n${tail.replace('\n', '\n| project Title = Description, Tags\n')}`).size).to.equal(0);
    // A cut of one column into another's name is no cut of it.
    expect(finalClips('T\n| extend Title = substring(Description, 0, 9)').size).to.equal(0);
  });
});
