import type { AlertItem, DeviceEvent, ObservedDevice } from '../../src/data/model.js';

let seq = 0;

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
    firstActivity: '2026-11-10T10:00:00.000Z',
    lastActivity: '2026-11-10T12:00:00.000Z',
    ...overrides,
  };
}

export function makeEvent(overrides: Partial<DeviceEvent> = {}): DeviceEvent {
  return {
    timestamp: '2026-11-10T12:00:00.000Z',
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
    firstSeen: '2026-11-01T00:00:00.000Z',
    lastSeen: '2026-11-10T12:00:00.000Z',
    connectionCount: 1,
    lastEvent: makeEvent(),
    ...overrides,
  };
}

/** ISO time `h` hours after a fixed origin. */
export function at(h: number): string {
  return new Date(Date.parse('2026-11-01T00:00:00.000Z') + h * 3_600_000).toISOString();
}
