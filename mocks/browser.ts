/**
 * The MSW worker for the browser (demo, Storybook, tests). Start it before defining elements
 * that fetch on upgrade: `await worker.start({ onUnhandledRequest: 'bypass', quiet: true })`.
 */
import { setupWorker } from 'msw/browser';
import { handlers } from './handlers.js';

export const worker = setupWorker(...handlers);
