/**
 * ip-entity-page: classes, types, providers and helpers, without registering any element.
 * Import `ip-entity-page/ip-entity-page.js` (or another `ip-*.js` module) to define an element.
 */
export * from './data/model.js';
export * from './data/threat-intel.js';
export * from './lib/labels.js';
export * from './data/provider.js';
export * from './data/errors.js';
export { queryAlerts, queryDevices, queryTimeline, listSource, toMs, type ListSource, type TimelineQuery } from './data/query.js';
export { summarize, prevalenceFrom } from './data/derive.js';
export { providerContext, ipContext, rangeContext, capabilitiesContext, type RangeContextValue } from './data/context.js';
export * from './lib/ip.js';
export * from './lib/safe-url.js';
export * from './lib/time-range.js';
export * from './lib/format.js';
export { RestIpDataProvider, parseRetryAfter, type RestIpDataProviderOptions } from './providers/rest/index.js';
export { StaticIpDataProvider, applyPatch, type StaticIpData, type StaticIpDataProviderOptions } from './providers/static/index.js';
export * from './lib/hunting.js';
export * from './events/events.js';
export * from './lib/indicator.js';
export * from './lib/indicator-draft.js';
export { ipSummaryMarkdown, markdownText, type IpSummaryData, type IpSummaryInput } from './lib/summary.js';
export * from './lib/text.js';
export { guardProvider } from './providers/guard.js';
export { readAnswer, ANSWER_READERS, LIMITS, toIsoTime, EPOCH_SECONDS_BELOW, type AnswerMethod } from './providers/validate.js';
export { combineProviders } from './providers/combine.js';
export type * from './frameworks/types.js';
export { applyLocale, matchLocale, adoptLocalization, loadTemplates, SUPPORTED_LOCALES } from './lib/localization.js';
