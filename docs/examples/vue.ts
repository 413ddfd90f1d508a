// Vue 3: tell the template compiler the `ip-` tags are custom elements, and import the package's
// Vue types once, so `:provider` and `@ip-change` are checked and typed in templates.
//
// vite.config.ts:
//   vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('ip-') } } })
import { defineComponent, h, ref, type PropType } from 'vue';
import 'ip-entity-page/ip-entity-page.js';
import type {} from 'ip-entity-page/vue';
import type { IpDataProvider, IpElementHandlers, IpTab } from 'ip-entity-page';

/** What a template `<ip-entity-page :ip="ip" :provider="provider" @ip-change="onIpChange">` does, as a render function. */
export const IpInvestigation = defineComponent({
  props: { provider: { type: Object as PropType<IpDataProvider>, required: true }, initialIp: { type: String, required: true } },
  setup(props) {
    const ip = ref(props.initialIp);
    const tab = ref<IpTab>('overview');
    const handlers: IpElementHandlers<'ip-entity-page'> = {
      onIpChange: (e) => (ip.value = e.detail.ip),
      onIpTabChange: (e) => (tab.value = e.detail.tab),
    };
    return () => h('ip-entity-page', { ip: ip.value, tab: tab.value, provider: props.provider, ...handlers });
  },
});
