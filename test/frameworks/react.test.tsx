/**
 * The React wrappers (`ip-entity-page/react`, @lit/react) in React 19: props reach the element as
 * properties (an object provider, not "[object Object]"), events reach `on…` props, re-renders
 * update the element, unmounting removes it. And the JSX typings (`ip-entity-page/jsx`) match what
 * React 19 itself does with a custom element tag: properties set, `onip-…` props listened to.
 */
import { expect } from '@open-wc/testing';
import { version } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { IpCopyButton, IpEntityPage } from '../../src/react/index.js';
import type {} from '../../src/frameworks/jsx.js';
import type { IpEntityPage as IpEntityPageElement } from '../../src/components/entity-page/entity-page.js';
import type { IpCopyEvent, IpTabChangeDetail } from '../../src/events/events.js';
import { waitForText, waitUntil } from '../helpers/dom.js';
import { staticProvider } from '../helpers/providers.js';
import { withClipboard } from '../helpers/clipboard.js';

describe('React 19', () => {
  let container: HTMLDivElement;
  let root: Root;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });
  afterEach(() => {
    root.unmount();
    container.remove();
  });

  it('renders <IpEntityPage ip provider>, hands its events to on… props, follows re-renders and unmounts', async () => {
    expect(version).to.match(/^19\./);
    const provider = staticProvider();
    const tabs: IpTabChangeDetail[] = [];
    const render = (ip: string) =>
      root.render(<IpEntityPage ip={ip} provider={provider} theme="dark" shortcuts="off" onIpTabChange={(e) => tabs.push(e.detail)} />);
    render('203.0.113.7');
    const el = await waitUntil(() => container.querySelector('ip-entity-page'), 'React did not render the element').then(() => container.querySelector('ip-entity-page') as IpEntityPageElement);
    expect(el.provider, 'an object prop is set as a property').to.equal(provider);
    expect(el.getAttribute('theme')).to.equal('dark');
    expect(el.shortcuts).to.equal('off');
    await waitForText(el, 'Northwind Cloud Hosting B.V.');

    el.selectTab('alerts');
    expect(tabs).to.deep.equal([{ tab: 'alerts', previous: 'overview' }]);

    render('198.51.100.23');
    await waitUntil(() => el.ip === '198.51.100.23', 'a new prop did not reach the element');
    expect(container.querySelector('ip-entity-page'), 'the same element, updated').to.equal(el);

    root.unmount();
    expect(container.querySelector('ip-entity-page')).to.equal(null);
    root = createRoot(container);
  });

  it('<IpCopyButton> fires onIpCopy with the copied value', () =>
    withClipboard(async () => {
      const copied: string[] = [];
      root.render(<IpCopyButton value="203.0.113.7" label="Copy IP" onIpCopy={(e: IpCopyEvent) => copied.push(e.detail.value)} />);
      const el = await waitUntil(() => container.querySelector('ip-copy-button')?.shadowRoot?.querySelector('button'), 'not rendered').then(() => container.querySelector('ip-copy-button')!);
      el.shadowRoot!.querySelector('button')!.click();
      await waitUntil(() => copied.length === 1, 'onIpCopy was not called');
      expect(copied).to.deep.equal(['203.0.113.7']);
    }));

  it('a plain <ip-copy-button> tag works as the JSX typings say: properties set, onip-copy listened to', () =>
    withClipboard(async () => {
      const copied: string[] = [];
      root.render(<ip-copy-button value="2001:db8::1" showLabel onip-copy={(e) => copied.push(e.detail.value)}></ip-copy-button>);
      const el = await waitUntil(() => container.querySelector('ip-copy-button')?.shadowRoot?.querySelector('button'), 'not rendered').then(() => container.querySelector('ip-copy-button')!);
      expect(el.showLabel, 'a boolean prop is set as a property').to.equal(true);
      el.shadowRoot!.querySelector('button')!.click();
      await waitUntil(() => copied.length === 1, 'onip-copy was not called');
      expect(copied).to.deep.equal(['2001:db8::1']);
    }));
});
