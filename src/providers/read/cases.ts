/**
 * Reading the incidents or cases the IP can be recorded on (`listCases`) and what recording it
 * left (`addToCase`). A case needs an id and a title; anything else that cannot be read is left
 * out (a case is a choice in a list, not a row to inspect).
 */
import type { CaseRecord, CaseRef } from '../../data/model.js';
import { CASE_LIST_MAX, CASE_TEXT_MAX } from '../../data/cases.js';
import { array, at, bad, id, object, optStr, optTime, str, time, type Json } from './primitives.js';
import { camel } from './overview.js';

function soft<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

export function readCase(value: unknown, path = ''): CaseRef {
  const o = object(value, path);
  const kind = str(o, 'kind', path, 16);
  if (kind !== 'incident' && kind !== 'case') bad(at(path, 'kind'), '“incident” or “case”', kind);
  const out: CaseRef = { id: id(o, 'id', path), title: str(o, 'title', path, 512), kind: kind as CaseRef['kind'] };
  const status = soft(() => optStr(o, 'status', path, 32));
  if (status) out.status = camel(status) ?? status;
  const severity = soft(() => optStr(o, 'severity', path, 32));
  if (severity) out.severity = severity.toLowerCase();
  const updatedAt = soft(() => optTime(o, 'updatedAt', path));
  if (updatedAt) out.updatedAt = updatedAt;
  if ((o as Json)['related'] === true) out.related = true;
  return out;
}

/** The list: cases that cannot be read are left out (the rest stay choosable), at most {@link CASE_LIST_MAX}. */
export function readCases(value: unknown): CaseRef[] {
  return array(value, '', 1_000)
    .flatMap((item, i) => {
      try {
        return [readCase(item, at('', i))];
      } catch {
        return [];
      }
    })
    .slice(0, CASE_LIST_MAX);
}

export function readCaseRecord(value: unknown, path = ''): CaseRecord {
  const o = object(value, path);
  const out: CaseRecord = { caseId: id(o, 'caseId', path), text: str(o, 'text', path, CASE_TEXT_MAX * 2), recordedAt: time(o, 'recordedAt', path) };
  const by = soft(() => optStr(o, 'recordedBy', path, 256));
  if (by) out.recordedBy = by;
  return out;
}
