/**
 * Types for using the elements from frameworks, derived from the manifest's element list
 * (elements.ts): what a host may set on each element, and a typed handler for each event.
 */
import type { IpElements } from './elements.js';

export type { IpElements } from './elements.js';

/** The tag names of the public elements. */
export type IpTagName = keyof IpElements;

/** The event object for an event name (`ip-change` → `IpChangeEvent`; others `Event`). */
export type IpEventOf<N extends string> = N extends keyof GlobalEventHandlersEventMap ? GlobalEventHandlersEventMap[N] : Event;

type Camel<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;

/** `ip-change` → `onIpChange`: the handler name React wrappers and Vue's `@ip-change` use. */
export type IpHandlerName<N extends string> = `on${Capitalize<Camel<N>>}`;

/** The properties a host may set on `<T>`, all optional. */
export type IpElementProperties<T extends IpTagName> = Partial<Pick<IpElements[T]['element'], Extract<IpElements[T]['properties'], keyof IpElements[T]['element']>>>;

/** Does not compile when the manifest names a property its class does not have. */
type Unknown = { [T in IpTagName]: Exclude<IpElements[T]['properties'], keyof IpElements[T]['element']> }[IpTagName];
type MustBeNever<T extends never> = T;
export type IpPropertiesAreKnown = MustBeNever<Unknown>;

/** `onIpChange`-style handlers for each event `<T>` fires. */
export type IpElementHandlers<T extends IpTagName> = {
  [N in IpElements[T]['events'] as IpHandlerName<N>]?: (event: IpEventOf<N>) => void;
};

/** React 19's own names for custom element events on intrinsic tags: `onip-change`. */
export type IpElementReactEvents<T extends IpTagName> = {
  [N in IpElements[T]['events'] as `on${N}`]?: (event: IpEventOf<N>) => void;
};
