import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/entity-page/ip-entity-page.js';
import { ElasticSecurityProvider } from '../src/providers/elastic/elastic-provider.js';
import { createElasticHandlers, DEMO_ELASTICSEARCH_URL, type ElasticMockOptions } from '../mocks/elastic.js';
import { frame } from './helpers.js';

/**
 * The page on Elastic Security, answered by a mock of the Elasticsearch API (ES|QL `_query` and
 * the alerts `_search`) with its documented shapes, from the same generator as the other mocks.
 */
interface Args {
  ip: string;
  tab: string;
}

/** MSW parameters: the Elasticsearch mock, some of its answers failing. */
function elastic(options: ElasticMockOptions = {}) {
  return { msw: { handlers: createElasticHandlers(options) } };
}

const meta: Meta<Args> = {
  title: 'Providers/Elastic Security',
  component: 'ip-entity-page',
  args: { ip: '203.0.113.7', tab: 'overview' },
  argTypes: { tab: { control: 'select', options: ['overview', 'alerts', 'devices'] } },
  parameters: elastic(),
  // A new provider per render: each story starts with empty caches, as a page load would.
  render: (a) =>
    frame(
      html`<ip-entity-page .provider=${new ElasticSecurityProvider({ elasticsearchUrl: DEMO_ELASTICSEARCH_URL, headers: { Authorization: 'ApiKey c3Rvcnk6Ym9vaw==' }, kibanaUrl: 'https://kibana.example' })}
        ip=${a.ip} tab=${a.tab}></ip-entity-page>`,
    ),
};
export default meta;
type Story = StoryObj<Args>;

/** Overview from ES|QL over the events: devices per day, log activity by data set, geo and AS from the events. */
export const Overview: Story = {};

/** The detection alerts that name the IP, paged, filtered and sorted in the cluster (read-only). */
export const Alerts: Story = { args: { tab: 'alerts' } };

/** A million alerts: pages of the cluster's answer, never the set. */
export const MillionAlerts: Story = { args: { ip: '198.51.100.99', tab: 'alerts' } };

/** The devices that talked to the IP, each with its last event. */
export const Devices: Story = { args: { tab: 'devices' } };

/** The API key may not read the event indices: the sections that need them say what Elasticsearch said. */
export const EventsForbidden: Story = { parameters: elastic({ fail: { devices: 403, 'device-count': 403, prevalence: 403, 'log-activity': 403, 'logged-hosts': 403, enrichment: 403 } }) };

/** A network-only cluster (network traffic and a firewall, no Elastic Defend): devices without process fields, and the list says which fields the data lacks. */
export const NetworkOnlyCluster: Story = { args: { tab: 'devices' }, parameters: elastic({ profile: 'network' }) };

/** An 8.14 cluster (before ES|QL's named parameters): every section works. */
export const Cluster814: Story = { name: 'Cluster 8.14', parameters: elastic({ profile: 'v8.14' }) };

/** An 8.13 cluster: the ES|QL sections say they need 8.14; the alerts still list. */
export const Cluster813: Story = { name: 'Cluster 8.13 (too old for ES|QL sections)', parameters: elastic({ profile: 'v8.14', version: '8.13.4' }) };

/** ES|QL answered in part (a shard did not answer in time): the counts and the devices list say so. */
export const PartialAnswers: Story = { args: { tab: 'devices' }, parameters: elastic({ partial: true }) };
