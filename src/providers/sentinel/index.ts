export { SentinelProvider, type SentinelProviderOptions } from './sentinel-provider.js';
export { INSIGHTS, type InsightDefinition } from './queries.js';
export type { TokenSource } from '../microsoft/transport.js';
