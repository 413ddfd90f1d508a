/**
 * The IP parser's words, in the page's language: the names of address scopes and embedded kinds
 * (the header shows them). Why a text is not an address is `ipProblemText` in ip-problem.ts,
 * which the page loads only when there is a problem to say. The parser itself (lib/ip.ts) is
 * pure and returns reasons.
 */
import type { EmbeddedIpv4, IpParseResult, IpScope } from '../../lib/ip.js';
import { msg } from './l10n.js';
import { lazyModule } from '../../lib/lazy.js';

/** Each scope's name, for the header's badge and sentences such as "a private address". */
export const IP_SCOPE_LABELS: Readonly<Record<IpScope, string>> = {
  get public() {
    return msg('Public');
  },
  get private() {
    return msg('Private');
  },
  get loopback() {
    return msg('Loopback');
  },
  get 'link-local'() {
    return msg('Link-local');
  },
  get cgnat() {
    return msg('Carrier-grade NAT');
  },
  get multicast() {
    return msg('Multicast');
  },
  get documentation() {
    return msg('Documentation');
  },
  get reserved() {
    return msg('Reserved');
  },
  get unspecified() {
    return msg('Unspecified');
  },
};

export const EMBEDDED_KIND_LABELS: Readonly<Record<EmbeddedIpv4['kind'], string>> = {
  nat64: 'NAT64',
  '6to4': '6to4',
  teredo: 'Teredo',
};

const problemWords = lazyModule(() => import('./ip-problem.js'));

/**
 * Why `result` is not an address (`ipProblemText`), for elements in the first paint, which do not
 * carry those sentences: empty until they have loaded, when `host` is asked to render again.
 */
export function ipProblemLater(result: IpParseResult, host: { requestUpdate(): void }): string {
  if (problemWords.value) return problemWords.value.ipProblemText(result);
  problemWords.load().then(
    () => host.requestUpdate(),
    () => undefined,
  );
  return '';
}
