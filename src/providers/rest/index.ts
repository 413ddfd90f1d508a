export { RestIpDataProvider, type RestIpDataProviderOptions } from './rest-provider.js';
