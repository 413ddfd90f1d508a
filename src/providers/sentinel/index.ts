export { SentinelProvider, type SentinelProviderOptions } from './sentinel-provider.js';
export { customTableInsight, INSIGHTS, type CustomTableInsightOptions, type InsightDefinition } from './queries.js';
export type { TokenSource } from '../microsoft/transport.js';
