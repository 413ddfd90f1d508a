import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/response-actions/ip-response-actions.js';
// The bar's dialogs load on first use or when the page is idle; these tests open them at once.
import '../../src/components/indicator-wizard/ip-indicator-wizard.js';
import '../../src/components/hunt-dialog/ip-hunt-dialog.js';
import type { IpResponseActions } from '../../src/components/response-actions/response-actions.js';
import type { Indicator, IndicatorInput } from '../../src/data/model.js';
import type { IpDataProvider } from '../../src/data/provider.js';
import { IpDataError } from '../../src/data/errors.js';
import type { IpActionRequestEvent, IpCopyEvent, IpIndicatorAddedEvent, IpNavigateEvent } from '../../src/events/events.js';
import { StaticIpDataProvider } from '../../src/providers/static/static-provider.js';
import { parseIp, type ParsedIp } from '../../src/lib/ip.js';
import { deepText, typeText, waitUntil } from '../helpers/dom.js';
import { accessibleName, allByRole, byRole, queryByRole } from '../helpers/roles.js';
import { fullData, withOverrides } from '../helpers/providers.js';
import { useClipboard } from '../helpers/clipboard.js';

const IP = '203.0.113.7';
const GROUPS = ['Workstations – Finance', 'Servers – Production'];

function provider(extra: Partial<ConstructorParameters<typeof StaticIpDataProvider>[0]> = {}) {
  return new StaticIpDataProvider({ data: { [IP]: fullData() }, deviceGroups: GROUPS, ...extra });
}

const root = (el: IpResponseActions) => el.shadowRoot!;
const NAMES: Record<string, string> = {
  'add-indicator': 'Add indicator',
  hunt: 'Go hunt',
  'hunting-queries': 'Hunting queries',
  'activity-log': 'Investigate in Activity log',
  'cloud-app-settings': 'Open cloud app IP settings',
  'copy-ip': 'Copy IP',
  'copy-summary': 'Copy summary',
};
/** The bar's own buttons and links (not the More menu's items). */
const barActions = (el: IpResponseActions) => {
  const bar = byRole(root(el), 'group', 'Response actions');
  return [...bar.querySelectorAll<HTMLElement>('button, a[href]')].filter((b) => b.getAttribute('role') !== 'menuitem' && b.getAttribute('aria-haspopup') !== 'menu');
};
const action = (el: IpResponseActions, id: string) => barActions(el).find((b) => accessibleName(b) === NAMES[id]) ?? null;
/** The wizard's and the hunt dialog's shadow roots (child elements of the bar). */
const wroot = (el: IpResponseActions) => root(el).querySelector('ip-indicator-wizard')!.shadowRoot!;
const hroot = (el: IpResponseActions) => root(el).querySelector('ip-hunt-dialog')!.shadowRoot!;
const wizard = (el: IpResponseActions) => wroot(el).querySelector<HTMLDialogElement>('dialog')!;
const hunt = (el: IpResponseActions) => hroot(el).querySelector<HTMLDialogElement>('dialog')!;
/** What has focus, through the bar's and its dialogs' shadow roots. */
const active = (el: IpResponseActions) => {
  let a = root(el).activeElement as HTMLElement | null;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement as HTMLElement;
  return a;
};
const footerButton = (el: IpResponseActions, text: string) =>
  [...wizard(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === text)!;
/** The wizard's alerts: the submit error (it says "Your entries are kept"), the moved-IP notice (it names both IPs). */
const submitError = (el: IpResponseActions) => allByRole(wroot(el), 'alert').find((a) => a.textContent!.includes('Your entries are kept')) ?? null;
const ipChanged = (el: IpResponseActions) => allByRole(wroot(el), 'alert').find((a) => a.textContent!.includes('The page now shows')) ?? null;
const field = <T extends HTMLElement = HTMLInputElement>(el: IpResponseActions, id: string) => wroot(el).querySelector<T>(`#${id}`)!;

async function mount(p: IpDataProvider | undefined = provider(), attrs: { ip?: string; showUnavailable?: boolean; width?: string } = {}) {
  const el = await fixture<IpResponseActions>(html`<div style="width:${attrs.width ?? '1200px'}"><ip-response-actions ip=${attrs.ip ?? IP} .provider=${p} ?show-unavailable=${attrs.showUnavailable}></ip-response-actions></div>`);
  const ra = el.querySelector('ip-response-actions')!;
  await ra.updateComplete;
  await aTimeout(0); // capabilities
  await ra.updateComplete;
  return ra;
}

async function type(el: IpResponseActions, id: string, text: string) {
  const input = field<HTMLInputElement | HTMLTextAreaElement>(el, id);
  input.focus();
  input.value = '';
  await typeText(text);
  await el.updateComplete;
}

async function next(el: IpResponseActions) {
  footerButton(el, 'Next').click();
  await el.updateComplete;
  await aTimeout(0);
}

/** Open the wizard and fill every step; stops on the Summary. */
async function fillWizard(el: IpResponseActions, opts: { groups?: boolean } = {}) {
  action(el, 'add-indicator')!.click();
  await waitUntil(() => wizard(el).open, 'wizard did not open');
  const exp = field<HTMLSelectElement>(el, 'f-expiration');
  exp.value = '30';
  exp.dispatchEvent(new Event('change'));
  await el.updateComplete;
  await next(el);
  (wroot(el).querySelector<HTMLInputElement>('input[name="action"][value="Block"]')!).click();
  await type(el, 'f-title', 'Cobalt Strike team server');
  await type(el, 'f-description', 'C2 for incident 41234');
  const sev = field<HTMLSelectElement>(el, 'f-severity');
  sev.value = 'Medium';
  sev.dispatchEvent(new Event('change'));
  await type(el, 'f-recommendedActions', 'Isolate devices that connected.');
  await next(el);
  if (opts.groups) {
    await waitUntil(() => wroot(el).querySelector<HTMLInputElement>('input[name="scope"][value="groups"]:not([disabled])'), 'groups did not load');
    wroot(el).querySelector<HTMLInputElement>('input[name="scope"][value="groups"]')!.click();
    await el.updateComplete;
    byRole(byRole(wroot(el), 'group', /device groups/i), 'checkbox').click();
    await el.updateComplete;
  }
  await next(el);
  expect(deepText(wizard(el))).to.contain('Summary');
}

describe('<ip-response-actions>', () => {
  const clipboard = useClipboard();

  describe('bar', () => {
    it('offers every action, and is accessible', async () => {
      const el = await mount();
      const labels = barActions(el).map((b) => accessibleName(b));
      expect(labels).to.deep.equal(['Add indicator', 'Go hunt', 'Add to incident', 'Investigate in Activity log', 'Open cloud app IP settings', 'Copy IP', 'Copy summary']);
      await expect(el).to.be.accessible();
    });

    it('hides Add indicator for a read-only provider, or shows it disabled with the reason on request', async () => {
      const ro = await mount(provider({ readOnly: true }));
      expect(action(ro, 'add-indicator')).to.equal(null);
      const shown = await mount(provider({ readOnly: true }), { showUnavailable: true });
      const button = action(shown, 'add-indicator')!;
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      const reason = root(shown).querySelector(`#${button.getAttribute('aria-describedby')}`)!;
      expect(reason.textContent).to.contain('cannot add indicators');
      button.click();
      await shown.updateComplete;
      expect(wizard(shown).open).to.equal(false);
      expect(deepText(root(shown).querySelector('[role="status"]')!)).to.contain('cannot add indicators');
      await expect(shown).to.be.accessible();
    });

    it('disables Add indicator for a private IP and says why', async () => {
      const el = await mount(provider(), { ip: '10.20.30.40' });
      const button = action(el, 'add-indicator')!;
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      const reason = root(el).querySelector(`#${button.getAttribute('aria-describedby')}`)!.textContent!;
      expect(reason).to.contain('10.20.30.40 is a private address').and.to.contain('Only external (public) IP addresses can be indicators');
      button.click();
      await el.updateComplete;
      expect(wizard(el).open).to.equal(false);
    });

    it('moves the secondary actions into a WAI-ARIA menu button when narrow', async () => {
      const el = await mount(provider(), { width: '420px' });
      const more = root(el).querySelector<HTMLButtonElement>('[aria-haspopup="menu"]')!;
      expect(barActions(el).filter((b) => b.offsetParent !== null).map((b) => accessibleName(b))).to.deep.equal(['Add indicator', 'Go hunt']);
      expect(more.offsetParent).to.not.equal(null);
      expect(more.getAttribute('aria-haspopup')).to.equal('menu');
      more.focus();
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(more.getAttribute('aria-expanded')).to.equal('true');
      const items = [...root(el).querySelectorAll<HTMLElement>('[role="menuitem"]')];
      expect(items.map((i) => i.textContent!.trim())).to.deep.equal(['Add to incident', 'Investigate in Activity log', 'Open cloud app IP settings', 'Copy IP', 'Copy summary']);
      await waitUntil(() => active(el) === items[0]);
      await sendKeys({ press: 'ArrowUp' });
      expect(active(el)).to.equal(items[4]);
      await sendKeys({ press: 'Home' });
      expect(active(el)).to.equal(items[0]);
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(more.getAttribute('aria-expanded')).to.equal('false');
      expect(active(el)).to.equal(more);
      // Enter on a menu item runs it.
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => active(el) === root(el).querySelectorAll('[role="menuitem"]')[0]);
      await sendKeys({ press: 'End' });
      await sendKeys({ press: 'ArrowUp' }); // Copy IP
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => clipboard.copied.length === 1);
      expect(clipboard.copied).to.deep.equal([IP]);
    });
  });

  describe('navigation', () => {
    it('fires ip-navigate for the Activity log and cloud app settings when the provider has no links', async () => {
      const el = await mount();
      for (const target of ['activity-log', 'cloud-app-settings']) {
        const b = action(el, target)!;
        expect(b.tagName).to.equal('BUTTON');
        setTimeout(() => b.click());
        const e = (await oneEvent(el, 'ip-navigate')) as IpNavigateEvent;
        expect(e.detail).to.include({ target, ip: IP });
        expect(e.cancelable).to.equal(true);
      }
    });

    it('renders real links from provider.links (middle-click opens a tab) and lets the host cancel the plain click', async () => {
      const links = { activityLog: (ip: string) => `#activity/${ip}`, cloudAppSettings: () => 'javascript:alert(1)' };
      const el = await mount(provider({ links }));
      const a = action(el, 'activity-log') as HTMLAnchorElement;
      expect(a.tagName).to.equal('A');
      expect(a.getAttribute('href')).to.match(/#activity\/203\.0\.113\.7$/);
      // A javascript: link never becomes a link.
      expect(action(el, 'cloud-app-settings')!.tagName).to.equal('BUTTON');
      const before = location.hash;
      el.addEventListener('ip-navigate', (e) => e.preventDefault(), { once: true });
      setTimeout(() => a.click());
      const e = (await oneEvent(el, 'ip-navigate')) as IpNavigateEvent;
      expect(e.detail.href).to.match(/#activity\/203\.0\.113\.7$/);
      await aTimeout(20);
      expect(location.hash).to.equal(before);
      // Not canceled: followed.
      a.click();
      await waitUntil(() => location.hash === '#activity/203.0.113.7');
      history.replaceState(null, '', location.pathname + location.search);
    });

    it('lets a host veto any action through ip-action-request, and say why', async () => {
      const el = await mount();
      const seen: string[] = [];
      el.addEventListener('ip-action-request', (e) => {
        seen.push(e.detail.action);
        e.veto('Your role cannot do this.');
      });
      let navigated = false;
      el.addEventListener('ip-navigate', () => (navigated = true));
      action(el, 'activity-log')!.click();
      action(el, 'copy-ip')!.click();
      await aTimeout(20);
      expect(seen).to.deep.equal(['activity-log', 'copy-ip']);
      expect(navigated).to.equal(false);
      expect(clipboard.copied).to.deep.equal([]);
      expect(deepText(root(el).querySelector('[role="status"]')!)).to.contain('Not done: Your role cannot do this.');
    });

    it('waits for a host’s asynchronous confirmation', async () => {
      const el = await mount();
      let confirm!: (ok: boolean) => void;
      el.addEventListener('ip-action-request', (e) => e.waitUntil(new Promise<boolean>((r) => (confirm = r))), { once: true });
      action(el, 'copy-ip')!.click();
      await aTimeout(20);
      expect(clipboard.copied).to.deep.equal([]);
      confirm(true);
      await waitUntil(() => clipboard.copied.length === 1);
    });
  });

  describe('copy', () => {
    it('copies the IP with a visible confirmation and ip-copy', async () => {
      const el = await mount(provider(), { ip: '2001:0DB8::0001' });
      setTimeout(() => action(el, 'copy-ip')!.click());
      const e = (await oneEvent(el, 'ip-copy')) as IpCopyEvent;
      expect(e.detail).to.deep.equal({ value: '2001:db8::1', ok: true });
      await el.updateComplete;
      expect(deepText(root(el).querySelector('[role="status"]')!)).to.contain('The IP address copied to the clipboard.');
    });

    it('copies a Markdown summary of what is loaded, with hostile strings escaped', async () => {
      const el = await mount();
      const ip = (parseIp(IP) as { ip: ParsedIp }).ip;
      expect(ip.canonical).to.equal(IP);
      el.data = {
        details: { ip: IP, organization: 'Evil [click](javascript:alert(1)) <img src=x onerror=alert(2)>', asn: 64500, asName: 'LITWARE', city: 'Singapore', country: 'Singapore', reverseDns: ['vps.example'] },
        summary: { openIncidents: 3, activeAlerts: 14, incidentsBySeverity: { high: 6, medium: 0, low: 0, informational: 0 }, alertsBySeverity: { high: 11, medium: 8, low: 7, informational: 1 }, organizationPrevalence: 29, firstSeen: '2026-10-09T15:00:00Z', lastSeen: '2026-11-23T13:58:00Z' },
        prevalence: {
          bucket: 'day',
          buckets: [],
          totalDevices: 29,
          alertMarks: [
            { id: 'a1', title: 'Low one', severity: 'low', time: '2026-11-20T00:00:00Z' },
            { id: 'a2', title: 'Cobalt Strike beacon *bold* `code`', severity: 'high', time: '2026-11-21T00:00:00Z' },
          ],
        },
      };
      action(el, 'copy-summary')!.click();
      await waitUntil(() => clipboard.copied.length === 1);
      const md = clipboard.copied[0]!;
      expect(md).to.contain('## IP address 203\\[.\\]0\\[.\\]113\\[.\\]7');
      expect(md).to.contain('**Organization:** Evil \\[click\\](javascript:alert(1)) \\<img src=x onerror=alert(2)\\>');
      expect(md).to.contain('**ASN:** AS64500 LITWARE');
      expect(md).to.contain('**Open incidents:** 3; **active alerts:** 14');
      expect(md).to.contain('**Alerts by severity:** 11 high, 8 medium, 7 low, 1 informational');
      expect(md).to.contain('**Devices that communicated with it:** 29');
      expect(md).to.contain('**First seen:** Oct 9, 2026');
      const top = md.slice(md.indexOf('### Top alerts'));
      expect(top.indexOf('Cobalt Strike')).to.be.lessThan(top.indexOf('Low one'));
      expect(md).to.contain('Cobalt Strike beacon \\*bold\\* \\`code\\`');
      expect(deepText(root(el).querySelector('[role="status"]')!)).to.contain('The summary copied');
    });

    it('shows the text to copy by hand when the clipboard is denied', async () => {
      clipboard.denied = true;
      const el = await mount();
      setTimeout(() => action(el, 'copy-ip')!.click());
      const e = (await oneEvent(el, 'ip-copy')) as IpCopyEvent;
      expect(e.detail.ok).to.equal(false);
      await waitUntil(() => queryByRole(root(el), 'group', 'Copy manually'));
      const area = byRole<HTMLTextAreaElement>(byRole(root(el), 'group', 'Copy manually'), 'textbox');
      expect(area.value).to.equal(IP);
      expect(active(el)).to.equal(area);
      expect(area.selectionStart).to.equal(0);
      expect(area.selectionEnd).to.equal(IP.length);
      expect(deepText(root(el).querySelector('[role="status"]')!)).to.contain('did not allow copying');
      await expect(el).to.be.accessible();
    });
  });

  describe('go hunt', () => {
    it('shows a query per language, copies it, and opens it in hunting', async () => {
      const el = await mount(provider(), { ip: '2001:db8::1' });
      const trigger = action(el, 'hunt')!;
      trigger.click();
      await waitUntil(() => hunt(el).open);
      const tabs = [...hunt(el).querySelectorAll<HTMLElement>('[role="tab"]')];
      expect(tabs.map((t) => t.textContent!.trim())).to.deep.equal(['Defender (KQL)', 'Sentinel (KQL)', 'Elastic (ES|QL)', 'Splunk (SPL)']);
      await waitUntil(() => active(el) === tabs[0]);
      const text = () => hroot(el).querySelector<HTMLTextAreaElement>('#query-text')!.value;
      expect(text()).to.contain('DeviceNetworkEvents').and.to.contain('"2001:db8::1"');
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(text()).to.contain('TimeGenerated').and.to.contain('SigninLogs');
      await sendKeys({ press: 'End' });
      await el.updateComplete;
      expect(text()).to.contain('src_ip');
      await sendKeys({ press: 'ArrowRight' }); // wraps to the first
      await el.updateComplete;
      expect(text()).to.contain('Timestamp');
      await expect(el).to.be.accessible();
      [...hunt(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.includes('Copy query'))!.click();
      await waitUntil(() => clipboard.copied.length === 1);
      expect(clipboard.copied[0]).to.equal(text());
      setTimeout(() => [...hunt(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.includes('Open in hunting'))!.click());
      const e = (await oneEvent(el, 'ip-navigate')) as IpNavigateEvent;
      expect(e.detail).to.include({ target: 'hunting', language: 'kql-defender', ip: '2001:db8::1' });
      expect(e.detail.query).to.equal(text());
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(hunt(el).open).to.equal(false);
      expect(active(el)).to.equal(trigger);
    });

    it('with a hunting link, Go hunt opens hunting with the Defender query; Hunting queries keeps the four languages', async () => {
      const p = withOverrides(provider(), { links: { hunting: (q: string, lang: string) => `https://hunt.example/run?lang=${lang}&q=${encodeURIComponent(q)}` } });
      const el = await mount(p);
      const go = action(el, 'hunt') as HTMLAnchorElement;
      expect(go.tagName).to.equal('A');
      expect(go.href).to.match(/^https:\/\/hunt\.example\/run\?lang=kql-defender&q=.*DeviceNetworkEvents/);
      el.addEventListener('ip-navigate', (e) => e.preventDefault(), { once: true }); // the host routes; the test page stays
      setTimeout(() => go.click());
      const nav = (await oneEvent(el, 'ip-navigate')) as IpNavigateEvent;
      expect(nav.detail).to.include({ target: 'hunting', language: 'kql-defender', ip: IP, href: go.href });
      expect(nav.detail.query).to.contain('DeviceNetworkEvents');
      expect(hunt(el).open).to.equal(false);
      action(el, 'hunting-queries')!.click();
      await waitUntil(() => hunt(el).open, 'Hunting queries opens the dialog');
      expect(hunt(el).querySelectorAll('[role="tab"]')).to.have.length(4);
    });

    it('uses the provider’s own query when it has one', async () => {
      const p = withOverrides(provider(), { huntingQuery: (ip: string, _r: unknown, lang: string) => (lang === 'spl' ? `index=fw ${ip}` : undefined) });
      const el = await mount(p);
      action(el, 'hunt')!.click();
      await waitUntil(() => hunt(el).open);
      hunt(el).querySelectorAll<HTMLElement>('[role="tab"]')[3]!.click();
      await el.updateComplete;
      expect(hroot(el).querySelector<HTMLTextAreaElement>('#query-text')!.value).to.equal(`index=fw ${IP}`);
    });
  });

  describe('add indicator', () => {
    it('walks the wizard to an indicator; the provider gets the Defender API names and values', async () => {
      const p = provider();
      let received: IndicatorInput | undefined;
      const wrapped = withOverrides(p, {
        addIndicator: (input: IndicatorInput, o: { signal: AbortSignal }) => {
          received = input;
          return p.addIndicator(input, o);
        },
      });
      const el = await mount(wrapped);
      const requests: IpActionRequestEvent[] = [];
      el.addEventListener('ip-action-request', (e) => requests.push(e));
      await fillWizard(el, { groups: true });
      const summary = deepText(wizard(el));
      for (const s of ['203.0.113.7', 'Block', 'Cobalt Strike team server', 'C2 for incident 41234', 'Yes, Medium severity', 'Isolate devices that connected.', 'Workstations – Finance']) expect(summary, s).to.contain(s);
      await expect(el).to.be.accessible();
      const added = oneEvent(el, 'ip-indicator-added') as Promise<IpIndicatorAddedEvent>;
      footerButton(el, 'Submit').click();
      const event = await added;
      expect(received).to.deep.include({
        indicatorValue: IP,
        indicatorType: 'IpAddress',
        action: 'Block',
        title: 'Cobalt Strike team server',
        description: 'C2 for incident 41234',
        generateAlert: true,
        severity: 'Medium',
        category: 'CommandAndControl',
        recommendedActions: 'Isolate devices that connected.',
        rbacGroupNames: ['Workstations – Finance'],
      });
      const days = (Date.parse(received!.expirationTime!) - Date.now()) / 86_400_000;
      expect(days).to.be.closeTo(30, 0.01);
      expect(requests.map((r) => r.detail.action)).to.deep.equal(['add-indicator']);
      expect(requests[0]!.detail.indicator).to.deep.equal(received);
      const indicator: Indicator = event.detail.indicator;
      expect(p.indicators).to.have.length(1);
      await el.updateComplete;
      expect(deepText(wizard(el))).to.contain(`Indicator ${indicator.id} added.`);
      await expect(el).to.be.accessible();
      footerButton(el, 'Close').click();
      await el.updateComplete;
      expect(wizard(el).open).to.equal(false);
    });

    it('checks each step inline, announces the problems and focuses the first', async () => {
      const el = await mount();
      action(el, 'add-indicator')!.click();
      await waitUntil(() => wizard(el).open);
      const exp = field<HTMLSelectElement>(el, 'f-expiration');
      exp.value = 'date';
      exp.dispatchEvent(new Event('change'));
      await el.updateComplete;
      await next(el);
      expect(field(el, 'f-expirationDate').getAttribute('aria-invalid')).to.equal('true');
      expect(deepText(wizard(el))).to.contain('Choose the date it expires.');
      expect(active(el)).to.equal(field(el, 'f-expirationDate'));
      field(el, 'f-expirationDate').value = '2020-01-01';
      field(el, 'f-expirationDate').dispatchEvent(new Event('input'));
      await next(el);
      expect(deepText(wizard(el))).to.contain('The expiration must be in the future.');
      const future = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
      field(el, 'f-expirationDate').value = future;
      field(el, 'f-expirationDate').dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(field(el, 'f-expirationDate').getAttribute('aria-invalid')).to.equal('false');
      await next(el);
      // Action step: title and description required; Audit requires an alert.
      wroot(el).querySelector<HTMLInputElement>('input[name="action"][value="Audit"]')!.click();
      await el.updateComplete;
      field(el, 'f-generateAlert').click();
      await el.updateComplete;
      await next(el);
      const live = wroot(el).querySelector('[role="status"]')!.textContent!;
      expect(live).to.contain('3 problems').and.to.contain('Enter a title.').and.to.contain('Enter a description.').and.to.contain('Generate alert');
      expect(active(el)).to.equal(field(el, 'f-title'));
      expect(field(el, 'f-title').getAttribute('aria-describedby')).to.contain('err-title');
      await expect(el).to.be.accessible();
    });

    it('keeps every field when the provider fails, and Retry works', async () => {
      let fail = true;
      const p = provider();
      const wrapped = withOverrides(p, {
        addIndicator: (input: IndicatorInput, o: { signal: AbortSignal }) => (fail ? Promise.reject(new IpDataError('unavailable', 'The indicator service is down.')) : p.addIndicator(input, o)),
      });
      const el = await mount(wrapped);
      await fillWizard(el);
      footerButton(el, 'Submit').click();
      await waitUntil(() => submitError(el));
      expect(deepText(submitError(el)!)).to.contain('The indicator service is down.').and.to.contain('Your entries are kept');
      expect(active(el)).to.equal(submitError(el));
      await expect(el).to.be.accessible();
      // Back through the steps: everything typed is still there.
      footerButton(el, 'Back').click();
      await el.updateComplete;
      footerButton(el, 'Back').click();
      await el.updateComplete;
      expect(field(el, 'f-title').value).to.equal('Cobalt Strike team server');
      expect(field<HTMLTextAreaElement>(el, 'f-description').value).to.equal('C2 for incident 41234');
      expect(field<HTMLSelectElement>(el, 'f-severity').value).to.equal('Medium');
      await next(el);
      await next(el);
      fail = false;
      footerButton(el, 'Submit').click();
      await waitUntil(() => deepText(wizard(el)).includes('added.'));
      expect(p.indicators).to.have.length(1);
    });

    it('stays bound to the IP it was opened for when the page moves to another, unless the analyst switches', async () => {
      const p = new StaticIpDataProvider({ data: { [IP]: fullData(), '198.51.100.23': {} }, deviceGroups: GROUPS });
      const received: IndicatorInput[] = [];
      const keys: Array<string | undefined> = [];
      let fail = true;
      const wrapped = withOverrides(p, {
        addIndicator: (input: IndicatorInput, o: { signal: AbortSignal; idempotencyKey?: string }) => {
          received.push(input);
          keys.push(o.idempotencyKey);
          return fail ? Promise.reject(new IpDataError('timeout', 'The service did not answer in time.')) : p.addIndicator(input, o);
        },
      });
      const el = await mount(wrapped);
      await fillWizard(el);
      el.ip = '198.51.100.23';
      await el.updateComplete;
      const notice = ipChanged(el)!;
      expect(deepText(notice)).to.contain('This indicator is for 203.0.113.7').and.to.contain('The page now shows 198.51.100.23');
      expect(deepText(wizard(el))).to.contain('Add indicator 203.0.113.7');
      await expect(el).to.be.accessible();
      footerButton(el, 'Submit').click();
      await waitUntil(() => submitError(el), 'the first attempt fails');
      expect(received[0]!.indicatorValue).to.equal(IP);
      // A retry of the same draft carries the same idempotency key.
      footerButton(el, 'Submit').click();
      await waitUntil(() => received.length === 2, 'retried');
      expect(keys[1]).to.be.a('string').and.equal(keys[0]);
      // The analyst switches: the new IP is used, with a new key.
      [...notice.querySelectorAll('button')].find((b) => b.textContent!.includes('Use 198.51.100.23'))!.click();
      await el.updateComplete;
      expect(ipChanged(el)).to.equal(null);
      fail = false;
      footerButton(el, 'Submit').click();
      await waitUntil(() => deepText(wizard(el)).includes('added.'), 'added');
      expect(received[2]!.indicatorValue).to.equal('198.51.100.23');
      expect(keys[2]).to.not.equal(keys[0]);
    });

    it('submits once on a double click', async () => {
      const p = provider({ latencyMs: 50 });
      let calls = 0;
      const wrapped = withOverrides(p, {
        addIndicator: (input: IndicatorInput, o: { signal: AbortSignal }) => {
          calls++;
          return p.addIndicator(input, o);
        },
      });
      const el = await mount(wrapped);
      await fillWizard(el);
      const submit = footerButton(el, 'Submit');
      submit.click();
      submit.click();
      await el.updateComplete;
      footerButton(el, 'Submitting…')?.click();
      await waitUntil(() => deepText(wizard(el)).includes('added.'));
      expect(calls).to.equal(1);
      expect(p.indicators).to.have.length(1);
    });

    it('lets the host veto the submission, keeping the entries', async () => {
      const p = provider();
      const el = await mount(p);
      el.addEventListener('ip-action-request', (e) => e.veto('Indicators need a change ticket.'));
      await fillWizard(el);
      footerButton(el, 'Submit').click();
      await waitUntil(() => submitError(el));
      expect(deepText(submitError(el)!)).to.contain('Not submitted: Indicators need a change ticket.');
      expect(p.indicators).to.have.length(0);
      expect(deepText(wizard(el))).to.contain('Cobalt Strike team server');
    });

    it('asks before discarding what was typed; Escape keeps editing', async () => {
      const el = await mount();
      const trigger = action(el, 'add-indicator')!;
      trigger.focus();
      trigger.click();
      await waitUntil(() => wizard(el).open);
      // Nothing typed: Escape closes at once and focus returns.
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(wizard(el).open).to.equal(false);
      await waitUntil(() => active(el) === trigger);
      trigger.click();
      await waitUntil(() => wizard(el).open);
      await next(el);
      await type(el, 'f-title', 'Half typed');
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(wizard(el).open).to.equal(true);
      const confirm = queryByRole(wroot(el), 'alertdialog')!;
      expect(confirm.getAttribute('role')).to.equal('alertdialog');
      await waitUntil(() => active(el) === byRole(confirm, 'button', 'Keep editing'), 'initial focus on Keep editing');
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(queryByRole(wroot(el), 'alertdialog')).to.equal(null);
      expect(field(el, 'f-title').value).to.equal('Half typed');
      footerButton(el, 'Cancel').click();
      await el.updateComplete;
      byRole(wroot(el), 'button', 'Discard').click();
      await el.updateComplete;
      expect(wizard(el).open).to.equal(false);
      await waitUntil(() => active(el) === trigger, 'focus returns to the button');
      // A new wizard starts empty.
      trigger.click();
      await waitUntil(() => wizard(el).open);
      await next(el);
      expect(field(el, 'f-title').value).to.equal('');
    });

    it('keeps Tab inside the dialog and starts on the first field', async () => {
      const el = await mount();
      action(el, 'add-indicator')!.click();
      await waitUntil(() => wizard(el).open);
      await waitUntil(() => active(el) === field(el, 'f-expiration'), 'initial focus');
      const seen = new Set<HTMLElement>();
      for (let i = 0; i < 8; i++) {
        await sendKeys({ press: 'Tab' });
        const a = active(el);
        expect(a && wizard(el).contains(a), `focus left the dialog at Tab ${i + 1}`).to.equal(true);
        seen.add(a!);
      }
      expect(seen.has(footerButton(el, 'Next'))).to.equal(true);
      await sendKeys({ press: 'Shift+Tab' });
      expect(wizard(el).contains(active(el))).to.equal(true);
    });

    it('offers only All devices when the provider lists no device groups', async () => {
      const el = await mount(provider({ deviceGroups: [] }));
      action(el, 'add-indicator')!.click();
      await waitUntil(() => wizard(el).open);
      await next(el);
      await type(el, 'f-title', 't');
      await type(el, 'f-description', 'd');
      await next(el);
      const groups = wroot(el).querySelector<HTMLInputElement>('input[name="scope"][value="groups"]')!;
      await waitUntil(() => !deepText(wizard(el)).includes('Loading device groups'));
      expect(groups.disabled).to.equal(true);
      expect(deepText(wizard(el))).to.contain('the provider lists none');
    });

    it('renders hostile strings typed or returned as text', async () => {
      const hostile = '<img src=x onerror="window.__raPwned=1">';
      const el = await mount();
      action(el, 'add-indicator')!.click();
      await waitUntil(() => wizard(el).open);
      await next(el);
      await type(el, 'f-title', hostile);
      await type(el, 'f-description', '<script>window.__raPwned=2</script>');
      await next(el);
      await next(el);
      expect(deepText(wizard(el))).to.contain(hostile);
      expect(wizard(el).querySelector('img, script')).to.equal(null);
      footerButton(el, 'Submit').click();
      await waitUntil(() => deepText(wizard(el)).includes('added.'));
      expect((window as unknown as { __raPwned?: number }).__raPwned).to.equal(undefined);
    });
  });
});
