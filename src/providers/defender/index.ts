export { DefenderXdrProvider, type DefenderXdrProviderOptions } from './defender-provider.js';
export type { TokenSource } from '../microsoft/transport.js';
