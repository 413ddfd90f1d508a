/**
 * The first screen's questions leave together. Two of its parts load their code after the first
 * paint: the overview's prevalence chart (its drawing needs the ECharts chunk anyway) and the
 * header's reputation badge (only for providers with threat intelligence). Left to themselves they
 * would ask only once their code is here, a round trip after the overview's other questions, and
 * the badge after the capabilities too. So the page asks their questions itself as soon as it
 * knows the IP and range, through its memo layer (providers/memo.ts): when the part arrives, its
 * own question joins the request in flight or takes the answer kept.
 *
 * - Only what the screen shows: the prevalence when the Overview tab is open; threat intelligence
 *   (the badge shows in the header whatever the tab) when the provider has the method and its
 *   capabilities do not say no. Capabilities a provider knows itself (the vendor providers and the
 *   static one) have answered by the next task, and decide. When they are still out then (a REST
 *   backend asks its server), the page asks without waiting; if they then say there is no threat
 *   intelligence, that request is called off: the memo aborts it, since nothing else waits on it.
 * - A new IP, range or provider calls off the last ones (the memo aborts a request only when no
 *   part waits on it), and so does the page leaving the document.
 * - Failures are the parts' to report: the memo keeps no failure, so a part asks again.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { IpDataProvider } from '../../data/provider.js';
import type { TimeRange } from '../../lib/time-range.js';

export interface FirstScreen {
  /** The page's provider (its memo layer); undefined while there is none. */
  provider?: IpDataProvider;
  /** The canonical IP; undefined while there is no valid one. */
  ip?: string;
  range?: TimeRange;
  /** The Overview tab is open. */
  overview: boolean;
  /** The provider's threat-intelligence capability: undefined until its capabilities answer. */
  threatIntel?: boolean;
}

export class FirstScreenController implements ReactiveController {
  readonly #read: () => FirstScreen;
  #provider?: IpDataProvider;
  #ip?: string;
  #prevalence?: { key: string; stop: AbortController };
  #threatIntel?: AbortController;
  #intelTimer?: ReturnType<typeof setTimeout>;

  constructor(host: ReactiveControllerHost, read: () => FirstScreen) {
    this.#read = read;
    host.addController(this);
  }

  hostUpdated(): void {
    const { provider, ip, range, overview, threatIntel } = this.#read();
    if (provider !== this.#provider || ip !== this.#ip) {
      this.hostDisconnected();
      this.#provider = provider;
      this.#ip = ip;
      // Capabilities the provider knows itself answer within this task: the next one decides.
      if (provider && ip && typeof provider.getThreatIntel === 'function') this.#intelTimer = setTimeout(() => this.#askThreatIntel(this.#read().threatIntel !== false));
    }
    if (threatIntel === false) this.#stopThreatIntel();
    else if (threatIntel) this.#askThreatIntel(true);
    const key = provider && ip && range && overview ? `${range.from.getTime()}/${range.to.getTime()}` : '';
    if (key === (this.#prevalence?.key ?? '')) return;
    this.#prevalence?.stop.abort();
    this.#prevalence = undefined;
    if (!key) return;
    const stop = new AbortController();
    this.#prevalence = { key, stop };
    provider!.getPrevalence(ip!, range!, { signal: stop.signal }).catch(() => undefined);
  }

  #askThreatIntel(wanted: boolean) {
    clearTimeout(this.#intelTimer);
    this.#intelTimer = undefined;
    const [provider, ip] = [this.#provider, this.#ip];
    if (!wanted || this.#threatIntel || !provider?.getThreatIntel || !ip) return;
    this.#threatIntel = new AbortController();
    provider.getThreatIntel(ip, { signal: this.#threatIntel.signal }).catch(() => undefined);
  }

  hostDisconnected(): void {
    clearTimeout(this.#intelTimer);
    this.#intelTimer = undefined;
    this.#stopThreatIntel();
    this.#prevalence?.stop.abort();
    this.#prevalence = undefined;
    // Back in the document, the page asks again (what the memo kept answers at once).
    this.#provider = undefined;
    this.#ip = undefined;
  }

  #stopThreatIntel() {
    this.#threatIntel?.abort();
    this.#threatIntel = undefined;
  }
}
