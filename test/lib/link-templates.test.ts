import { expect } from '@open-wc/testing';
import { expandTemplate, hasTemplates, templateLinks } from '../../src/lib/link-templates.js';

describe('lib/link-templates', () => {
  it('puts each value URL-encoded into its placeholder, so it cannot leave its place', () => {
    expect(expandTemplate('https://portal.example/devices/{id}', { id: 'd-sql' })).to.equal('https://portal.example/devices/d-sql');
    expect(expandTemplate('https://p.example/d/{id}?ip={ip}', { id: '../admin?x=1#y', ip: '2001:db8::1' })).to.equal(
      'https://p.example/d/..%2Fadmin%3Fx%3D1%23y?ip=2001%3Adb8%3A%3A1',
    );
    expect(expandTemplate('https://p.example/hunt?q={query}&unknown={nothing}', { query: 'a "b" | c' })).to.equal('https://p.example/hunt?q=a%20%22b%22%20%7C%20c&unknown=');
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
