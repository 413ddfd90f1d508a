/**
 * The Sentinel provider's query for the accounts seen signing in from the IP: Entra ID sign-ins,
 * interactive and not (`SigninLogs`, `AADNonInteractiveUserSignInLogs`: token replay from an
 * adversary-in-the-middle server shows in the second), Windows logons from the IP (`SecurityEvent`
 * 4624 and 4625, from domain controllers and servers), and SSH logons in the Linux hosts'
 * `Syslog`, summarized per log and account. `isfuzzy` keeps it working in a workspace without
 * one of the tables.
 */
import type { TimeRange } from '../../lib/time-range.js';
import { accountSummary, ENTRA_INTERRUPTED, SAMPLE_NAME } from '../microsoft/account-rows.js';
import { kqlDatetime, kqlInt, kqlIp, marker } from '../microsoft/kql.js';

export function accountsQuery(ip: string, range: TimeRange): string {
  const cut = (c: string) => `substring(${c}, 0, ${kqlInt(SAMPLE_NAME)})`;
  const entra = (table: string, device: string) => `(${table}
    | where TimeGenerated between (start .. end) and IPAddress == ip
    | project Timestamp = TimeGenerated, Source = "Entra ID", Account = UserPrincipalName, DisplayName = UserDisplayName, UserId,
        Result = case(ResultType == "0", "success", ResultType in (${ENTRA_INTERRUPTED.map((c) => `"${c}"`).join(', ')}), "interrupted", "failure"),
        Reason = iff(ResultType == "0", "", ResultDescription), Mfa = AuthenticationRequirement == "multiFactorAuthentication",
        App = ${cut('AppDisplayName')}, Device = ${cut(device)})`;
  return `${marker('accounts')}
let ip = ${kqlIp(ip)};
let start = ${kqlDatetime(range.from)};
let end = ${kqlDatetime(range.to)};
union isfuzzy = true
  ${entra('SigninLogs', 'tostring(DeviceDetail.displayName)')},
  ${entra('AADNonInteractiveUserSignInLogs', 'tostring(parse_json(DeviceDetail).displayName)')},
  (SecurityEvent
    | where TimeGenerated between (start .. end) and EventID in (4624, 4625) and IpAddress == ip
    | project Timestamp = TimeGenerated, Source = "Windows", Account = strcat(TargetDomainName, "\\\\", TargetUserName), DisplayName = "", UserId = TargetUserSid,
        Result = iff(EventID == 4624, "success", "failure"),
        Reason = case(EventID == 4624, "", SubStatus =~ "0xc000006a", "Bad password (0xc000006a)", SubStatus =~ "0xc0000064", "No such user (0xc0000064)",
          SubStatus =~ "0xc0000234", "Account locked (0xc0000234)", SubStatus =~ "0xc0000072", "Account disabled (0xc0000072)", strcat("Status ", Status, " ", SubStatus)),
        Mfa = bool(null), App = case(LogonType == 2, "Interactive", LogonType == 3, "Network", LogonType == 10, "Remote desktop", LogonType == 8, "Network cleartext", strcat("Logon type ", tostring(LogonType))),
        Device = ${cut('Computer')}),
  (Syslog
    | where TimeGenerated between (start .. end) and ProcessName == "sshd" and SyslogMessage has ip
    | parse SyslogMessage with Outcome:string " " Method:string " for " User:string " from " From:string " port " *
    | where From == ip and Outcome in ("Accepted", "Failed")
    | project Timestamp = TimeGenerated, Source = "SSH", Account = trim_start("invalid user ", User), DisplayName = "", UserId = "",
        Result = iff(Outcome == "Accepted", "success", "failure"), Reason = iff(Outcome == "Failed", strcat("Failed ", Method), ""), Mfa = bool(null),
        App = strcat("SSH ", Method), Device = ${cut('HostName')})
${accountSummary()}`;
}
