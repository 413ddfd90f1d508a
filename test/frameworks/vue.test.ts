/**
 * Vue 3 with the elements, as docs/frameworks.md tells a host to use them: a template compiled
 * with `isCustomElement` for the `ip-` tags (the test server gives Vue's full build, with its
 * compiler), `:provider` set as a property (an object), `@ip-tab-change` listening to the event,
 * a reactive change reaching the element, unmounting removing it.
 */
import { expect } from '@open-wc/testing';
import { createApp, nextTick, ref } from 'vue';
import '../../src/components/entity-page/ip-entity-page.js';
import type { IpEntityPage } from '../../src/components/entity-page/entity-page.js';
import type { IpElementHandlers, IpElementProperties } from '../../src/frameworks/types.js';
import type { IpTabChangeDetail } from '../../src/events/events.js';
import { waitForText, waitUntil } from '../helpers/dom.js';
import { staticProvider } from '../helpers/providers.js';

describe('Vue 3', () => {
  it('mounts the page with a provider, hears its events and follows reactive props', async () => {
    const container = document.createElement('div');
    document.body.append(container);
    const ip = ref('203.0.113.7');
    const tabs: IpTabChangeDetail[] = [];
    const provider = staticProvider();
    // What a host's component would hold, typed by the package's Vue types.
    const onTab: IpElementHandlers<'ip-entity-page'>['onIpTabChange'] = (e) => tabs.push(e.detail);
    const shortcuts: IpElementProperties<'ip-entity-page'>['shortcuts'] = 'off';
    const app = createApp({
      setup: () => ({ ip, provider, shortcuts, onTab }),
      template: '<ip-entity-page :ip="ip" :provider="provider" :shortcuts="shortcuts" @ip-tab-change="onTab"></ip-entity-page>',
    });
    app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('ip-');
    app.mount(container);
    const el = container.querySelector('ip-entity-page') as IpEntityPage;
    expect(el.provider, 'set as a property').to.equal(provider);
    await waitForText(el, 'Northwind Cloud Hosting B.V.');
    el.selectTab('devices');
    expect(tabs).to.deep.equal([{ tab: 'devices', previous: 'overview' }]);
    ip.value = '198.51.100.23';
    await nextTick();
    await waitUntil(() => el.ip === '198.51.100.23', 'a reactive change did not reach the element');
    app.unmount();
    expect(container.querySelector('ip-entity-page')).to.equal(null);
    container.remove();
  });
});
