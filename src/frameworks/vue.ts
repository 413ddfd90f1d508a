/**
 * Vue 3 typings for the elements in templates (`<ip-entity-page :provider="p" @ip-change="…">`):
 * `import type {} from 'ip-entity-page/vue'` once. Vue's language tools then check each
 * property and give each `@ip-…` handler its event type. Tell Vue's compiler the `ip-` tags are
 * custom elements (`compilerOptions.isCustomElement`; see docs/frameworks.md).
 */
import type { DefineComponent } from 'vue';
import type { IpElementHandlers, IpElementProperties, IpTagName } from './types.js';

type VueIpElements = {
  [T in IpTagName]: DefineComponent<IpElementProperties<T> & IpElementHandlers<T>>;
};

declare module 'vue' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalComponents extends VueIpElements {}
}

export type { VueIpElements };
