/**
 * Rows of the Microsoft device tables (`DeviceNetworkEvents`, `DeviceEvents`), as advanced
 * hunting and Sentinel's Log Analytics both give them, read into devices and events.
 */
import type { DeviceEvent, ObservedDevice } from '../../data/model.js';
import { number, text, type Row } from './tables.js';

function directionOf(actionType: string | undefined, row: Row, ip: string): string {
  if (actionType === 'InboundConnectionAccepted') return 'inbound';
  if (text(row, 'LocalIP') === ip && text(row, 'RemoteIP') !== ip) return 'inbound';
  return 'outbound';
}

/** An event row of `DeviceNetworkEvents` or `DeviceEvents`. */
export function eventFromHunting(row: Row, ip: string): DeviceEvent {
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

/** A row of the devices query. */
export function deviceFromHunting(row: Row, ip: string): ObservedDevice {
  return {
    id: text(row, 'DeviceId') ?? '',
    name: text(row, 'DeviceName') ?? text(row, 'DeviceId') ?? '',
    osPlatform: text(row, 'OSPlatform'),
    osVersion: text(row, 'OSVersion'),
    exposureLevel: text(row, 'ExposureLevel'),
    firstSeen: text(row, 'FirstSeen') ?? '',
    lastSeen: text(row, 'LastSeen') ?? '',
    connectionCount: number(row, 'Connections') ?? 0,
    lastEvent: eventFromHunting(row, ip),
  };
}
