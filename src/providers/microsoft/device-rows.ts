/**
 * Rows of the Microsoft device tables (`DeviceNetworkEvents`, `DeviceEvents`), as advanced
 * hunting and Sentinel's Log Analytics both give them, read into devices and events.
 */
import type { DeviceEvent, ObservedDevice } from '../../data/model.js';
import type { Clips } from './kql.js';
import { cutText, number, text as cell, type Row } from './tables.js';

/** Devices whose last event's details one query asks for: a page of the list (Defender lists 100). */
export const DEVICE_DETAILS_ROWS = 100;
/** Events of one device with the IP that one query asks for, the most recent. */
export const DEVICE_EVENT_ROWS = 2_000;

/** The columns of a device's last event (`DeviceNetworkEvents`). */
export const LAST_EVENT_COLUMNS = [
  'DeviceName', 'ActionType', 'LocalIP', 'LocalPort', 'RemoteIP', 'RemotePort', 'Protocol', 'RemoteUrl', 'InitiatingProcessFileName', 'InitiatingProcessCommandLine',
  'InitiatingProcessSHA256', 'InitiatingProcessFolderPath', 'InitiatingProcessId', 'InitiatingProcessAccountName', 'InitiatingProcessAccountDomain',
] as const;

/** The device list's short text (up to 10,000 rows of it). */
export const DEVICE_LIST_CLIPS: Clips = { DeviceName: 255, OSPlatform: 64, ActionType: 64 };
/** A shown device's last event (a page of 100): command lines, paths and URLs nearly whole. */
export const LAST_EVENT_CLIPS: Clips = {
  DeviceName: 255, OSVersion: 64, ExposureLevel: 32, ActionType: 64, Protocol: 32, RemoteUrl: 2_000, InitiatingProcessFileName: 260, InitiatingProcessCommandLine: 8_000,
  InitiatingProcessFolderPath: 1_000, InitiatingProcessAccountName: 256, InitiatingProcessAccountDomain: 256,
};
/** A device timeline's events (up to {@link DEVICE_EVENT_ROWS}). */
export const EVENT_CLIPS: Clips = {
  ActionType: 64, Protocol: 32, RemoteUrl: 500, FileName: 255, FolderPath: 300, InitiatingProcessFileName: 255, InitiatingProcessCommandLine: 800,
  InitiatingProcessFolderPath: 300, InitiatingProcessAccountName: 128, InitiatingProcessAccountDomain: 128,
};

function directionOf(actionType: string | undefined, row: Row, ip: string): string {
  if (actionType === 'InboundConnectionAccepted') return 'inbound';
  if (cell(row, 'LocalIP') === ip && cell(row, 'RemoteIP') !== ip) return 'inbound';
  return 'outbound';
}

/**
 * An event row of `DeviceNetworkEvents` or `DeviceEvents`; a value the query cut (`clips`) ends
 * with `…` when it reached the cut.
 */
export function eventFromHunting(row: Row, ip: string, clips: Clips = {}): DeviceEvent {
  const text = (r: Row, column: string) => cutText(r, column, clips);
  const actionType = text(row, 'ActionType') ?? 'Unknown';
  const processName = text(row, 'InitiatingProcessFileName');
  const fileName = text(row, 'FileName');
  return {
    id: text(row, 'ReportId'),
    timestamp: text(row, 'Timestamp') ?? '',
    actionType,
    direction: directionOf(actionType, row, ip),
    localIp: text(row, 'LocalIP'),
    localPort: number(row, 'LocalPort'),
    remoteIp: text(row, 'RemoteIP'),
    remotePort: number(row, 'RemotePort'),
    protocol: text(row, 'Protocol'),
    remoteUrl: text(row, 'RemoteUrl'),
    initiatingProcess: processName
      ? {
          fileName: processName,
          commandLine: text(row, 'InitiatingProcessCommandLine'),
          sha256: text(row, 'InitiatingProcessSHA256'),
          folderPath: text(row, 'InitiatingProcessFolderPath'),
          processId: number(row, 'InitiatingProcessId'),
          accountName: text(row, 'InitiatingProcessAccountName'),
          accountDomain: text(row, 'InitiatingProcessAccountDomain'),
        }
      : undefined,
    file: fileName ? { name: fileName, path: text(row, 'FolderPath'), sha256: text(row, 'SHA256') } : undefined,
  };
}

/** A row of the device list query (its last event: the action, direction and time only, until {@link withLastEvent}). */
export function deviceFromHunting(row: Row, ip: string): ObservedDevice {
  const lastSeen = cell(row, 'LastSeen') ?? '';
  const event = eventFromHunting(row, ip, DEVICE_LIST_CLIPS);
  return {
    id: cell(row, 'DeviceId') ?? '',
    name: cutText(row, 'DeviceName', DEVICE_LIST_CLIPS) ?? cell(row, 'DeviceId') ?? '',
    osPlatform: cutText(row, 'OSPlatform', DEVICE_LIST_CLIPS),
    osVersion: cell(row, 'OSVersion'),
    exposureLevel: cell(row, 'ExposureLevel'),
    firstSeen: cell(row, 'FirstSeen') ?? '',
    lastSeen,
    connectionCount: number(row, 'Connections') ?? 0,
    lastEvent: { ...event, timestamp: event.timestamp || lastSeen },
  };
}

/** A listed device with its last event's details (a row of the details query). */
export function withLastEvent(device: ObservedDevice, row: Row, ip: string): ObservedDevice {
  const event = eventFromHunting(row, ip, LAST_EVENT_CLIPS);
  return {
    ...device,
    osVersion: cutText(row, 'OSVersion', LAST_EVENT_CLIPS) ?? device.osVersion,
    exposureLevel: cutText(row, 'ExposureLevel', LAST_EVENT_CLIPS) ?? device.exposureLevel,
    lastEvent: { ...event, timestamp: event.timestamp || device.lastSeen },
  };
}
