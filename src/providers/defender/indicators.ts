/**
 * IP indicators through the Defender for Endpoint API (the host's proxy for it): Submit
 * (post-ti-indicator.md, which also updates one of the same value), List
 * (get-ti-indicators-collection.md, `$filter` on `indicatorValue`) and Delete
 * (delete-ti-indicator-by-id.md: 204, 404 when there is none). IPv6 goes in the 8-group form
 * the indicators doc requires, so a listed value matches the one submitted.
 */
import { IpDataError } from '../../data/errors.js';
import type { Indicator, IndicatorInput } from '../../data/model.js';
import type { RequestOptions } from '../../data/provider.js';
import { fullIpv6Form } from '../../lib/ip.js';
import { idSegment } from '../http.js';
import type { RateLimiter } from '../microsoft/limiter.js';
import type { MicrosoftApi, MicrosoftTransport } from '../microsoft/transport.js';
import { indicatorFromMde } from './map.js';

const PERMISSION = 'Ti.ReadWrite.All';

/** The IP as the indicators API holds it, or `invalid-input`. */
function indicatorValue(ip: string): string {
  const value = fullIpv6Form(ip);
  if (!value) throw new IpDataError('invalid-input', `“${String(ip).slice(0, 64)}” is not a valid IP address.`, { reason: { id: 'invalid-ip', input: String(ip).slice(0, 64) } });
  return value;
}

export class MdeIndicators {
  readonly #t: MicrosoftTransport;
  readonly #mde: MicrosoftApi | undefined;
  readonly #limiter: RateLimiter;

  constructor(transport: MicrosoftTransport, mde: MicrosoftApi | undefined, limiter: RateLimiter) {
    this.#t = transport;
    this.#mde = mde;
    this.#limiter = limiter;
  }

  /** The API's address, or `forbidden` saying the host has not given one (`doing`: "Adding an indicator"). */
  #api(doing: string): MicrosoftApi {
    if (this.#mde) return this.#mde;
    throw new IpDataError('forbidden', `${doing} goes through the Defender for Endpoint API, and this page has no address for it: the host sets defenderUrl to its proxy for that API.`, {
      reason: { id: 'no-address', service: 'Microsoft Defender for Endpoint API', option: 'defenderUrl' },
    });
  }

  /** Submit one: nothing but the documented fields. */
  async add(input: IndicatorInput, o: RequestOptions): Promise<Indicator> {
    const body: Record<string, unknown> = { indicatorValue: indicatorValue(input.indicatorValue), indicatorType: 'IpAddress', action: input.action, title: input.title, description: input.description, generateAlert: input.generateAlert };
    for (const key of ['application', 'expirationTime', 'severity', 'recommendedActions', 'rbacGroupNames'] as const) if (input[key] !== undefined) body[key] = input[key];
    const raw = await this.#t.call({
      api: this.#api('Adding an indicator'),
      method: 'POST',
      path: 'api/indicators',
      body,
      signal: o.signal,
      limiter: this.#limiter,
      permission: PERMISSION,
      what: `the indicator for ${input.indicatorValue}`,
      read: false,
      idempotencyKey: o.idempotencyKey,
    });
    return indicatorFromMde(raw);
  }

  /** The tenant's IP indicators for the IP, newest first (none without the API's address). */
  async list(ip: string, o: RequestOptions): Promise<Indicator[]> {
    const value = indicatorValue(ip);
    if (!this.#mde) return [];
    const raw = (await this.#t.call({
      api: this.#mde,
      method: 'GET',
      path: `api/indicators?$filter=${encodeURIComponent(`indicatorValue eq '${value}'`)}`,
      signal: o.signal,
      limiter: this.#limiter,
      permission: PERMISSION,
      what: `the indicators for ${ip}`,
      read: true,
    })) as { value?: unknown };
    const items = Array.isArray(raw?.value) ? raw.value : [];
    return items
      .filter((i) => (i as { indicatorType?: unknown })?.indicatorType === 'IpAddress')
      .map(indicatorFromMde)
      .sort((a, b) => Date.parse(b.creationTimeDateTimeUtc) - Date.parse(a.creationTimeDateTimeUtc));
  }

  /** Delete one; an id that would address another resource is refused before anything is sent. */
  async remove(id: string, o: RequestOptions): Promise<void> {
    const segment = idSegment(id);
    await this.#t.call({
      api: this.#api('Removing an indicator'),
      method: 'DELETE',
      path: `api/indicators/${segment}`,
      signal: o.signal,
      limiter: this.#limiter,
      permission: PERMISSION,
      what: `the indicator ${id}`,
      read: false,
      idempotencyKey: o.idempotencyKey,
    });
  }
}
