/**
 * A host's provider that answers with the wrong shape breaks at most one block. Seeded
 * structural fuzz: 100 mutated answers per provider method through the readers, then a
 * rendered sample through the overview and the whole page. 0 uncaught errors; every failure is
 * that block's visible error.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/overview/ip-overview.js';
import '../../src/components/entity-page/ip-entity-page.js';
import { IpDataError } from '../../src/data/errors.js';
import type { IpDataProvider } from '../../src/data/provider.js';
import { ANSWER_READERS, LIMITS, readAnswer, type AnswerMethod } from '../../src/providers/validate.js';
import { deepQueryAll, waitUntil } from '../helpers/dom.js';
import { mutate, rng, validAnswers } from '../helpers/fuzz.js';

const IP = '203.0.113.7';
const PER_METHOD = 100;

/** Every string in a read answer is within the text limits (plus the "more characters" note). */
function longestString(value: unknown, depth = 0): number {
  if (typeof value === 'string') return value.length;
  if (depth > 8 || value === null || typeof value !== 'object') return 0;
  let max = 0;
  for (const v of Object.values(value as object)) max = Math.max(max, longestString(v, depth + 1));
  return max;
}

function collectUncaught(): { errors: unknown[]; stop: () => void } {
  const errors: unknown[] = [];
  const onError = (e: ErrorEvent) => {
    if (String(e.message).startsWith('ResizeObserver loop')) return;
    errors.push(e.error ?? e.message);
  };
  const onRejection = (e: PromiseRejectionEvent) => errors.push(e.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop: () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** A provider answering valid data, except `method`, which answers `answer`. */
function providerWith(answers: Record<string, unknown>): IpDataProvider {
  const call = (m: string) => async () => structuredClone(answers[m]);
  return Object.fromEntries(['getIpDetails', 'getSecuritySummary', 'getLogActivity', 'getPrevalence', 'listAlerts', 'listObservedDevices'].map((m) => [m, call(m)])) as unknown as IpDataProvider;
}

/** Every block has settled: content or its error, no skeleton left. */
async function settled(root: Element, what: string) {
  await waitUntil(() => deepQueryAll(root, '[aria-busy="true"]').length === 0, `${what}: a block stayed loading`, { timeout: 4000 });
}

describe('structural fuzz of provider answers', () => {
  // One test a method, each with its own seed: a failure names the method, and no test reads
  // 2,400 answers in one timeout (it took 4.5 s of its 10 s in a full run, and once more than 10
  // on a busy machine).
  const valid = validAnswers(IP);
  (Object.keys(ANSWER_READERS) as AnswerMethod[]).forEach((method, index) => {
    it(`${method}: ${PER_METHOD} mutated answers are each accepted within limits or refused as bad-response naming the method`, () => {
      const random = rng(20261201 + index);
      // A list answer is read with the call's arguments (which list, how many were asked for).
      const args = method === 'listThreatIntel' ? [IP, 'passiveDns', { offset: 0, limit: 100 }] : undefined;
      expect(() => readAnswer(method, valid[method], 100, args), `the valid ${method} answer`).to.not.throw();
      let refused = 0;
      for (let i = 0; i < PER_METHOD; i++) {
        const answer = mutate(valid[method], random);
        let result: unknown;
        try {
          result = readAnswer(method, answer, 100, args);
        } catch (error) {
          if (!(error instanceof IpDataError) || error.kind !== 'bad-response' || error.method !== method || !error.message.includes(method)) {
            throw new Error(`${method} #${i}: the reader failed with ${String(error)} instead of a bad-response`);
          }
          refused++;
          continue;
        }
        expect(longestString(result), `${method} #${i}: text within limits`).to.be.at.most(LIMITS.longText + 40);
        expect(() => JSON.stringify(result), `${method} #${i}: plain data`).to.not.throw();
      }
      // Both outcomes happen: the fuzz is neither too gentle nor only breaking the root. Not for
      // removeIndicator: its answer is ignored, so every mutation of it is accepted.
      if (method !== 'removeIndicator') expect(refused, `${method}: answers refused`).to.be.within(1, PER_METHOD - 1);
    });
  });

  it('renders a sample of mutated overview answers: only the broken block shows its error, nothing throws', async function () {
    this.timeout(60_000);
    const random = rng(7);
    const valid = validAnswers(IP);
    const uncaught = collectUncaught();
    try {
      for (const method of ['getIpDetails', 'getSecuritySummary', 'getLogActivity', 'getPrevalence'] as const) {
        for (let i = 0; i < 6; i++) {
          const answers: Record<string, unknown> = { ...valid, [method]: mutate(valid[method], random) };
          const el = await fixture<HTMLElement>(html`<ip-overview ip=${IP} .provider=${providerWith(answers)}></ip-overview>`);
          await settled(el, `${method} #${i}`);
          // The blocks that did not depend on the broken answer show their data.
          const text = el.shadowRoot!.textContent!;
          if (method !== 'getIpDetails') expect(text, `${method} #${i}: details still shown`).to.contain((valid.getIpDetails as { organization: string }).organization);
          if (method !== 'getSecuritySummary') expect(text, `${method} #${i}: summary still shown`).to.contain('Open incidents');
          // A broken block says what was wrong (or shows what the readers accepted).
          const errors = deepQueryAll(el, '.state.error');
          for (const e of errors) expect(e.textContent, `${method} #${i}`).to.match(/cannot read|could not be shown/);
        }
      }
      expect(uncaught.errors, `uncaught: ${uncaught.errors.map(String).join('; ')}`).to.deep.equal([]);
    } finally {
      uncaught.stop();
    }
  });

  it('mounts whole pages whose every overview answer is mutated: no uncaught error, no block loading forever', async function () {
    this.timeout(60_000);
    const random = rng(99);
    const valid = validAnswers(IP);
    const uncaught = collectUncaught();
    try {
      for (let i = 0; i < 10; i++) {
        const answers: Record<string, unknown> = { ...valid };
        for (const m of ['getIpDetails', 'getSecuritySummary', 'getLogActivity', 'getPrevalence']) answers[m] = mutate(valid[m as AnswerMethod], random);
        const page = await fixture<HTMLElement>(html`<ip-entity-page ip=${IP} actions="none" .provider=${providerWith(answers)}></ip-entity-page>`);
        await settled(page, `page #${i}`);
      }
      expect(uncaught.errors, `uncaught: ${uncaught.errors.map(String).join('; ')}`).to.deep.equal([]);
    } finally {
      uncaught.stop();
    }
  });
});
