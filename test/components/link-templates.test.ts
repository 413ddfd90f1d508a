import { expect } from '@open-wc/testing';
import { expandTemplate, templateLinks } from '../../src/components/shared/link-templates.js';
import { hasTemplates } from '../../src/components/entity-page/page-provider.js';

describe('link templates', () => {
  it('puts each value URL-encoded into its placeholder, so it cannot leave its place', () => {
    expect(expandTemplate('https://portal.example/devices/{id}', { id: 'd-sql' })).to.equal('https://portal.example/devices/d-sql');
    expect(expandTemplate('https://p.example/d/{id}?ip={ip}', { id: '../admin?x=1#y', ip: '2001:db8::1' })).to.equal(
      'https://p.example/d/..%2Fadmin%3Fx%3D1%23y?ip=2001%3Adb8%3A%3A1',
    );
    expect(expandTemplate('https://p.example/hunt?q={query}&unknown={nothing}', { query: 'a "b" | c' })).to.equal('https://p.example/hunt?q=a%20%22b%22%20%7C%20c&unknown=');
  });

  it('makes no link from an id that would climb the path (device ids come from telemetry)', () => {
    const template = 'https://portal.example/tenant/devices/{id}/timeline';
    for (const id of ['.', '..']) expect(expandTemplate(template, { id }), id).to.equal(undefined);
    // Encoded forms are encoded again, so they stay a name: the URL resolves where the template says.
    for (const id of ['%2e%2e', '.%2E', '...', '..a']) {
      const url = new URL(expandTemplate(template, { id })!);
      expect(url.pathname, id).to.match(/^\/tenant\/devices\/[^/]+\/timeline$/);
    }
    const links = templateLinks({ device: template }, undefined, () => '203.0.113.7');
    expect(links.device!('..')).to.equal(undefined);
    expect(links.device!('d-1')).to.equal('https://portal.example/tenant/devices/d-1/timeline');
  });

  it('uses a template where one is set and the provider’s own link otherwise', () => {
    const own = { device: (id: string) => `https://own.example/device/${id}`, alert: (id: string) => `https://own.example/alert/${id}` };
    const links = templateLinks({ alert: 'https://portal.example/alerts/{id}?ip={ip}', hunting: ' ', activityLog: 'https://portal.example/log?ip={ip}' }, own, () => '203.0.113.7');
    expect(links.alert!('da-1')).to.equal('https://portal.example/alerts/da-1?ip=203.0.113.7');
    expect(links.device!('d-1')).to.equal('https://own.example/device/d-1');
    expect(links.hunting).to.equal(undefined); // a blank template is no template
    expect(links.activityLog!('198.51.100.2')).to.equal('https://portal.example/log?ip=198.51.100.2');
    expect(links.incident).to.equal(undefined);
    expect(hasTemplates({ hunting: ' ' })).to.equal(false);
    expect(hasTemplates({ device: 'x/{id}' })).to.equal(true);
  });
});
