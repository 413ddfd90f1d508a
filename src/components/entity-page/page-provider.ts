/**
 * The provider the page and its sections use: the host's, with the host's link templates in
 * front of its links, guarded (every answer read and checked) and wrapped once in the memo layer
 * (the same question answered once, in flight or kept; see providers/memo.ts). A new provider, or
 * new templates, get a new layer; `forget()` drops the kept answers (a new IP).
 */
import type { IpDataProvider } from '../../data/provider.js';
import { guardProvider } from '../../providers/guard.js';
import { withLinks } from '../../providers/links.js';
import { forgetAnswers, memoizeProvider } from '../../providers/memo.js';
import { hasTemplates, templateLinks, type LinkTemplates } from '../../lib/link-templates.js';

export class PageProvider {
  #of?: IpDataProvider;
  #links = '';
  #layer?: IpDataProvider;

  /** The layer for `given` and `templates`; `ip` names the page's IP for templates that use `{ip}`. */
  resolve(given: IpDataProvider | undefined, templates: LinkTemplates, ip: () => string | undefined): IpDataProvider | undefined {
    if (!given) return undefined;
    const links = hasTemplates(templates) ? JSON.stringify(templates) : '';
    if (this.#of !== given || this.#links !== links || !this.#layer) {
      this.#of = given;
      this.#links = links;
      this.#layer = memoizeProvider(guardProvider(links ? withLinks(given, templateLinks(templates, given.links, ip)) : given));
    }
    return this.#layer;
  }

  forget(): void {
    forgetAnswers(this.#layer);
  }
}
