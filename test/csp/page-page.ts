// <ip-entity-page> with full, partly hostile data under the page's strict CSP.
import '../../src/components/entity-page/ip-entity-page.js';
import type { IpEntityPage } from '../../src/components/entity-page/entity-page.js';
import { StaticIpDataProvider } from '../../src/providers/static/static-provider.js';
import { fullData } from '../helpers/providers.js';

const data = fullData();
data.details!.organization = '<img src=x onerror="window.__pwned=1">';
const page = document.createElement('ip-entity-page') as IpEntityPage;
page.provider = new StaticIpDataProvider({ data: { '203.0.113.7': data } });
page.ip = '203.0.113.7';
document.body.append(page);
(window as unknown as { __page: IpEntityPage }).__page = page;
