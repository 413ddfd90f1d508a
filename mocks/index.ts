export { createHandlers, handlers, type MockApiOptions, type MockSection } from './handlers.js';
export { DEMO_IPS, profileFor, type DemoIp, type IpProfile } from './generator/profiles.js';
export { IpDataset, datasetFor, type DatasetOptions } from './generator/dataset.js';
