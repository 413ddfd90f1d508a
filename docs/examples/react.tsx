// React 19 (and 18): the wrappers of `ip-entity-page/react`. Props are set as properties, so an
// object provider works; each event has an `on…` prop with its typed event.
import { useMemo, useState } from 'react';
import { IpEntityPage } from 'ip-entity-page/react';
import { RestIpDataProvider, type IpFilterChangeDetail, type IpTab } from 'ip-entity-page';

export function IpInvestigation({ initialIp }: { initialIp: string }) {
  const provider = useMemo(() => new RestIpDataProvider({ baseUrl: '/api/ip-entity' }), []);
  const [ip, setIp] = useState(initialIp);
  const [tab, setTab] = useState<IpTab>('overview');
  const [view, setView] = useState<IpFilterChangeDetail>();
  return (
    <IpEntityPage
      ip={ip}
      tab={tab}
      provider={provider}
      storageKey="soc-portal"
      onIpChange={(e) => setIp(e.detail.ip)}
      onIpTabChange={(e) => setTab(e.detail.tab)}
      onIpFilterChange={(e) => setView(e.detail)}
      onIpNavigate={(e) => {
        // Open devices and alerts in the portal's own router instead of following the link.
        if (e.detail.target === 'device' && e.detail.id) {
          e.preventDefault();
          window.history.pushState({}, '', `/devices/${encodeURIComponent(e.detail.id)}`);
        }
      }}
      data-filter={view ? JSON.stringify(view.filter) : undefined}
    />
  );
}

// Without the wrappers, React 19 renders the tag itself: `import type {} from 'ip-entity-page/jsx'`
// types its properties and its `onip-…` event props.
import type {} from 'ip-entity-page/jsx';
import 'ip-entity-page/ip-entity-page.js';

export function PlainTag({ ip }: { ip: string }) {
  return <ip-entity-page ip={ip} api-base="/api/ip-entity" onip-change={(e) => console.info('now', e.detail.ip)}></ip-entity-page>;
}
