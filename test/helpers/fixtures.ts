import type { AlertItem, DeviceEvent, ObservedDevice } from '../../src/data/model.js';

let seq = 0;

const HOUR = 3_600_000;
/**
 * The fixtures' clock: the hour this module was loaded (the page's clock, moved or not). Every
 * default time below is relative to it, so a section that asks for the last 30 days finds them,
 * whatever day the suite runs on.
 */
export const FIXTURE_NOW = Math.floor(Date.now() / HOUR) * HOUR;
const ago = (hours: number) => new Date(FIXTURE_NOW - hours * HOUR).toISOString();
/** Midnight UTC, 40 days before the fixtures' clock: `at(0)` … `at(960)` are all in the past. */
const ORIGIN = Math.floor(FIXTURE_NOW / (24 * HOUR)) * 24 * HOUR - 40 * 24 * HOUR;

/** An alert with sensible defaults; override what the test is about. */
export function makeAlert(overrides: Partial<AlertItem> = {}): AlertItem {
  seq++;
  return {
    id: `a${seq}`,
    kind: 'alert',
    title: `Alert ${seq}`,
    severity: 'medium',
    status: 'new',
    classification: null,
    impactedAssets: [{ kind: 'device', name: `device-${seq}` }],
    firstActivity: ago(74),
    lastActivity: ago(72),
    ...overrides,
  };
}

export function makeEvent(overrides: Partial<DeviceEvent> = {}): DeviceEvent {
  return {
    timestamp: ago(72),
    actionType: 'ConnectionSuccess',
    direction: 'outbound',
    remoteIp: '203.0.113.7',
    remotePort: 443,
    protocol: 'Tcp',
    ...overrides,
  };
}

export function makeDevice(overrides: Partial<ObservedDevice> = {}): ObservedDevice {
  seq++;
  return {
    id: `d${seq}`,
    name: `DEVICE-${seq}`,
    osPlatform: 'Windows11',
    firstSeen: ago(288),
    lastSeen: ago(72),
    connectionCount: 1,
    lastEvent: makeEvent(),
    ...overrides,
  };
}

/** ISO time `h` hours after the fixtures' origin (a midnight UTC, 40 days ago). */
export function at(h: number): string {
  return new Date(ORIGIN + h * HOUR).toISOString();
}
