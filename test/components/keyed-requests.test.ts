import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { KeyedRequestsController } from '../../src/components/shared/keyed-requests.js';

/** A request the test answers by hand. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

class KeyedHost extends LitElement {
  readonly requests = new KeyedRequestsController<string>(this);
}
customElements.define('keyed-requests-host', KeyedHost);

describe('KeyedRequestsController', () => {
  it('a newer request for a key aborts the older, whose late answer never lands', async () => {
    const requests = new KeyedRequestsController<string>();
    const got: string[] = [];
    const first = deferred<string>();
    const second = deferred<string>();
    let firstSignal!: AbortSignal;
    requests.run('a', (s) => ((firstSignal = s), first.promise), { ok: (v) => got.push(v) });
    requests.run('a', () => second.promise, { ok: (v) => got.push(v) });
    expect(firstSignal.aborted).to.equal(true);
    first.resolve('old');
    second.resolve('new');
    await tick();
    expect(got).to.deep.equal(['new']);
    expect(requests.pending('a')).to.equal(false);
  });

  it('keys are independent; abort(key) stops one; errors are delivered, aborts are not', async () => {
    const requests = new KeyedRequestsController<number>();
    const seen: string[] = [];
    const a = deferred<string>();
    const b = deferred<string>();
    let aSignal!: AbortSignal;
    requests.run(1, (s) => ((aSignal = s), a.promise), { ok: (v) => seen.push(`ok ${v}`), error: (e) => seen.push(`error ${String(e)}`), done: () => seen.push('done 1') });
    requests.run(2, () => b.promise, { ok: (v) => seen.push(`ok ${v}`), error: (e) => seen.push(`error ${(e as Error).message}`), done: () => seen.push('done 2') });
    expect(requests.keys()).to.deep.equal([1, 2]);
    requests.abort(1);
    expect(aSignal.aborted).to.equal(true);
    a.reject(new DOMException('stopped', 'AbortError'));
    b.reject(new Error('down'));
    await tick();
    expect(seen).to.deep.equal(['error down', 'done 2']);
    // A request that throws before returning a promise is an error like any other.
    requests.run(3, () => {
      throw new Error('sync');
    }, { ok: () => seen.push('ok 3'), error: (e) => seen.push(`error ${(e as Error).message}`) });
    await tick();
    expect(seen.at(-1)).to.equal('error sync');
  });

  it('with a host, everything in flight is aborted when the host leaves the page', async () => {
    const host = await fixture<KeyedHost>(html`<keyed-requests-host></keyed-requests-host>`);
    const signals: AbortSignal[] = [];
    let landed = false;
    for (const key of ['x', 'y']) host.requests.run(key, (s) => (signals.push(s), new Promise(() => {})), { ok: () => (landed = true) });
    host.remove();
    expect(signals.map((s) => s.aborted)).to.deep.equal([true, true]);
    expect(host.requests.keys()).to.deep.equal([]);
    expect(landed).to.equal(false);
  });
});
