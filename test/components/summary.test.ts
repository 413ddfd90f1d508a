import { expect } from '@open-wc/testing';
import { ipSummaryMarkdown, markdownText } from '../../src/components/shared/summary.js';
import { parseIp, type ParsedIp } from '../../src/lib/ip.js';

const ip = (text: string) => (parseIp(text) as { ip: ParsedIp }).ip;
const NOW = new Date('2026-11-23T12:00:00Z');

describe('summary', () => {
  it('escapes Markdown so provider text stays text', () => {
    expect(markdownText('[x](javascript:alert(1))')).to.equal('\\[x\\](javascript:alert(1))');
    expect(markdownText('<b>bold</b> *a* _b_ `c` | d ~e~ &amp; !')).to.equal('\\<b\\>bold\\</b\\> \\*a\\* \\_b\\_ \\`c\\` \\| d \\~e\\~ \\&amp; \\!');
    expect(markdownText('line one\nline two\r\n## heading')).to.equal('line one line two ## heading');
  });

  it('keeps data inert in Markdown renderers: no autolinks, mentions or bidi tricks', () => {
    const t = markdownText('see https://evil.example/x and www.evil.example, mail ops@evil.example, ping @channel, evil\u202Egpj.exe');
    expect(t).to.not.match(/https:\/\//);
    expect(t).to.contain('hxxps\\://evil\\[.\\]example/x');
    expect(t).to.not.match(/\bwww\.evil/);
    expect(t).to.not.match(/(^|[^\\])@/);
    expect(t).to.not.contain('\u202E');
    expect(t).to.contain('evil⟦RLO⟧gpj.exe');
  });

  it('says what is known and what is not loaded', () => {
    const md = ipSummaryMarkdown({ ip: ip('::ffff:203.0.113.7'), rangeLabel: 'in the last 30 days', now: NOW, locale: 'en-US' });
    expect(md).to.contain('## IP address 203\\[.\\]0\\[.\\]113\\[.\\]7');
    expect(md).to.contain('IPv4, documentation (written ::ffff:203\\[.\\]0\\[.\\]113\\[.\\]7)');
    expect(md).to.contain('### Activity in the last 30 days');
    expect(md).to.contain('Counts not loaded yet.');
    expect(md).to.contain('Summary made Nov 23, 2026');
  });

  it('names the country in the summary’s language with its code', () => {
    const details = { ip: '203.0.113.7', city: 'Amsterdam', country: 'Netherlands', countryCode: 'NL', reverseDns: [] };
    expect(ipSummaryMarkdown({ ip: ip('203.0.113.7'), rangeLabel: 'x', details, now: NOW, locale: 'en-US' })).to.contain('**Location:** Amsterdam, Netherlands (NL)');
    expect(ipSummaryMarkdown({ ip: ip('203.0.113.7'), rangeLabel: 'x', details: { ...details, country: undefined }, now: NOW, locale: 'de-DE' })).to.contain('Amsterdam, Niederlande (NL)');
  });

  it('says when the open counts are lower bounds', () => {
    const summary = { openIncidents: 3, activeAlerts: 14, incidentsBySeverity: { high: 3, medium: 0, low: 0, informational: 0 }, alertsBySeverity: { high: 1200, medium: 800, low: 300, informational: 45 }, organizationPrevalence: 40, countedOver: { counted: 100, matched: 2345 } };
    const md = ipSummaryMarkdown({ ip: ip('198.51.100.23'), rangeLabel: 'x', summary, now: NOW, locale: 'en-US' });
    expect(md).to.contain('**Open incidents:** at least 3; **active alerts:** at least 14 (of the 100 most recent of 2,345 alerts)');
  });

  it('says when the IP was never observed', () => {
    const summary = { openIncidents: 0, activeAlerts: 0, incidentsBySeverity: { high: 0, medium: 0, low: 0, informational: 0 }, alertsBySeverity: { high: 0, medium: 0, low: 0, informational: 0 }, organizationPrevalence: 0 };
    const md = ipSummaryMarkdown({ ip: ip('192.0.2.200'), rangeLabel: 'in the last 7 days', summary, now: NOW });
    expect(md).to.contain('Not observed in the organization.');
    expect(md).to.contain('**Open incidents:** 0');
  });

  it('defangs indicators as analysts do in tickets, so chat tools make no live links of them', () => {
    const details = { ip: '203.0.113.7', reverseDns: ['vps-7.nwcloud.example', 'mail.nwcloud.example'], organization: 'Portal https://evil.example/login B.V.' };
    const md = ipSummaryMarkdown({ ip: ip('203.0.113.7'), rangeLabel: 'in the last 30 days', details, now: NOW });
    // Rendered Markdown shows vps-7[.]nwcloud[.]example; no bare domain or address is left to link.
    expect(md).to.contain('**Reverse DNS:** vps-7\\[.\\]nwcloud\\[.\\]example, mail\\[.\\]nwcloud\\[.\\]example');
    expect(md).to.contain('Portal hxxps\\://evil\\[.\\]example/login B.V.');
    for (const live of ['nwcloud.example', 'evil.example', '203.0.113.7']) expect(md, live).to.not.contain(live);
  });
});
