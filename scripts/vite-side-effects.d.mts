import type { Plugin } from 'vite';
export function sourceSideEffects(): Plugin;
