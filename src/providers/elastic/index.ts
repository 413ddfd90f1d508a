export { ElasticSecurityProvider, type ElasticSecurityProviderOptions } from './elastic-provider.js';
export { ECS_FIELDS, type ElasticFieldNames } from './queries.js';
