import { expect } from '@open-wc/testing';
import type { IpEntityPage } from '../../src/components/entity-page/entity-page.js';
import { deepQuery, deepText, waitUntil } from '../helpers/dom.js';

interface CspWindow extends Window {
  __violations: string[];
  __errors: string[];
  __page: IpEntityPage;
  __pwned?: number;
}

describe('<ip-entity-page> under a strict CSP with Trusted Types', () => {
  it('renders the overview, the chart, alerts, devices and the response dialogs with zero violations', async function () {
    this.timeout(30000);
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width: 1280px; height: 900px; border: 0; position: absolute; left: 0; top: 0;';
    frame.src = '/test/csp/page.html';
    document.body.append(frame);
    try {
      await waitUntil(() => (frame.contentWindow as CspWindow | null)?.__page, 'page did not load', { timeout: 15000 });
      const win = frame.contentWindow as CspWindow;
      const page = win.__page;
      await waitUntil(() => deepText(page).includes('SRV-APP-07'), 'overview did not render', { timeout: 10000 });
      await waitUntil(() => deepQuery(page, 'ip-prevalence-chart')?.shadowRoot?.querySelector('canvas'), 'chart did not draw', { timeout: 10000 });
      page.selectTab('alerts');
      await waitUntil(() => deepQuery(page, 'ip-alerts-list')?.shadowRoot?.querySelector('[role="row"][aria-selected]'), 'alerts did not render', { timeout: 10000 });
      page.selectTab('devices');
      await waitUntil(() => deepQuery(page, 'ip-observed-devices')?.shadowRoot?.querySelector('[role="row"][aria-level="1"]'), 'devices did not render', { timeout: 10000 });
      deepQuery(page, 'ip-observed-devices')!.shadowRoot!.querySelector<HTMLElement>('[role="row"][aria-level="1"]')!.click();
      await waitUntil(() => deepQuery(page, 'ip-observed-devices')!.shadowRoot!.querySelector('[role="row"][aria-level="2"]:not([aria-busy="true"])'), 'timeline did not render', { timeout: 10000 });
      const actions = deepQuery(page, 'ip-response-actions')!;
      await waitUntil(() => actions.shadowRoot?.querySelector('[data-action="add-indicator"]'), 'actions did not render', { timeout: 10000 });
      actions.shadowRoot!.querySelector<HTMLElement>('[data-action="add-indicator"]')!.click();
      // The dialog's code loads on first use (under the CSP too).
      await waitUntil(() => actions.shadowRoot!.querySelector('ip-indicator-wizard')?.shadowRoot, 'the wizard loaded', { timeout: 10000 });
      const wizard = actions.shadowRoot!.querySelector('ip-indicator-wizard')!.shadowRoot!;
      const button = (root: ShadowRoot, name: string) => [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent!.trim()) === name)!;
      await waitUntil(() => wizard.querySelector<HTMLDialogElement>('dialog')?.open, 'wizard did not open');
      button(wizard, 'Next').click();
      await waitUntil(() => wizard.querySelector('#f-title'), 'action step');
      button(wizard, 'Next').click(); // shows validation
      await waitUntil(() => wizard.querySelector('[aria-invalid="true"]'), 'validation');
      const title = wizard.querySelector<HTMLInputElement>('#f-title')!;
      title.value = '<img src=x onerror="window.__pwned=2">';
      title.dispatchEvent(new Event('input'));
      button(wizard, 'Close').click();
      await waitUntil(() => wizard.querySelector('[role="alertdialog"]'), 'confirm');
      button(wizard, 'Discard').click();
      actions.shadowRoot!.querySelector<HTMLElement>('[data-action="hunt"]')!.click();
      await waitUntil(() => actions.shadowRoot!.querySelector('ip-hunt-dialog')?.shadowRoot, 'Go hunt loaded', { timeout: 10000 });
      const hunt = actions.shadowRoot!.querySelector('ip-hunt-dialog')!.shadowRoot!;
      await waitUntil(() => hunt.querySelector<HTMLDialogElement>('dialog')?.open, 'hunt did not open');
      button(hunt, 'Close').click();
      page.selectTab('sentinel');
      await waitUntil(() => deepQuery(page, 'ip-sentinel-events')?.shadowRoot?.querySelector('ip-insight-chart'), 'sentinel tab did not render', { timeout: 10000 });
      const insightChart = deepQuery(page, 'ip-sentinel-events')!.shadowRoot!.querySelector('ip-insight-chart')!;
      insightChart.scrollIntoView();
      await waitUntil(() => insightChart.shadowRoot?.querySelector('canvas'), 'insight chart did not draw', { timeout: 10000 });
      page.ip = '192.0.2.200'; // not observed: other states render too
      page.selectTab('overview');
      await waitUntil(() => deepText(page).includes('not observed'), 'not-observed state', { timeout: 10000 });
      expect(win.__violations, 'CSP / Trusted Types violations').to.deep.equal([]);
      expect(win.__errors, 'page errors').to.deep.equal([]);
      expect(win.__pwned).to.equal(undefined);
    } catch (e) {
      const win = frame.contentWindow as CspWindow | null;
      throw new Error(`${(e as Error).message}; violations: ${JSON.stringify(win?.__violations)}; errors: ${JSON.stringify(win?.__errors)}; text: ${win?.__page ? deepText(win.__page).slice(0, 300) : 'no page'}`);
    } finally {
      frame.remove();
    }
  });
});
