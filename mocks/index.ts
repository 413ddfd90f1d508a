export { createHandlers, handlers, type MockApiOptions, type MockSection } from './handlers.js';
export { DEMO_IPS, profileFor, type DemoIp, type IpProfile } from './generator/profiles.js';
export { IpDataset, datasetFor, type DatasetOptions } from './generator/dataset.js';
export { createMicrosoftHandlers, type MicrosoftMockOptions } from './microsoft.js';
export { createSentinelHandlers, DEMO_WORKSPACE_ID, type SentinelMockOptions } from './sentinel.js';
export { createElasticHandlers, DEMO_ELASTICSEARCH_URL, type ElasticMockOptions } from './elastic.js';
