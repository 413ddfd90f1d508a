import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/copy-button/ip-copy-button.js';
import '../src/components/time-range-picker/ip-time-range-picker.js';
import '../src/components/external-url/ip-external-url.js';
import '../src/components/slow-notice/ip-slow-notice.js';
import '../src/components/lookup-links/ip-lookup-links.js';

const meta: Meta = { title: 'Elements/Small controls' };
export default meta;

export const CopyButton: StoryObj = {
  render: () => html`<div style="padding:16px;font-family:system-ui">
    203.0.113.7 <ip-copy-button value="203.0.113.7" label="Copy IP address"></ip-copy-button>
    <br /><br />
    With label: <ip-copy-button value="2001:db8::1" label="Copy" show-label></ip-copy-button>
  </div>`,
};

export const CopyButtonDark: StoryObj = {
  render: () => html`<div style="padding:16px;background:#17181c;color:#e7e8eb;font-family:system-ui">
    203.0.113.7 <ip-copy-button theme="dark" value="203.0.113.7" label="Copy IP address" show-label></ip-copy-button>
  </div>`,
};

export const TimeRangePicker: StoryObj = {
  render: () => html`<div style="padding:16px"><ip-time-range-picker value="7d"></ip-time-range-picker></div>`,
};

export const TimeRangePickerDark: StoryObj = {
  render: () => html`<div style="padding:16px;background:#17181c"><ip-time-range-picker theme="dark" value="90d"></ip-time-range-picker></div>`,
};

/** A window of whole UTC days `fromDays` … `toDays` ago, plus hours, as the `range` attribute spells it. */
function daysAgoWindow(fromDays: number, fromHour: number, toDays: number, toHour: number): string {
  const midnight = Math.floor(Date.now() / 86_400_000) * 86_400_000;
  const at = (days: number, hour: number) => new Date(midnight - days * 86_400_000 + hour * 3_600_000).toISOString();
  return `${at(fromDays, fromHour)}/${at(toDays, toHour)}`;
}

/** A custom window in force (two weeks, ending a week ago): the select names it. */
export const TimeRangePickerCustomWindow: StoryObj = {
  render: () => html`<div style="padding:16px"><ip-time-range-picker value=${daysAgoWindow(21, 8, 7, 18)}></ip-time-range-picker></div>`,
};

/** "Custom range…" picked with a data source that keeps 30 days: the form (`<ip-custom-range>`, loaded on first use) open, From focused. */
export const TimeRangePickerCustomForm: StoryObj = {
  render: () => html`<div style="padding:16px;display:flex;justify-content:flex-end;min-height:260px"><ip-time-range-picker value="7d" max-lookback-days="30"></ip-time-range-picker></div>`,
  play: async ({ canvasElement }) => {
    const picker = canvasElement.querySelector('ip-time-range-picker')!;
    await picker.updateComplete;
    const select = picker.shadowRoot!.querySelector('select')!;
    select.value = 'custom';
    select.dispatchEvent(new Event('change'));
  },
};

/** An address from data (a device's remote URL): defanged, Copy takes it exactly, Open… asks first. */
export const ExternalUrl: StoryObj = {
  render: () => html`<div style="padding:16px;font-family:system-ui;max-width:34rem">Remote <ip-external-url url="http://cdn-update.litware-isp.example/payload.txt"></ip-external-url></div>`,
};

/** Open… pressed: the whole address shows, hidden characters as marks, before anything is opened. */
export const ExternalUrlConfirm: StoryObj = {
  render: () => html`<div style="padding:16px;font-family:system-ui;min-height:180px">Remote <ip-external-url .url=${'https://c2.evil.example/gate.php?id=7&f=invoice\u202Egpj.exe'}></ip-external-url></div>`,
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('ip-external-url')!;
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="open-button"]')!.click();
    await el.updateComplete;
  },
};

/** A `javascript:` address from data: shown, copyable, never openable. */
export const ExternalUrlNotOpenable: StoryObj = {
  render: () => html`<div style="padding:16px;font-family:system-ui;min-height:160px"><ip-external-url url="javascript:alert(document.cookie)"></ip-external-url></div>`,
  play: ExternalUrlConfirm.play,
};

export const ExternalUrlDark: StoryObj = {
  render: () => html`<div style="padding:16px;background:#17181c;color:#e7e8eb;font-family:system-ui">Remote <ip-external-url theme="dark" url="http://203.0.113.7/payload.txt"></ip-external-url></div>`,
};

/** A section still loading after a while: the time so far and Cancel (a hunting query may run three minutes). */
export const SlowNotice: StoryObj = {
  render: () => html`<div style="padding:16px;font-family:system-ui;max-width:34rem"><ip-slow-notice .since=${Date.now() - 42_000} delay="0"></ip-slow-notice></div>`,
};

/** Before its delay: nothing at all (a section that answers in a second never shows it). */
export const SlowNoticeBeforeDelay: StoryObj = {
  render: () => html`<div style="padding:16px;font-family:system-ui;max-width:34rem">(nothing shows for 8 s)<ip-slow-notice></ip-slow-notice></div>`,
};

/** Dark theme. */
export const SlowNoticeDark: StoryObj = {
  render: () => html`<div style="padding:16px;background:#17181c;color:#e7e8eb;font-family:system-ui"><ip-slow-notice theme="dark" .since=${Date.now() - 95_000} delay="0"></ip-slow-notice></div>`,
};

/** A second opinion: the outside reputation services for a public IP, in a menu (nothing opens until one is picked). */
export const LookupLinks: StoryObj = {
  render: () => html`<div style="padding:16px;font-family:system-ui">203.0.113.7 <ip-lookup-links ip="203.0.113.7"></ip-lookup-links></div>`,
};

/** The menu open, focus on the first service. */
export const LookupLinksOpen: StoryObj = {
  render: () => html`<div style="padding:16px;font-family:system-ui;min-height:300px"><ip-lookup-links ip="2001:db8::5"></ip-lookup-links></div>`,
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('ip-lookup-links')!;
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"]')!.click();
    await el.updateComplete;
  },
};

/** An internal address: nothing is offered (it must not leave the organization). */
export const LookupLinksInternal: StoryObj = {
  render: () => html`<div style="padding:16px;font-family:system-ui">10.20.30.40 <ip-lookup-links ip="10.20.30.40"></ip-lookup-links> (no lookup offered)</div>`,
};

/** The host turned the lookups off (an empty list): nothing is offered. */
export const LookupLinksNone: StoryObj = {
  render: () => html`<div style="padding:16px;font-family:system-ui">203.0.113.7 <ip-lookup-links ip="203.0.113.7" .services=${[]}></ip-lookup-links> (lookups turned off)</div>`,
};

/** The host's own list, many services long, with a hostile name (text) and a `javascript:` template (left out). */
export const LookupLinksHostList: StoryObj = {
  render: () => {
    const services = [
      { name: 'Contoso TI portal', href: '/ti/ip/{ip}' },
      { name: '<img src=x onerror=alert(1)>', href: 'https://ti.example/{ip}' },
      { name: 'Script', href: 'javascript:alert(1)' },
      ...Array.from({ length: 24 }, (_, i) => ({ name: `Feed ${i + 1}`, href: `https://feed${i + 1}.example/ip/{ip}` })),
    ];
    return html`<div style="padding:16px;font-family:system-ui;min-height:420px"><ip-lookup-links ip="198.51.100.23" .services=${services}></ip-lookup-links></div>`;
  },
  play: LookupLinksOpen.play,
};

/** Dark theme, open. */
export const LookupLinksDark: StoryObj = {
  render: () => html`<div style="padding:16px;background:#17181c;min-height:300px"><ip-lookup-links theme="dark" ip="203.0.113.7"></ip-lookup-links></div>`,
  play: LookupLinksOpen.play,
};
