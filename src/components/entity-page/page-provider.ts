/**
 * The provider the page and its sections use: the host's, with the host's link templates in
 * front of its links, guarded (every answer read and checked) and wrapped once in the memo layer
 * (the same question answered once, in flight or kept; see providers/memo.ts). A new provider gets
 * a new layer; new templates do not (the layer reads the current ones when asked for a link), so
 * templates set after the provider — a host that assigns them in a later task — neither ask the
 * sections' questions again nor abort the ones in flight. `linksVersion` counts template changes,
 * for the page to redraw the links. `forget()` drops the kept answers (a new IP).
 */
import type { IpDataProvider, LinkResolver } from '../../data/provider.js';
import { guardProvider } from '../../providers/guard.js';
import { withLinks } from '../../providers/links.js';
import { forgetAnswers, memoizeProvider } from '../../providers/memo.js';
import { hasTemplates, templateLinks, type LinkTemplates } from '../shared/link-templates.js';

export class PageProvider {
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
      this.#links = key ? templateLinks(templates, given.links, ip) : given.links;
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
