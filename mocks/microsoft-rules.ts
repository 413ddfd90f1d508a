/**
 * What Microsoft Graph security and the Defender for Endpoint API accept in a request body, from
 * their own documentation (not from what the providers send): the properties each write takes,
 * the enum values of Graph's `microsoft.graph.security` namespace, the comment type, and the
 * indicator rules (actions per indicator type, IPv6 written with all 8 groups, required fields).
 * The mocks refuse anything else with a 400, as the services do; each rule names its source.
 */
import ipaddr from 'ipaddr.js';

// Graph v1.0 `microsoft.graph.security` enums (resources/security-alert.md, security-incident.md).
const ALERT_STATUS = ['unknown', 'new', 'inProgress', 'resolved', 'unknownFutureValue'];
const INCIDENT_STATUS = ['active', 'resolved', 'inProgress', 'redirected', 'unknownFutureValue', 'awaitingAction'];
const CLASSIFICATION = ['unknown', 'falsePositive', 'truePositive', 'informationalExpectedActivity', 'unknownFutureValue'];
const DETERMINATION = [
  'unknown', 'apt', 'malware', 'securityPersonnel', 'securityTesting', 'unwantedSoftware', 'other', 'multiStagedAttack', 'compromisedAccount',
  'phishing', 'maliciousUserActivity', 'notMalicious', 'notEnoughDataToValidate', 'confirmedUserActivity', 'lineOfBusinessApplication', 'unknownFutureValue',
];
/** The properties a PATCH may change (api/security-alert-update.md, api/security-incident-update.md). */
const WRITABLE: Record<'alert' | 'incident', readonly string[]> = {
  alert: ['assignedTo', 'classification', 'determination', 'status', 'customDetails'],
  incident: ['assignedTo', 'classification', 'customTags', 'description', 'determination', 'displayName', 'resolvingComment', 'severity', 'status', 'summary'],
};

/** Why Graph would refuse this PATCH of an alert or incident, or undefined. */
export function graphPatchProblem(kind: 'alert' | 'incident', body: unknown): string | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'The request body must be a JSON object.';
  const entity = kind === 'incident' ? 'microsoft.graph.security.incident' : 'microsoft.graph.security.alert';
  for (const [key, value] of Object.entries(body)) {
    if (!WRITABLE[kind].includes(key)) return `The property '${key}' does not exist on type '${entity}' or cannot be updated.`;
    const allowed = key === 'status' ? (kind === 'incident' ? INCIDENT_STATUS : ALERT_STATUS) : key === 'classification' ? CLASSIFICATION : key === 'determination' ? DETERMINATION : undefined;
    if (allowed && !allowed.includes(String(value))) return `The value '${String(value)}' is not valid for the property '${key}' of type '${entity}'.`;
    if (key === 'assignedTo' && typeof value !== 'string') return "The property 'assignedTo' must be a string.";
  }
  return undefined;
}

/**
 * Why Graph would refuse this comment, or undefined: the body the incident and alert comment docs
 * give (api/security-incident-post-comments.md, api/security-alert-post-comments.md) — the
 * `alertComment` type for both (there is no `incidentComment`) and a `comment`.
 */
export function graphCommentProblem(body: unknown): string | undefined {
  const o = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const type = String(o['@odata.type'] ?? '').replace(/^#/, '');
  if (type !== 'microsoft.graph.security.alertComment') return `A type named '${type}' could not be resolved by the model. When a model is available, each type name must resolve to a valid type.`;
  if (typeof o['comment'] !== 'string' || !o['comment']) return "The property 'comment' is required.";
  const other = Object.keys(o).find((k) => k !== '@odata.type' && k !== 'comment');
  return other ? `The property '${other}' does not exist on type 'microsoft.graph.security.alertComment'.` : undefined;
}

// Defender for Endpoint `POST /api/indicators` (api/post-ti-indicator.md, indicators-overview.md).
const INDICATOR_FIELDS = ['indicatorValue', 'indicatorType', 'action', 'application', 'title', 'description', 'expirationTime', 'severity', 'recommendedActions', 'rbacGroupNames', 'educateUrl', 'generateAlert', 'externalID'];
const INDICATOR_TYPES = ['FileSha1', 'FileMd5', 'CertificateThumbprint', 'FileSha256', 'IpAddress', 'DomainName', 'Url'];
const ACTIONS = ['Alert', 'Warn', 'Block', 'Audit', 'BlockAndRemediate', 'AlertAndBlock', 'Allowed'];
/** The actions each IoC type offers (indicators-overview.md): IP addresses "Allow, Audit, Warn, Block execution". */
const ACTIONS_FOR_IP = ['Allowed', 'Audit', 'Warn', 'Block'];
const SEVERITIES = ['Informational', 'Low', 'Medium', 'High'];

/** Why Defender for Endpoint would refuse this indicator, or undefined. */
export function indicatorBodyProblem(body: unknown): string | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'The request body must be a JSON object.';
  const o = body as Record<string, unknown>;
  const unknown = Object.keys(o).find((k) => !INDICATOR_FIELDS.includes(k));
  if (unknown) return `The property '${unknown}' does not exist on type 'Indicator'.`;
  for (const required of ['indicatorValue', 'indicatorType', 'action', 'title', 'description']) if (typeof o[required] !== 'string' || !o[required]) return `'${required}' is required.`;
  if (!INDICATOR_TYPES.includes(o['indicatorType'] as string)) return `'${String(o['indicatorType'])}' is not a valid indicator type.`;
  if (!ACTIONS.includes(o['action'] as string)) return `'${String(o['action'])}' is not a valid action.`;
  if (o['indicatorType'] === 'IpAddress') {
    if (!ACTIONS_FOR_IP.includes(o['action'] as string)) return `The action '${String(o['action'])}' is not supported for IP address indicators.`;
    const value = o['indicatorValue'] as string;
    if (value.includes('/')) return 'CIDR notation for IPs isn’t supported.';
    if (!ipaddr.isValid(value)) return `'${value}' is not a valid IP address.`;
    // "For IPv6 addresses, specify all 8 segments (e.g. 2001:4860:4860:0:0:0:0:8888)."
    if (value.includes(':') && (value.includes('::') || value.split(':').length !== 8)) return `'${value}': for IPv6 addresses, specify all 8 segments.`;
  }
  if (o['action'] === 'Audit' && o['generateAlert'] !== true) return 'The GenerateAlert parameter must be set to TRUE when creating an action with Audit.';
  if (o['severity'] !== undefined && !SEVERITIES.includes(o['severity'] as string)) return `'${String(o['severity'])}' is not a valid severity.`;
  if (o['generateAlert'] !== undefined && typeof o['generateAlert'] !== 'boolean') return "'generateAlert' must be true or false.";
  if (o['expirationTime'] !== undefined && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(String(o['expirationTime']))) return "'expirationTime' must be a DateTimeOffset.";
  if (o['rbacGroupNames'] !== undefined && !(Array.isArray(o['rbacGroupNames']) && o['rbacGroupNames'].every((g) => typeof g === 'string'))) return "'rbacGroupNames' must be a list of group names.";
  return undefined;
}

/** The generator's determinations (the model's, as Defender for Endpoint spells them) in Graph's words, and back. */
const GRAPH_NAMES: Record<string, string> = { compromisedUser: 'compromisedAccount', clean: 'notMalicious', insufficientData: 'notEnoughDataToValidate' };
export function toGraphDetermination(value: string | null | undefined): string {
  return value ? (Object.prototype.hasOwnProperty.call(GRAPH_NAMES, value) ? GRAPH_NAMES[value]! : value) : 'unknown';
}
export function fromGraphDetermination(value: string): string {
  return Object.entries(GRAPH_NAMES).find(([, graph]) => graph === value)?.[0] ?? value;
}
