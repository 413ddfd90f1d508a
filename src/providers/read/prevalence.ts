/**
 * The reader of `getPrevalence`'s answer: the chart's, loaded when the chart's question is asked
 * (the guard starts it with the request), not with the page's first paint.
 */
import type { AlertMark, Prevalence, PrevalenceBucket } from '../../data/model.js';
import { BUCKET_DEVICE_NAMES } from '../../data/model.js';
import { clip, count, id, LIMITS, list, object, optCount, optStr, optTime, time, get } from './primitives.js';
import { severity } from './overview.js';

function readAlertMark(value: unknown, path: string): AlertMark {
  const o = object(value, path);
  const kind = optStr(o, 'kind', path);
  return {
    id: id(o, 'id', path),
    title: optStr(o, 'title', path) ?? '',
    severity: severity(get(o, 'severity')),
    time: time(o, 'time', path),
    ...(kind === 'incident' || kind === 'alert' ? { kind } : {}),
  };
}

function readBucket(value: unknown, path: string): PrevalenceBucket {
  const b = object(value, path);
  const bucket: PrevalenceBucket = { start: time(b, 'start', path), devices: count(b, 'devices', path) };
  // A sample for the tooltip, and nothing more: extra names are cut and names that are not text
  // left out, never the chart refused for them.
  const raw = get(b, 'deviceNames');
  const names = Array.isArray(raw) ? raw.filter((n): n is string => typeof n === 'string' && n !== '').slice(0, BUCKET_DEVICE_NAMES).map((n) => clip(n)) : [];
  if (names.length) bucket.deviceNames = names;
  return bucket;
}

export function readPrevalence(value: unknown, path = ''): Prevalence {
  const o = object(value, path);
  const bucket = optStr(o, 'bucket', path) === 'hour' ? 'hour' : 'day';
  const result: Prevalence = {
    bucket,
    buckets: list(o, 'buckets', path, readBucket, LIMITS.buckets),
    totalDevices: count(o, 'totalDevices', path),
    firstSeen: optTime(o, 'firstSeen', path),
    lastSeen: optTime(o, 'lastSeen', path),
    alertMarks: list(o, 'alertMarks', path, readAlertMark, LIMITS.events, true),
  };
  const marksTotal = optCount(o, 'alertMarksTotal', path);
  if (marksTotal !== undefined) result.alertMarksTotal = Math.max(marksTotal, result.alertMarks.length);
  return result;
}
