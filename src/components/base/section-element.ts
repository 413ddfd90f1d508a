/**
 * The base of every section element (`<ip-overview>`, `<ip-alerts-list>`, …), in the manner of
 * Shoelace's base element: what a data element has (data-element.ts: provider, IP, requests,
 * capabilities, errors; ip-element.ts: theme, density, language) and the time range every
 * section follows.
 */
import { property } from 'lit/decorators.js';
import type { RangeSpec } from '../../lib/time-range.js';
import { IpDataElement } from './data-element.js';

export class IpSectionElement extends IpDataElement {
  /** A time range, a preset (`24h`, `7d`, `30d`, `90d`, `180d`) or a custom window `from/to` in ISO 8601; wins over the page's. */
  @property({ type: String }) range?: RangeSpec;
}
