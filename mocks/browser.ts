/**
 * The MSW worker for the browser (demo, Storybook, tests). Start it before defining elements
 * that fetch on upgrade: `await worker.start({ onUnhandledRequest: 'bypass', quiet: true })`.
 */
import { setupWorker } from 'msw/browser';
import { handlers } from './handlers.js';
import { createMicrosoftHandlers } from './microsoft.js';
import { createSentinelHandlers } from './sentinel.js';
import { createElasticHandlers } from './elastic.js';

/** The REST contract, Microsoft Graph and the Defender for Endpoint API, Log Analytics and geodata, Elasticsearch. */
export const worker = setupWorker(...handlers, ...createMicrosoftHandlers({ defenderUrl: `${location.origin}/defender-api` }), ...createSentinelHandlers(), ...createElasticHandlers());
