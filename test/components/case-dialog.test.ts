import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/case-dialog/ip-case-dialog.js';
import '../../src/components/response-actions/ip-response-actions.js';
import type { IpCaseDialog } from '../../src/components/case-dialog/case-dialog.js';
import type { IpResponseActions } from '../../src/components/response-actions/response-actions.js';
import type { AlertItem } from '../../src/data/model.js';
import { IpDataError } from '../../src/data/errors.js';
import { RestIpDataProvider } from '../../src/providers/rest/rest-provider.js';
import { StaticIpDataProvider } from '../../src/providers/static/static-provider.js';
import type { IpActionRequestEvent, IpCaseAddedEvent } from '../../src/events/events.js';
import { sendKeys } from '@web/test-runner-commands';
import { allByPart, byLabel, byRole, queryByRole } from '../helpers/roles.js';
import { deepActive, deepText, waitUntil } from '../helpers/dom.js';
import { recording, withOverrides } from '../helpers/providers.js';
import { makeAlert } from '../helpers/fixtures.js';
import { useMockApi } from '../helpers/msw.js';

const IP = '203.0.113.7';
const root = (el: Element) => el.shadowRoot!;
const text = (el: Element) => deepText(el).replace(/\s+/g, ' ').trim();
const ago = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

function incident(id: string, title: string, over: Partial<AlertItem> = {}): AlertItem {
  return makeAlert({ id, title, kind: 'incident', status: 'inProgress', severity: 'high', lastUpdated: ago(2), lastActivity: ago(3), ...over });
}

function staticWith(alerts: AlertItem[], others: AlertItem[] = []) {
  return new StaticIpDataProvider({ data: { [IP]: { alerts }, '198.51.100.9': { alerts: others } } });
}

async function open(provider: unknown) {
  const el = await fixture<IpCaseDialog>(html`<ip-case-dialog ip=${IP} .provider=${provider}></ip-case-dialog>`);
  el.show();
  await waitUntil(() => allByPart(root(el), 'case').length > 0 || root(el).querySelector('.cases, [role="status"]:not(:empty)'), 'the list');
  await waitUntil(() => !/Loading/.test(text(root(el).querySelector('form') ?? el)), 'loaded');
  return el;
}

const choices = (el: IpCaseDialog) => allByPart(root(el), 'case').map((c) => c.querySelector('.case-title')!.textContent!.trim());

describe('<ip-case-dialog>', () => {
  useMockApi();

  it('lists the open incidents involving the IP, the chosen one first, and adds the IP as a comment there', async () => {
    const p = staticWith([incident('101', 'C2 from finance workstations'), incident('102', 'Closed already', { status: 'resolved' }), makeAlert({ id: 'a1', kind: 'alert', title: 'Just an alert' })]);
    const added: IpCaseAddedEvent[] = [];
    const el = await open(p);
    el.addEventListener('ip-case-added', (e) => added.push(e as IpCaseAddedEvent));
    expect(choices(el)).to.deep.equal(['C2 from finance workstations']);
    expect(text(allByPart(root(el), 'case')[0]!)).to.contain('Involves this IP').and.contain('#101');
    // The only related incident is chosen; the text starts with the IP and the range.
    expect(byRole<HTMLInputElement>(root(el), 'radio', 'C2 from finance workstations').checked).to.equal(true);
    const field = byLabel<HTMLTextAreaElement>(root(el), 'What to record');
    expect(field.value).to.match(/^203\.0\.113\.7 — seen in the last 30 days: $/);
    await expect(el).to.be.accessible();
    field.value += 'Beacons every 5 minutes from WS-FIN-0231; blocked.';
    field.dispatchEvent(new Event('input'));
    byRole(root(el), 'button', 'Add to incident').click();
    await waitUntil(() => added.length === 1, 'ip-case-added');
    expect(added[0]!.detail.case.id).to.equal('101');
    expect(added[0]!.detail.record.text).to.equal('203.0.113.7 — seen in the last 30 days: Beacons every 5 minutes from WS-FIN-0231; blocked.');
    expect(text(byRole(root(el), 'status'))).to.equal('Added 203.0.113.7 to the incident “C2 from finance workstations”.');
    // The incident now carries it, where the alerts list shows its comments.
    const page = await p.listAlerts(IP, { offset: 0, limit: 10 }, { signal: new AbortController().signal });
    expect(page.items.find((a) => a.id === '101')!.comments!.at(-1)!.comment).to.contain('Beacons every 5 minutes');
  });

  it('finds another open incident by title, as the analyst types', async () => {
    const { provider, calls } = recording(staticWith([incident('101', 'C2 from finance workstations')], [incident('201', 'Ransomware precursor on file servers'), incident('202', 'Ransom note on the HR share', { lastUpdated: ago(30) })]));
    const el = await open(provider);
    const search = byLabel(root(el), 'Find an open incident or case');
    search.value = 'ransom';
    search.dispatchEvent(new Event('input'));
    await waitUntil(() => choices(el).includes('Ransomware precursor on file servers'), 'the match');
    // Most recently changed first.
    expect(choices(el)).to.deep.equal(['Ransomware precursor on file servers', 'Ransom note on the HR share']);
    expect(calls.filter((c) => c.method === 'listCases').at(-1)!.args[1]).to.deep.include({ search: 'ransom' });
    // None involves the IP: nothing chosen until the analyst chooses.
    expect(byRole<HTMLInputElement>(root(el), 'radio', 'Ransomware precursor on file servers').checked).to.equal(false);
    byRole(root(el), 'button', 'Add to incident').click();
    await waitUntil(() => queryByRole(root(el), 'alert'), 'the reason');
    expect(text(byRole(root(el), 'alert'))).to.equal('Choose an incident or case.');
  });

  it('keeps the choice and the text when adding fails, and says why', async () => {
    const base = staticWith([incident('101', 'C2 from finance workstations')]);
    const failing = withOverrides(base, { addToCase: () => Promise.reject(new IpDataError('forbidden', 'Graph refused: SecurityIncident.ReadWrite.All is needed.')) });
    const el = await open(failing);
    const field = byLabel<HTMLTextAreaElement>(root(el), 'What to record');
    field.value = 'Important context';
    field.dispatchEvent(new Event('input'));
    byRole(root(el), 'button', 'Add to incident').click();
    await waitUntil(() => queryByRole(root(el), 'alert'), 'the failure');
    expect(text(byRole(root(el), 'alert'))).to.contain('SecurityIncident.ReadWrite.All');
    expect(byLabel<HTMLTextAreaElement>(root(el), 'What to record').value).to.equal('Important context');
    expect(byRole<HTMLInputElement>(root(el), 'radio', 'C2 from finance workstations').checked).to.equal(true);
  });

  it('asks the host first, and a veto adds nothing', async () => {
    const { provider, calls } = recording(staticWith([incident('101', 'C2 from finance workstations')]));
    const el = await open(provider);
    el.addEventListener('ip-action-request', (e) => (e as IpActionRequestEvent).preventDefault());
    byRole(root(el), 'button', 'Add to incident').click();
    await waitUntil(() => queryByRole(root(el), 'alert'), 'the veto');
    expect(calls.some((c) => c.method === 'addToCase')).to.equal(false);
  });

  it('is a modal dialog: Escape closes it and focus returns to the bar’s button', async () => {
    const bar = await fixture<IpResponseActions>(html`<ip-response-actions ip=${IP} .provider=${staticWith([incident('101', 'C2 from finance workstations')])}></ip-response-actions>`);
    await waitUntil(() => queryByRole(root(bar), 'button', 'Add to incident'), 'the action');
    const button = byRole(root(bar), 'button', 'Add to incident');
    expect(button.getAttribute('aria-haspopup')).to.equal('dialog');
    button.focus();
    button.click();
    await waitUntil(() => bar.shadowRoot!.querySelector('ip-case-dialog')?.open, 'the dialog');
    const dialog = bar.shadowRoot!.querySelector('ip-case-dialog')!;
    await waitUntil(() => deepActive()?.id === 'case-search', 'focus in the search');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'closed');
    await waitUntil(() => deepActive() === button, 'focus back');
  });

  it('is Add to case where the backend says its records are cases', async () => {
    const base = staticWith([incident('101', 'C2 from finance workstations')]);
    const cases = withOverrides(base, { getCapabilities: async () => ({ ...(await base.getCapabilities!({ signal: new AbortController().signal })), caseKind: 'case' }) });
    const bar = await fixture<IpResponseActions>(html`<ip-response-actions ip=${IP} .provider=${cases}></ip-response-actions>`);
    await waitUntil(() => queryByRole(root(bar), 'button', 'Add to case'), 'the action named for cases');
    expect(queryByRole(root(bar), 'button', 'Add to incident')).to.equal(null);
  });

  it('over the REST contract: the C2 server’s open incidents, and the comment lands on the incident', async () => {
    const rest = new RestIpDataProvider({ baseUrl: '/api' });
    const el = await open(rest);
    expect(choices(el).length, 'the demo C2 server has open incidents').to.be.greaterThan(0);
    const first = allByPart(root(el), 'case')[0]!;
    expect(text(first)).to.contain('Involves this IP');
    byRole(root(el), 'button', 'Add to incident').click();
    await waitUntil(() => /^Added 203\.0\.113\.7 to the incident/.test(text(queryByRole(root(el), 'status') ?? el)), 'added');
  });

  it('says when the data source cannot record the IP, and stays out of the bar', async () => {
    const plain = withOverrides(staticWith([]), { listCases: undefined, addToCase: undefined });
    const bar = await fixture<IpResponseActions>(html`<ip-response-actions ip=${IP} .provider=${plain}></ip-response-actions>`);
    await bar.updateComplete;
    expect(queryByRole(root(bar), 'button', 'Add to incident')).to.equal(null);
    const el = await fixture<IpCaseDialog>(html`<ip-case-dialog ip=${IP} .provider=${plain}></ip-case-dialog>`);
    el.show();
    await el.updateComplete;
    expect(text(byRole(root(el), 'alert'))).to.equal('This data source cannot record the IP on an incident or case.');
  });
});
