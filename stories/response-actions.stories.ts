import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/response-actions/ip-response-actions.js';
import type { IpResponseActions } from '../src/components/response-actions/response-actions.js';
import { RestIpDataProvider } from '../src/providers/rest/rest-provider.js';
import { StaticIpDataProvider } from '../src/providers/static/static-provider.js';
import { frame, overriding } from './helpers.js';
import type { Indicator } from '../src/data/model.js';

interface Args {
  ip: string;
  theme?: 'light' | 'dark';
  showUnavailable?: boolean;
}

const rest = new RestIpDataProvider({ baseUrl: '/api' });

function element(provider: unknown, a: Args, width?: string) {
  return frame(
    html`<div style="padding:16px"><ip-response-actions .provider=${provider} ip=${a.ip} theme=${a.theme ?? ''} ?show-unavailable=${a.showUnavailable}></ip-response-actions></div>`,
    a.theme,
    width,
  );
}

const meta: Meta<Args> = {
  title: 'Elements/ip-response-actions',
  component: 'ip-response-actions',
  args: { ip: '203.0.113.7' },
  argTypes: { theme: { control: 'select', options: [undefined, 'light', 'dark'] } },
  render: (a) => element(rest, a),
};
export default meta;
type Story = StoryObj<Args>;

/** Every action, on the mock REST API. */
export const Bar: Story = {};
/** A read-only portal: no Add indicator. */
export const ReadOnly: Story = { render: (a) => element(new StaticIpDataProvider({ data: {}, readOnly: true }), a) };
/** Read-only with `show-unavailable`: Add indicator is shown disabled, with the reason on hover and focus. */
export const ReadOnlyShowUnavailable: Story = { args: { showUnavailable: true }, render: (a) => element(new StaticIpDataProvider({ data: {}, readOnly: true }), a) };
/** A private address cannot be an indicator: the action says why. */
export const PrivateIp: Story = { args: { ip: '10.20.30.40' } };
/** Narrow: the secondary actions are in the More actions menu. */
export const Narrow: Story = {
  render: (a) => element(rest, a, '380px'),
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('ip-response-actions') as IpResponseActions;
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[aria-haspopup="menu"]')!.click();
  },
};
/** Add indicator opens `<ip-indicator-wizard>` (its states: Elements/ip-response-actions/ip-indicator-wizard). */
export const OpensWizard: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('ip-response-actions') as IpResponseActions;
    await el.updateComplete;
    el.openAddIndicator();
  },
};
/** A provider that links hunting: Go hunt is a link that opens it; Hunting queries (in the bar or More) keeps the dialog. */
export const WithHuntingLink: Story = {
  render: (a) => element(new StaticIpDataProvider({ data: {}, links: { hunting: (q: string) => `https://security.example/hunting?query=${encodeURIComponent(q)}` } }), a),
};
export const Dark: Story = { args: { theme: 'dark' } };

const DAY = 86_400_000;
const day = (d: number) => new Date(Date.now() + d * DAY).toISOString();
const indicator = (over: Partial<Indicator>): Indicator => ({ id: 'i', indicatorValue: '203.0.113.7', indicatorType: 'IpAddress', action: 'Block', title: 'C2 server', description: '', generateAlert: true, creationTimeDateTimeUtc: day(-3), ...over });
const withIndicators = (indicators: Indicator[]) => new StaticIpDataProvider({ data: { '203.0.113.7': { indicators } }, deviceGroups: ['Servers – Production'] });
const openList = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const bar = canvasElement.querySelector('ip-response-actions') as IpResponseActions;
  for (let i = 0; i < 40 && !bar.shadowRoot!.querySelector('[part="indicator-status"]'); i++) await new Promise((r) => setTimeout(r, 50));
  bar.shadowRoot!.querySelector<HTMLButtonElement>('[part="indicator-status"]')?.click();
};

/** Already blocked: the strongest indicator in force says so beside Add indicator; its button lists every indicator (an allow on one group, an expired audit). */
export const AlreadyBlocked: Story = {
  render: (a) =>
    element(
      withIndicators([
        indicator({ id: 'b', action: 'Block', title: 'C2 server: block all connections', rbacGroupNames: [], expirationTime: day(87), createdBySource: 'soc-lead@contoso.com' }),
        indicator({ id: 'a', action: 'Allowed', title: 'Partner VPN gateway', rbacGroupNames: ['Servers – Production'], creationTimeDateTimeUtc: day(-1), createdBySource: 'Partner onboarding (app)' }),
        indicator({ id: 'e', action: 'Audit', title: 'Suspicious host: audit', rbacGroupNames: ['Workstations – Finance'], creationTimeDateTimeUtc: day(-75), expirationTime: day(-45), createdBySource: 'analyst@contoso.com' }),
      ]),
      a,
    ),
  play: openList,
};
/** Allowed on some devices. */
export const AlreadyAllowed: Story = { render: (a) => element(withIndicators([indicator({ action: 'Allowed', title: 'Sanctioned scanner', rbacGroupNames: ['Servers – Production'] })]), a) };
/** Every indicator expired: the button says so. */
export const IndicatorExpired: Story = { render: (a) => element(withIndicators([indicator({ action: 'Block', expirationTime: day(-2) })]), a), play: openList };
/** Hostile text in an indicator (markup, a right-to-left override, a formula): inert text. */
export const IndicatorHostile: Story = {
  render: (a) => element(withIndicators([indicator({ title: '<img src=x onerror=alert(1)>', rbacGroupNames: ['Ops\u202Etxt.exe'], createdBySource: '=HYPERLINK("http://x")' })]), a),
  play: openList,
};
/** Many indicators for one IP (every device group its own): the list scrolls in its box. */
export const ManyIndicators: Story = {
  render: (a) => element(withIndicators(Array.from({ length: 40 }, (_, k) => indicator({ id: `m${k}`, action: k % 3 === 0 ? 'Block' : k % 3 === 1 ? 'Audit' : 'Allowed', title: `Scope ${k + 1}`, rbacGroupNames: [`Group ${k + 1}`], creationTimeDateTimeUtc: day(-k) }))), a),
  play: openList,
};
/** The indicators could not be listed: the bar says so, with Retry, rather than looking unblocked. */
export const IndicatorsFailing: Story = {
  render: (a) => {
    return element(overriding(withIndicators([indicator({})]), { listIndicators: () => Promise.reject(new Error('The indicator service is unavailable.')) }), a);
  },
};
/** Change expiry, open on an indicator. */
export const ChangeExpiry: Story = {
  render: (a) => element(withIndicators([indicator({ id: 'x', action: 'Block', expirationTime: day(30) })]), a),
  play: async (ctx) => {
    await openList(ctx);
    const bar = ctx.canvasElement.querySelector('ip-response-actions') as IpResponseActions;
    for (let i = 0; i < 40 && !bar.shadowRoot!.querySelector('.edit-expiry'); i++) await new Promise((r) => setTimeout(r, 50));
    bar.shadowRoot!.querySelector<HTMLButtonElement>('.edit-expiry')?.click();
  },
};
