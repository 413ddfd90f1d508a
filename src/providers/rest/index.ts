export { RestIpDataProvider, parseRetryAfter, type RestIpDataProviderOptions } from './rest-provider.js';
