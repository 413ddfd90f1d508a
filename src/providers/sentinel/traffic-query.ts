/**
 * Sentinel's traffic query: Defender's (traffic-rows.ts, over the Defender tables Sentinel
 * ingests) with the bytes the firewall logged for each device, and the hosts only the firewall saw.
 */
import type { TimeRange } from '../../lib/time-range.js';
import { trafficBody } from '../microsoft/traffic-rows.js';
import { head } from './queries.js';

/**
 * Hosts only the firewall saw (Sentinel's `CommonSecurityLog`; not onboarded, so in no device's
 * events): each record with the IP on one side whose other side is no device's own address, as a
 * host of its own (`ip:` and its address). The port is the destination's: the IP's service for a
 * connection out, the host's for one in, as for the devices.
 */
const FIREWALL_EVENTS = `let known = deviceEvents
| where isnotempty(Local)
| distinct Local;
let firewall = CommonSecurityLog
| where TimeGenerated between (start .. end) and (DestinationIP in (ips) or SourceIP in (ips))
| extend Local = iff(DestinationIP in (ips), SourceIP, DestinationIP)
| where isnotempty(Local) and Local !in (known)
| project DeviceId = strcat("ip:", Local), DeviceName = Local, Time = TimeGenerated, Port = DestinationPort, Protocol, Local, Unmanaged = true;`;

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

/** The IP's traffic per device and firewall-only host with the beacon statistics, computed in Log Analytics, and the bytes the firewall logged (see traffic-rows.ts). */
export function trafficQuery(ip: string, range: TimeRange): string {
  return `${head('traffic', ip, range)}
${trafficBody(range, 'TimeGenerated', { events: FIREWALL_EVENTS, bytes: FIREWALL_BYTES })}`;
}
