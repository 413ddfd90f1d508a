#!/usr/bin/env node
// build-schemas.mjs — rebuild schemas.json (table -> column -> KQL type) from
// Microsoft's own documentation markdown.
//
// Self-contained: Node >= 20, no npm dependencies. Reads documentation with
// `git show <rev>:<path>` from a git directory (bare or not), or — when no git
// snapshot of a repository can be had — from a plain directory that holds the
// markdown files plus a manifest.json naming the upstream repo and the commit
// each file was read at (see sources/defender-docs/manifest.json).
//
// Usage:
//   node build-schemas.mjs <defenderSource> <logAnalyticsSource> [options]
//
//   <defenderSource>      git dir of MicrosoftDocs/defender-docs, or a files dir
//                         with manifest.json (files under defender-xdr/...)
//   <logAnalyticsSource>  git dir of a repo holding the Azure Monitor Logs table
//                         reference. Supported layouts:
//                           azure-monitor-ref/tables/<table>.md (+ ./includes/<table>-include.md)
//                             (MicrosoftDocs/azure-reference-other, until 2024-11-21)
//                           articles/azure-monitor/reference/tables/<table>.md
//                             (MicrosoftDocs/azure-monitor-docs; its column tables live in
//                              ~/reusable-content/... includes, resolvable only with
//                              --reusable-content <dir>)
//                         or a files dir with manifest.json.
//
// Options:
//   --defender-rev <rev>        git revision for the defender source (default HEAD)
//   --la-rev <rev>              git revision for the Log Analytics source (default HEAD;
//                               if HEAD no longer has the table folder, the parent of the
//                               commit that removed it is used automatically)
//   --defender-repo <owner/name> repo name written in "source" (default: derived from a
//                               /work/.mirror/<owner>+<name>/ path, else MicrosoftDocs/defender-docs)
//   --la-repo <owner/name>      likewise (default MicrosoftDocs/azure-reference-other)
//   --reusable-content <dir>    directory (git dir or checkout) standing for ~/reusable-content
//   --tables <file.json>        {"defender":[...],"logAnalytics":[...]} instead of the built-in list
//   --read <YYYY-MM-DD>         value of "read" (default: today, UTC)
//   --out <file>                write schemas.json here (default: stdout)
//   --report <file>             write a per-table diagnostics report (JSON)
//   --strict                    exit 1 if any table is missing or any type is unrecognised
//
// Output shape:
//   { "defender": { "<Table>": { "source": "<repo>:<path>@<sha>", "read": "<date>",
//                                "columns": { "<Column>": "<kql type>" } } },
//     "logAnalytics": { ... } }

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// ---------------------------------------------------------------- table list
const DEFAULT_TABLES = {
  defender: [
    'DeviceNetworkEvents', 'DeviceEvents', 'DeviceInfo', 'DeviceNetworkInfo',
    'DeviceLogonEvents', 'DeviceProcessEvents', 'DeviceFileEvents',
    'AlertInfo', 'AlertEvidence', 'IdentityLogonEvents', 'EmailEvents',
    'CloudAppEvents', 'UrlClickEvents', 'DeviceTvmSoftwareInventory',
    'AADSignInEventsBeta', 'EntraIdSignInEvents', 'IdentityInfo',
  ],
  logAnalytics: [
    'SecurityAlert', 'SecurityIncident', 'SecurityEvent', 'SigninLogs',
    'AADNonInteractiveUserSignInLogs', 'CommonSecurityLog', 'Syslog',
    'OfficeActivity', 'Heartbeat', 'Anomalies', 'HuntingBookmark', 'Watchlist',
    'ThreatIntelligenceIndicator', 'ThreatIntelIndicators', 'ThreatIntelObjects',
    'BehaviorAnalytics', 'AzureActivity', 'W3CIISLog', 'DnsEvents',
    'AzureDiagnostics', 'VMConnection', 'WindowsEvent', 'ASimNetworkSessionLogs', 'AuditLogs',
    // Defender XDR tables as they exist in Log Analytics / Microsoft Sentinel
    'DeviceNetworkEvents', 'DeviceEvents', 'DeviceInfo', 'DeviceNetworkInfo',
    'DeviceLogonEvents', 'DeviceProcessEvents', 'DeviceFileEvents',
    'AlertInfo', 'AlertEvidence', 'IdentityLogonEvents', 'EmailEvents',
    'CloudAppEvents', 'UrlClickEvents', 'DeviceTvmSoftwareInventory',
    'AADSignInEventsBeta', 'EntraIdSignInEvents', 'IdentityInfo',
  ],
};

// ------------------------------------------------------- type normalisation
// Docs spellings -> KQL scalar type names. Keys are lower-cased, backticks and
// surrounding whitespace removed.
const TYPE_MAP = new Map(Object.entries({
  string: 'string', str: 'string',
  datetime: 'datetime', date: 'datetime',
  int: 'int', int32: 'int', integer: 'int',
  long: 'long', int64: 'long', bigint: 'long',
  real: 'real', double: 'real', float: 'real', decimal: 'real',
  bool: 'bool', boolean: 'bool',
  dynamic: 'dynamic',
  guid: 'guid', uniqueidentifier: 'guid', uuid: 'guid',
  timespan: 'timespan', time: 'timespan',
}));
// Spellings that are normalised but worth listing in NOTES (everything that is
// not already the exact KQL name).
const KQL_NAMES = new Set(['string', 'datetime', 'int', 'long', 'real', 'bool', 'dynamic', 'guid', 'timespan']);

// Explicit, documented overrides for cells the docs leave empty or unusable.
// Each entry cites the doc text that justifies the type.
const TYPE_OVERRIDES = {
  'logAnalytics.AzureDiagnostics.AdditionalFields': {
    type: 'dynamic',
    why: 'Type cell is empty in the AzureDiagnostics column table; the same page says excess data "is added to a dynamic property bag column called **AdditionalFields**".',
  },
};

// ------------------------------------------------------------------ helpers
function parseArgs(argv) {
  const opts = { positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const key = a.slice(2);
      if (key === 'strict') { opts.strict = true; continue; }
      const val = argv[++i];
      if (val === undefined) throw new Error(`missing value for ${a}`);
      opts[key] = val;
    } else opts.positional.push(a);
  }
  return opts;
}

function git(dir, args, { allowFail = false } = {}) {
  try {
    return execFileSync('git', ['-C', dir, ...args], {
      encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (e) {
    if (allowFail) return null;
    throw new Error(`git -C ${dir} ${args.join(' ')} failed: ${e.stderr || e.message}`);
  }
}

function isGitDir(dir) {
  if (fs.existsSync(path.join(dir, 'manifest.json'))) return false;
  const out = git(dir, ['rev-parse', '--git-dir'], { allowFail: true });
  return out !== null;
}

function repoFromMirrorPath(dir) {
  const m = /\/([A-Za-z0-9_.-]+)\+([A-Za-z0-9_.-]+)(?:\/|$)/.exec(path.resolve(dir));
  return m ? `${m[1]}/${m[2]}` : null;
}

// A "Source" reads files by repo-relative path and knows each file's commit.
function openSource(dir, { rev, repo, probePath, label }) {
  if (!dir) throw new Error(`no ${label} source given`);
  if (isGitDir(dir)) {
    let useRev = rev || 'HEAD';
    let revNote = null;
    if (probePath && !rev) {
      const has = git(dir, ['cat-file', '-e', `${useRev}:${probePath}`], { allowFail: true }) !== null;
      if (!has) {
        // Folder removed upstream: use the parent of the commit that removed it.
        const last = git(dir, ['log', '-1', '--format=%H', useRev, '--', probePath], { allowFail: true });
        if (last && last.trim()) {
          useRev = `${last.trim()}^`;
          revNote = `${probePath} absent at HEAD; using parent of removal commit ${last.trim()}`;
        }
      }
    }
    const commit = git(dir, ['rev-parse', `${useRev}^{commit}`]).trim();
    const repoName = repo || repoFromMirrorPath(dir);
    return {
      kind: 'git', dir, commit, repo: repoName, revNote,
      exists: (p) => git(dir, ['cat-file', '-e', `${commit}:${p}`], { allowFail: true }) !== null,
      read: (p) => git(dir, ['show', `${commit}:${p}`]),
      commitOf: () => commit,
      lastChanged: (p) => (git(dir, ['log', '-1', '--format=%H %cs', commit, '--', p], { allowFail: true }) || '').trim() || null,
      describe: () => ({ kind: 'git', dir, commit, repo: repoName, revNote }),
    };
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const repoName = repo || manifest.repo;
  return {
    kind: 'files', dir, repo: repoName, manifest,
    exists: (p) => Boolean(manifest.files?.[p]) && fs.existsSync(path.join(dir, p)),
    read: (p) => fs.readFileSync(path.join(dir, p), 'utf8'),
    commitOf: (p) => manifest.files[p].commit,
    lastChanged: (p) => (manifest.files[p].msDate ? `${manifest.files[p].commit} (ms.date ${manifest.files[p].msDate})` : null),
    describe: () => ({ kind: 'files', dir, repo: repoName }),
  };
}

// ------------------------------------------------------------ md parsing
function splitRow(line) {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  const cells = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '\\' && s[i + 1] === '|') { cur += '|'; i++; continue; }
    if (ch === '|') { cells.push(cur); cur = ''; continue; }
    cur += ch;
  }
  cells.push(cur);
  return cells.map((c) => c.trim());
}

const isSeparator = (line) => /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line);
const plain = (cell) => cell.replace(/`/g, '').replace(/\*\*/g, '').trim().toLowerCase();
const NAME_HEADERS = new Set(['column', 'column name', 'columnname', 'name', 'field']);
const TYPE_HEADERS = new Set(['type', 'data type', 'datatype']);

// Returns all column tables in a markdown text: [{ startLine, rows:[{name,rawName,rawType,line}] }]
function findColumnTables(md) {
  const lines = md.split(/\r?\n/);
  const tables = [];
  for (let i = 0; i < lines.length - 1; i++) {
    if (!lines[i].trim().startsWith('|')) continue;
    const head = splitRow(lines[i]);
    if (head.length < 2) continue;
    if (!NAME_HEADERS.has(plain(head[0])) || !TYPE_HEADERS.has(plain(head[1]))) continue;
    if (!isSeparator(lines[i + 1])) continue;
    const rows = [];
    let j = i + 2;
    for (; j < lines.length && lines[j].trim().startsWith('|'); j++) {
      const cells = splitRow(lines[j]);
      rows.push({ rawName: cells[0] ?? '', rawType: cells[1] ?? '', line: j + 1, text: lines[j] });
    }
    tables.push({ startLine: i + 1, rows });
    i = j - 1;
  }
  return tables;
}

// Column name: the first `code span` in the cell if any, else the cell text
// without markdown emphasis, footnote links or trailing asterisks.
function extractName(rawName) {
  const code = /`\s*([^`]+?)\s*`/.exec(rawName);
  let name = code ? code[1] : rawName.replace(/\[[^\]]*\]\([^)]*\)/g, '').replace(/\*/g, '');
  name = name.trim();
  return name;
}

function frontMatterField(md, field) {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(md);
  if (!m) return null;
  const f = new RegExp(`^${field}:\\s*(.*)$`, 'm').exec(m[1]);
  return f ? f[1].trim() : null;
}

// --------------------------------------------------------- path layouts
function defenderPath(table) {
  return `defender-xdr/advanced-hunting-${table.toLowerCase()}-table.md`;
}

const LA_LAYOUTS = [
  { pageDir: 'azure-monitor-ref/tables', includeDir: 'azure-monitor-ref/tables/includes' },
  { pageDir: 'articles/azure-monitor/reference/tables', includeDir: null },
];

// Resolve "[!INCLUDE [x](path)]" relative to the page.
function includeTargets(md) {
  const out = [];
  const re = /\[!INCLUDE\s*\[[^\]]*\]\(([^)]+)\)\s*\]/gi;
  let m;
  while ((m = re.exec(md))) out.push(m[1].trim());
  return out;
}

// ------------------------------------------------------------ per table
function buildTable({ section, table, src, reusable, warnings }) {
  const info = { table, section, warnings: [], notes: [] };
  let candidates;
  if (section === 'defender') {
    candidates = [{ page: defenderPath(table) }];
  } else {
    candidates = LA_LAYOUTS.map((l) => ({
      page: `${l.pageDir}/${table.toLowerCase()}.md`,
      orphanInclude: l.includeDir ? `${l.includeDir}/${table.toLowerCase()}-include.md` : null,
    }));
  }

  let used = null; // { repo, path, commit, md }
  for (const c of candidates) {
    if (src.exists(c.page)) {
      const md = src.read(c.page);
      info.page = c.page;
      info.pageDate = frontMatterField(md, 'ms.date');
      if (findColumnTables(md).length) {
        used = { path: c.page, md, commit: src.commitOf(c.page) };
        info.notes.push('column table is inline in the page');
        break;
      }
      for (const inc of includeTargets(md)) {
        if (inc.startsWith('~/reusable-content/')) {
          const rel = inc.replace('~/reusable-content/', '');
          if (reusable && reusable.exists(rel)) {
            used = { path: rel, md: reusable.read(rel), commit: reusable.commitOf(rel), repo: reusable.repo };
          } else {
            info.notes.push(`page includes ${inc}, which is not in this source (pass --reusable-content)`);
          }
        } else {
          const p = path.posix.normalize(path.posix.join(path.posix.dirname(c.page), inc));
          if (src.exists(p)) used = { path: p, md: src.read(p), commit: src.commitOf(p) };
          else info.notes.push(`include ${p} not found`);
        }
        if (used && findColumnTables(used.md).length) break;
        used = null;
      }
      if (used) break;
    } else if (c.orphanInclude && src.exists(c.orphanInclude)) {
      // Table page deleted but its generated include still present.
      const md = src.read(c.orphanInclude);
      if (findColumnTables(md).length) {
        used = { path: c.orphanInclude, md, commit: src.commitOf(c.orphanInclude) };
        info.notes.push(`no page ${c.page}; used orphaned include ${c.orphanInclude}`);
        info.orphan = true;
        break;
      }
    }
  }
  if (!used) {
    info.missing = true;
    info.looked = candidates.flatMap((c) => [c.page, c.orphanInclude].filter(Boolean));
    return { info, entry: null };
  }

  const tables = findColumnTables(used.md);
  if (tables.length > 1) info.warnings.push(`${tables.length} column tables in ${used.path}; used the first (line ${tables[0].startLine})`);
  info.includeDate = frontMatterField(used.md, 'ms.date');
  const srcForUsed = used.repo ? reusable : src;
  if (srcForUsed && srcForUsed.lastChanged) info.lastChanged = srcForUsed.lastChanged(used.path);
  info.msCustom = frontMatterField(used.md, 'ms.custom');
  if (info.msCustom && used.path.includes('/includes/') && info.msCustom !== table) {
    info.warnings.push(`include front matter ms.custom is "${info.msCustom}", not "${table}"`);
  }

  const columns = {};
  info.rawTypes = {};
  info.oddRows = [];
  for (const row of tables[0].rows) {
    const name = extractName(row.rawName);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      info.oddRows.push({ line: row.line, text: row.text, reason: `unusable column name "${name}"` });
      continue;
    }
    if (row.rawName !== `\`${name}\`` && row.rawName !== name) {
      info.oddRows.push({ line: row.line, text: row.text, reason: `name cell "${row.rawName}" read as "${name}"` });
    }
    const rawType = row.rawType.replace(/`/g, '').trim();
    let type = TYPE_MAP.get(rawType.toLowerCase());
    const key = `${section}.${table}.${name}`;
    if (TYPE_OVERRIDES[key] && !type) {
      type = TYPE_OVERRIDES[key].type;
      info.notes.push(`${name}: ${TYPE_OVERRIDES[key].why} -> ${type}`);
    }
    if (!type) {
      info.oddRows.push({ line: row.line, text: row.text, reason: `unrecognised type "${rawType}"` });
      warnings.push(`${section}.${table}.${name}: unrecognised type "${rawType}"`);
      continue;
    }
    if (!KQL_NAMES.has(rawType)) {
      info.rawTypes[rawType] = (info.rawTypes[rawType] || 0) + 1;
    }
    if (Object.prototype.hasOwnProperty.call(columns, name)) {
      info.warnings.push(`column ${name} listed twice (line ${row.line}); kept first (${columns[name]}), second says ${type}`);
      continue;
    }
    columns[name] = type;
  }
  const repo = used.repo || src.repo;
  const entry = { source: `${repo}:${used.path}@${used.commit}`, read: null, columns };
  info.source = entry.source;
  info.columnCount = Object.keys(columns).length;
  return { info, entry };
}

// ------------------------------------------------------------------- main
function main() {
  const opts = parseArgs(process.argv.slice(2));
  const [defDir, laDir] = opts.positional;
  if (!defDir || !laDir) {
    console.error('usage: node build-schemas.mjs <defenderSource> <logAnalyticsSource> [--la-rev REV] [--read YYYY-MM-DD] [--out FILE] [--report FILE] [--tables FILE] [--strict]');
    process.exit(2);
  }
  const tables = opts.tables ? JSON.parse(fs.readFileSync(opts.tables, 'utf8')) : DEFAULT_TABLES;
  const read = opts.read || new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(read)) throw new Error('--read must be YYYY-MM-DD');

  const defSrc = openSource(defDir, {
    rev: opts['defender-rev'], label: 'defender',
    repo: opts['defender-repo'] || (isGitDir(defDir) ? (repoFromMirrorPath(defDir) || 'MicrosoftDocs/defender-docs') : undefined),
  });
  const laSrc = openSource(laDir, {
    rev: opts['la-rev'], label: 'logAnalytics', probePath: isGitDir(laDir) ? 'azure-monitor-ref/tables' : null,
    repo: opts['la-repo'] || (isGitDir(laDir) ? (repoFromMirrorPath(laDir) || 'MicrosoftDocs/azure-reference-other') : undefined),
  });
  const reusable = opts['reusable-content']
    ? openSource(opts['reusable-content'], { label: 'reusable-content', repo: 'MicrosoftDocs/reusable-content' })
    : null;

  const out = { defender: {}, logAnalytics: {} };
  const report = { generated: read, sources: { defender: defSrc.describe(), logAnalytics: laSrc.describe() }, tables: {} };
  const warnings = [];
  const missing = [];
  for (const section of ['defender', 'logAnalytics']) {
    report.tables[section] = {};
    for (const table of tables[section] || []) {
      const src = section === 'defender' ? defSrc : laSrc;
      const { info, entry } = buildTable({ section, table, src, reusable, warnings });
      report.tables[section][table] = info;
      if (!entry) { missing.push(`${section}.${table}`); continue; }
      entry.read = read;
      out[section][table] = entry;
    }
  }

  // Differences between the Defender advanced-hunting schema and the same table in Log Analytics.
  report.diffs = {};
  for (const t of Object.keys(out.defender)) {
    const la = out.logAnalytics[t];
    if (!la) continue;
    const d = out.defender[t].columns;
    const l = la.columns;
    report.diffs[t] = {
      onlyInLogAnalytics: Object.keys(l).filter((c) => !(c in d)),
      onlyInDefender: Object.keys(d).filter((c) => !(c in l)),
      typeDiffers: Object.keys(d).filter((c) => c in l && d[c] !== l[c]).map((c) => `${c}: defender ${d[c]} / logAnalytics ${l[c]}`),
    };
  }
  report.missing = missing;
  report.warnings = warnings;

  const json = JSON.stringify(out, null, 2) + '\n';
  if (opts.out) fs.writeFileSync(opts.out, json); else process.stdout.write(json);
  if (opts.report) fs.writeFileSync(opts.report, JSON.stringify(report, null, 2) + '\n');

  const nT = Object.keys(out.defender).length + Object.keys(out.logAnalytics).length;
  const nC = [...Object.values(out.defender), ...Object.values(out.logAnalytics)]
    .reduce((a, e) => a + Object.keys(e.columns).length, 0);
  console.error(`tables: ${nT} (defender ${Object.keys(out.defender).length}, logAnalytics ${Object.keys(out.logAnalytics).length}); columns: ${nC}`);
  if (laSrc.revNote) console.error(`logAnalytics: ${laSrc.revNote}`);
  if (missing.length) console.error(`not found: ${missing.join(', ')}`);
  for (const w of warnings) console.error(`warning: ${w}`);
  if (opts.strict && (missing.length || warnings.length)) process.exit(1);
}

main();
