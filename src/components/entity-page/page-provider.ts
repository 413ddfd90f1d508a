/**
 * The provider the page and its sections use: the host's, with the host's link templates in
 * front of its links, guarded (every answer read and checked) and wrapped once in the memo layer
 * (the same question answered once, in flight or kept; see providers/memo.ts). A new provider gets
 * a new layer; new templates do not (the layer reads the current ones when asked for a link), so
 * templates set after the provider — a host that assigns them in a later task — neither ask the
 * sections' questions again nor abort the ones in flight. `linksVersion` counts template changes,
 * for the page to redraw the links. `forget()` drops the kept answers (a new IP).
 *
 * The templates' code (shared/link-templates.ts) loads when a host first sets one, not with the
 * first paint: until it is here the provider's own links stand, then the version moves and the
 * page is asked to redraw (`onLinks`).
 */
import type { IpDataProvider, LinkResolver } from '../../data/provider.js';
import { guardProvider } from '../../providers/guard.js';
import { withLinks } from '../../providers/links.js';
import { forgetAnswers, memoizeProvider } from '../../providers/memo.js';
import type { LinkTemplates } from '../shared/link-templates.js';
import { lazyModule } from '../../lib/lazy.js';

const templating = lazyModule(() => import('../shared/link-templates.js'));

/** Whether any template is set (here, not with the templates' code, which loads only then). */
export const hasTemplates = (templates: LinkTemplates): boolean => Object.values(templates).some((v) => typeof v === 'string' && v.trim() !== '');

export class PageProvider {
  /** Called when the links change without a new provider (the templates' code arrived). */
  onLinks?: () => void;
  #of?: IpDataProvider;
  #layer?: IpDataProvider;
  #templates = '';
  /** The links the layer gives: the templates' in front of the provider's, or the provider's. */
  #links?: LinkResolver;
  #version = 0;

  /** How many times the link templates changed (the layer stayed). */
  get linksVersion(): number {
    return this.#version;
  }

  /** The layer for `given` and `templates`; `ip` names the page's IP for templates that use `{ip}`. */
  resolve(given: IpDataProvider | undefined, templates: LinkTemplates, ip: () => string | undefined): IpDataProvider | undefined {
    if (!given) return undefined;
    const key = hasTemplates(templates) ? JSON.stringify(templates) : '';
    const fresh = this.#of !== given || !this.#layer;
    if (fresh || this.#templates !== key) {
      if (!fresh) this.#version++;
      this.#templates = key;
      this.#links = key && templating.value ? templating.value.templateLinks(templates, given.links, ip) : given.links;
      if (key && !templating.value) {
        templating.load().then(
          (m) => {
            if (this.#templates !== key || this.#of !== given) return;
            this.#links = m.templateLinks(templates, given.links, ip);
            this.#version++;
            this.onLinks?.();
          },
          () => undefined,
        );
      }
    }
    if (fresh) {
      this.#of = given;
      // The guard reads `links` when asked and guards each new resolver it sees.
      const links = { current: () => this.#links };
      this.#layer = memoizeProvider(guardProvider(withLinks(given, links.current)));
    }
    return this.#layer;
  }

  forget(): void {
    forgetAnswers(this.#layer);
  }
}
