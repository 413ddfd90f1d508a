import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/note/ip-note.js';
import '../../src/components/entity-page/ip-entity-page.js';
import type { IpNoteElement } from '../../src/components/note/note.js';
import type { IpEntityPage } from '../../src/components/entity-page/entity-page.js';
import type { IpNote } from '../../src/data/model.js';
import { IpDataError } from '../../src/data/errors.js';
import { RestIpDataProvider } from '../../src/providers/rest/rest-provider.js';
import { StaticIpDataProvider } from '../../src/providers/static/static-provider.js';
import type { IpActionRequestEvent } from '../../src/events/events.js';
import { sendKeys } from '@web/test-runner-commands';
import { byRole, queryByRole } from '../helpers/roles.js';
import { deepActive, deepText, waitUntil } from '../helpers/dom.js';
import { withOverrides } from '../helpers/providers.js';
import { useMockApi } from '../helpers/msw.js';

const IP = '203.0.113.7';
const root = (el: Element) => el.shadowRoot!;
const note = (over: Partial<IpNote> = {}): IpNote => ({ text: 'Pentest by Contoso Red Team until Friday.', updatedAt: new Date(Date.now() - 3_600_000).toISOString(), updatedBy: 'alex@contoso.com', version: '1', ...over });

async function mount(provider: unknown, ip = IP) {
  const el = await fixture<IpNoteElement>(html`<ip-note ip=${ip} .provider=${provider}></ip-note>`);
  return el;
}

describe('<ip-note>', () => {
  useMockApi();

  it('shows the note a colleague left, with who and when, and edits it in place', async () => {
    const p = new StaticIpDataProvider({ data: { [IP]: { note: note() } }, currentUser: 'sam@contoso.com' });
    const el = await mount(p);
    await waitUntil(() => queryByRole(root(el), 'note'), 'the note');
    expect(deepText(byRole(root(el), 'note'))).to.contain('Pentest by Contoso Red Team until Friday.').and.to.contain('alex@contoso.com').and.to.contain('1 hour ago');
    await expect(el).to.be.accessible();
    byRole(root(el), 'button', 'Edit the note').click();
    await waitUntil(() => deepActive()?.tagName === 'TEXTAREA', 'the field takes focus');
    const field = root(el).querySelector('textarea')!;
    expect(field.value).to.equal('Pentest by Contoso Red Team until Friday.');
    // Escape leaves it unchanged.
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => deepActive()?.classList.contains('edit'), 'back on Edit');
    byRole(root(el), 'button', 'Edit the note').click();
    await el.updateComplete;
    const f = root(el).querySelector('textarea')!;
    f.value = 'Pentest over. Treat as hostile again.\nSee INC-41234.';
    f.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(deepText(root(el))).to.contain('52 of 4,000 characters');
    await expect(el).to.be.accessible();
    byRole(root(el), 'button', 'Save').click();
    await waitUntil(() => queryByRole(root(el), 'note')?.textContent?.includes('Treat as hostile'), 'saved');
    expect(deepText(byRole(root(el), 'note'))).to.contain('sam@contoso.com');
    expect((await p.getNote(IP, { signal: new AbortController().signal }))!.version).to.equal('2');
  });

  it('keeps what was typed when the host refuses or the save fails, and when a colleague saved meanwhile shows theirs', async () => {
    const p = new StaticIpDataProvider({ data: { [IP]: { note: note() } } });
    let failNext = false;
    const el = await mount(withOverrides(p, {
      saveNote: async (ip: string, n: { text: string; version?: string }, o: { signal: AbortSignal }) => {
        if (failNext) throw new IpDataError('unavailable', 'Notes are down.');
        return p.saveNote(ip, n, o);
      },
    }));
    let veto: string | undefined;
    el.addEventListener('ip-action-request', (e) => {
      const ev = e as IpActionRequestEvent;
      expect(ev.detail.action).to.equal('save-note');
      if (veto) ev.veto(veto);
    });
    await waitUntil(() => queryByRole(root(el), 'note'), 'the note');
    byRole(root(el), 'button', 'Edit the note').click();
    await el.updateComplete;
    const type = async (text: string) => {
      const f = root(el).querySelector('textarea')!;
      f.value = text;
      f.dispatchEvent(new Event('input'));
      await el.updateComplete;
    };
    await type('Mine.');
    veto = 'notes are frozen during the incident';
    byRole(root(el), 'button', 'Save').click();
    await waitUntil(() => queryByRole(root(el), 'alert'), 'the veto');
    expect(byRole(root(el), 'alert').textContent).to.equal('Not done: notes are frozen during the incident');
    expect(root(el).querySelector('textarea')!.value).to.equal('Mine.');
    veto = undefined;
    failNext = true;
    byRole(root(el), 'button', 'Save').click();
    await waitUntil(() => queryByRole(root(el), 'alert')?.textContent?.includes('Notes are down.'), 'the failure');
    expect(root(el).querySelector('textarea')!.value).to.equal('Mine.');
    // A colleague saves meanwhile: the save is refused, theirs is shown, the text stays; saving again replaces theirs.
    failNext = false;
    await p.saveNote(IP, { text: 'Theirs.', version: '1' }, { signal: new AbortController().signal });
    byRole(root(el), 'button', 'Save').click();
    await waitUntil(() => queryByRole(root(el), 'group', 'The note a colleague saved'), 'their note');
    expect(deepText(byRole(root(el), 'group', 'The note a colleague saved'))).to.contain('Theirs.');
    expect(byRole(root(el), 'alert').textContent).to.contain('A colleague saved this note while you were writing.');
    expect(root(el).querySelector('textarea')!.value).to.equal('Mine.');
    byRole(root(el), 'button', 'Save').click();
    await waitUntil(() => queryByRole(root(el), 'note')?.textContent?.includes('Mine.'), 'saved over theirs');
  });

  it('offers to add one where there is none, removes it when emptied, and shows nothing without notes', async () => {
    const el = await mount(new RestIpDataProvider({ baseUrl: '/api' }), '198.51.100.23');
    await waitUntil(() => queryByRole(root(el), 'button', 'Add a note for colleagues'), 'the button');
    byRole(root(el), 'button', 'Add a note for colleagues').click();
    await el.updateComplete;
    const f = root(el).querySelector('textarea')!;
    f.value = '<img src=x onerror=alert(1)> stays text';
    f.dispatchEvent(new Event('input'));
    await el.updateComplete;
    byRole(root(el), 'button', 'Save').click();
    await waitUntil(() => queryByRole(root(el), 'note'), 'saved');
    expect(root(el).querySelector('img')).to.equal(null);
    expect(deepText(byRole(root(el), 'note'))).to.contain('<img src=x onerror=alert(1)> stays text');
    byRole(root(el), 'button', 'Edit the note').click();
    await el.updateComplete;
    const g = root(el).querySelector('textarea')!;
    g.value = '';
    g.dispatchEvent(new Event('input'));
    await el.updateComplete;
    byRole(root(el), 'button', 'Save').click();
    await waitUntil(() => queryByRole(root(el), 'button', 'Add a note for colleagues'), 'removed');
    const none = await fixture<IpNoteElement>(html`<ip-note ip=${IP} .provider=${withOverrides(new StaticIpDataProvider({ data: {} }), { getNote: undefined, saveNote: undefined })}></ip-note>`);
    await new Promise((r) => setTimeout(r, 100));
    expect(root(none).childElementCount).to.equal(0);
  });

  it('is in the page under the response actions, over the REST contract', async () => {
    const page = await fixture<IpEntityPage>(html`<ip-entity-page ip=${IP} api-base="/api"></ip-entity-page>`);
    await waitUntil(() => page.shadowRoot!.querySelector('ip-note')?.shadowRoot?.querySelector('[role="note"]'), 'the note', { timeout: 10_000 });
    expect(deepText(page.shadowRoot!.querySelector('ip-note')!)).to.contain('INC-41234').and.to.contain('soc-lead@contoso.com');
  });
});
