import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/indicator-wizard/ip-indicator-wizard.js';
import type { IpIndicatorWizard } from '../src/components/indicator-wizard/indicator-wizard.js';
import { RestIpDataProvider } from '../src/providers/rest/rest-provider.js';
import { StaticIpDataProvider } from '../src/providers/static/static-provider.js';
import { api, frame, FOREVER, overriding } from './helpers.js';

interface Args {
  ip: string;
  theme?: 'light' | 'dark';
}

const rest = new RestIpDataProvider({ baseUrl: '/api' });

/** The wizard alone, opened by a button as a host would. */
function element(provider: unknown, a: Args) {
  return frame(
    html`<div style="padding:16px">
      <button type="button" @click=${(e: Event) => ((e.currentTarget as HTMLElement).nextElementSibling as IpIndicatorWizard).show()}>Add indicator</button>
      <ip-indicator-wizard .provider=${provider} ip=${a.ip} theme=${a.theme ?? ''}></ip-indicator-wizard>
    </div>`,
    a.theme,
  );
}

const until = async (check: () => unknown) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 30));
};

/** Open the wizard and walk to `steps` (0 = Indicator … 3 = Summary), typing the required fields when `fill`. */
async function walk(canvas: HTMLElement, steps: number, fill = true) {
  const el = canvas.querySelector('ip-indicator-wizard') as IpIndicatorWizard;
  await el.updateComplete;
  el.show();
  await el.updateComplete;
  const root = el.shadowRoot!;
  const next = async () => {
    [...root.querySelectorAll<HTMLButtonElement>('.dialog-footer button')].find((b) => b.textContent!.trim() === 'Next' || b.textContent!.trim() === 'Submit')?.click();
    await el.updateComplete;
  };
  for (let i = 0; i < steps; i++) {
    if (i === 1 && fill) {
      await until(() => root.querySelector('#f-title'));
      const set = (id: string, v: string) => {
        const f = root.querySelector<HTMLInputElement>(`#${id}`)!;
        f.value = v;
        f.dispatchEvent(new Event('input'));
      };
      set('f-title', 'Cobalt Strike team server');
      set('f-description', 'Command-and-control server of incident 41234: beacons every 60 s over HTTPS.');
      set('f-recommendedActions', 'Isolate the devices that connected and collect an investigation package.');
      await el.updateComplete;
    }
    await next();
  }
  return el;
}

/** A play function that walks to `steps`. */
const at =
  (steps: number, fill = true) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> => {
    await walk(canvasElement, steps, fill);
  };

const meta: Meta<Args> = {
  title: 'Elements/ip-response-actions/ip-indicator-wizard',
  component: 'ip-indicator-wizard',
  args: { ip: '203.0.113.7' },
  argTypes: { theme: { control: 'select', options: [undefined, 'light', 'dark'] } },
  render: (a) => element(rest, a),
};
export default meta;
type Story = StoryObj<Args>;

/** Closed: a host button opens it with `show()`. */
export const Closed: Story = {};
/** Step 1: the indicator and when it expires. */
export const Indicator: Story = { play: at(0) };
/** The Action step after Next with nothing typed: inline, announced validation. */
export const Validation: Story = { play: at(2, false) };
export const Action: Story = { play: at(1) };
export const Scope: Story = { play: at(2) };
/** The device groups are still loading. */
export const ScopeLoadingGroups: Story = {
  render: (a) => element(overriding(new StaticIpDataProvider({ data: {}, deviceGroups: ['Servers'] }), { listDeviceGroups: () => new Promise((r) => setTimeout(() => r(['Servers']), FOREVER)) }), a),
  play: at(2),
};
export const Summary: Story = { play: at(3) };
/** Submitted: the indicator the provider added. */
export const Added: Story = { play: at(4) };
/** The service refuses: the error shows, every field keeps its value, Submit retries. */
export const SubmitError: Story = { parameters: api({ fail: { indicators: 503 } }), play: at(4) };
/** Closing with entries asks first. */
export const ConfirmDiscard: Story = {
  play: async ({ canvasElement }) => {
    const el = await walk(canvasElement, 2);
    el.requestClose();
  },
};
/** A private address cannot be an indicator: the wizard says why instead of a form. */
export const PrivateIp: Story = { args: { ip: '10.20.30.40' }, play: at(0) };
/** A read-only portal: the wizard says it cannot add indicators. */
export const ReadOnly: Story = { render: (a) => element(new StaticIpDataProvider({ data: {}, readOnly: true }), a), play: at(0) };
/** Hostile text typed into the fields shows as text on the Summary. */
export const HostileText: Story = {
  play: async ({ canvasElement }) => {
    const el = await walk(canvasElement, 1, false);
    const root = el.shadowRoot!;
    for (const id of ['f-title', 'f-description']) {
      const f = root.querySelector<HTMLInputElement>(`#${id}`)!;
      f.value = '<img src=x onerror=alert(1)> =HYPERLINK("javascript:alert(1)")';
      f.dispatchEvent(new Event('input'));
    }
    await el.updateComplete;
    for (let i = 0; i < 2; i++) {
      [...root.querySelectorAll<HTMLButtonElement>('.dialog-footer button')].find((b) => b.textContent!.trim() === 'Next')?.click();
      await el.updateComplete;
    }
  },
};
export const Dark: Story = { args: { theme: 'dark' }, play: at(1) };
