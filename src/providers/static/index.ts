export { StaticIpDataProvider, applyPatch, type StaticIpData, type StaticIpDataProviderOptions } from './static-provider.js';
