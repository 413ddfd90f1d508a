/**
 * Sentinel's traffic query: Defender's (traffic-rows.ts, over the Defender tables Sentinel
 * ingests) with the bytes the firewall logged for each device.
 */
import type { TimeRange } from '../../lib/time-range.js';
import { trafficBody } from '../microsoft/traffic-rows.js';
import { head } from './queries.js';

/**
 * Bytes from the firewall (Sentinel's `CommonSecurityLog`, which Defender's tables do not have):
 * each record with the IP on one side, counted for the device whose address is on the other (the
 * device's own `LocalIP` in its events), as the device sent and received them.
 */
const FIREWALL_BYTES = `let addresses = events
| where isnotempty(Local) and not(Local in (ips))
| summarize by DeviceId, Local;
let bytes = CommonSecurityLog
| where TimeGenerated between (start .. end) and (DestinationIP in (ips) or SourceIP in (ips))
| extend Local = iff(DestinationIP in (ips), SourceIP, DestinationIP), Out = iff(DestinationIP in (ips), SentBytes, ReceivedBytes),
    In = iff(DestinationIP in (ips), ReceivedBytes, SentBytes)
| summarize Out = sum(Out), In = sum(In) by Local
| join kind=inner addresses on Local
| summarize BytesSent = sum(Out), BytesReceived = sum(In) by DeviceId;`;

/** The IP's traffic per device with the beacon statistics, computed in Log Analytics, and the bytes the firewall logged (see traffic-rows.ts). */
export function trafficQuery(ip: string, range: TimeRange): string {
  return `${head('traffic', ip, range)}
${trafficBody(range, 'TimeGenerated', FIREWALL_BYTES)}`;
}
