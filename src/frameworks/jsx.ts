/**
 * JSX typings for the elements used as tags in React 19 (`<ip-entity-page ip="…" onip-change={…}>`):
 * `import type {} from 'ip-entity-page/jsx'` once (or add it to `compilerOptions.types`).
 * React 19 sets properties on custom elements and listens to `on<event-name>` props; with the
 * wrappers of `ip-entity-page/react` (`onIpChange`) these typings are not needed.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { IpElementProperties, IpElementReactEvents, IpElements, IpTagName } from './types.js';

type ReactIpElements = {
  [T in IpTagName]: DetailedHTMLProps<HTMLAttributes<IpElements[T]['element']>, IpElements[T]['element']> & IpElementProperties<T> & IpElementReactEvents<T>;
};

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends ReactIpElements {}
  }
}

export type { ReactIpElements };
