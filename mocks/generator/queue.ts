/**
 * The queue fields Defender shows beside the basics: products, tags, device groups, the lists an
 * incident gathers from its alerts, and when an item last changed. Pure functions of a template,
 * a device or a random unit, so the dataset can compute one field of one item without building it.
 */
import type { ObservedDevice } from '../../src/data/model.js';
import type { AlertTemplate } from './catalog.js';

/** Product names as Graph's `productName` spells them, by service source. */
const PRODUCTS: Readonly<Record<string, string>> = {
  microsoftDefenderForEndpoint: 'Microsoft Defender for Endpoint',
  microsoftDefenderForOffice365: 'Microsoft Defender for Office 365',
  microsoftDefenderForCloudApps: 'Microsoft Defender for Cloud Apps',
  microsoftDefenderForIdentity: 'Microsoft Defender for Identity',
  azureAdIdentityProtection: 'Microsoft Entra ID Protection',
  microsoftSentinel: 'Microsoft Sentinel',
};

export function productName(serviceSource: string): string {
  return PRODUCTS[serviceSource] ?? serviceSource;
}

const SYSTEM_TAGS = new Set(['Ransomware', 'Credential Phish', 'BEC', 'Password spray', 'Human-operated attack']);

/** Whether Defender would have set the tag itself (Graph `systemTags`) rather than an analyst (`customTags`). */
export function isSystemTag(tag: string): boolean {
  return SYSTEM_TAGS.has(tag);
}

/** System tags Defender puts on incidents, by the category or technique of their alerts. */
function systemTags(template: AlertTemplate): string[] {
  if (template.mitre.includes('T1486')) return ['Ransomware'];
  if (template.mitre.includes('T1566.002')) return ['Credential Phish', 'BEC'];
  if (template.mitre.includes('T1110.003')) return ['Password spray'];
  if (template.title.startsWith('Cobalt Strike')) return ['Human-operated attack'];
  return [];
}

/** Tags analysts add by hand. */
const CUSTOM_TAGS = ['Escalated to IR', 'VIP', 'Red team exercise', 'Customer impact', 'Known scanner'] as const;

/** The tags of an incident whose alerts come from `templates`; `u` picks a custom tag (some get one). */
export function incidentTags(templates: readonly AlertTemplate[], u: number): string[] {
  const tags = new Set<string>();
  for (const t of templates) for (const tag of systemTags(t)) tags.add(tag);
  if (u < 0.3) tags.add(CUSTOM_TAGS[Math.floor((u / 0.3) * CUSTOM_TAGS.length)]!);
  return [...tags];
}

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

export interface IncidentLists {
  categories: string[];
  detectionSources: string[];
  serviceSources: string[];
  productNames: string[];
  mitreTechniques: string[];
}

/** What an incident gathers from its alerts (their templates). */
export function incidentLists(templates: readonly AlertTemplate[]): IncidentLists {
  return {
    categories: unique(templates.map((t) => t.category)),
    detectionSources: unique(templates.map((t) => t.detectionSource)),
    serviceSources: unique(templates.map((t) => t.serviceSource)),
    productNames: unique(templates.map((t) => productName(t.serviceSource))),
    mitreTechniques: unique(templates.flatMap((t) => t.mitre)),
  };
}

/** A device's group (Defender's `rbacGroupName`, one of the catalog's groups), from its role and name. */
export function deviceGroup(device: Pick<ObservedDevice, 'name' | 'osPlatform'>): string {
  const os = device.osPlatform ?? '';
  if (os.startsWith('WindowsServer')) return /^SRV-DC-/.test(device.name) ? 'Domain controllers' : 'Servers – Production';
  if (os === 'macOS') return 'macOS fleet';
  if (os === 'Linux') return 'Linux build agents';
  if (/^WS-FIN-/.test(device.name)) return 'Workstations – Finance';
  return /^WS-(ENG|IT)-/.test(device.name) ? 'Workstations – Engineering' : 'All devices';
}

/**
 * When an item last changed: its last activity while new, else a while after it (triage), never
 * after `now`.
 */
export function lastUpdated(last: number, status: number, u: number, now: number): number {
  if (status === 0) return last;
  return Math.min(now - 60_000, last + Math.floor(15 * 60_000 + u * 2 * 86_400_000));
}
