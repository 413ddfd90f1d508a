import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/response-actions/ip-response-actions.js';
import type { IpResponseActions } from '../src/components/response-actions/response-actions.js';
import { RestIpDataProvider } from '../src/providers/rest/rest-provider.js';
import { StaticIpDataProvider } from '../src/providers/static/static-provider.js';
import { api, frame } from './helpers.js';

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

const until = async (check: () => unknown) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 30));
};

/** Open the wizard, fill it and walk to `steps` (0 = Indicator … 3 = Summary). */
async function walk(canvas: HTMLElement, steps: number, fill = true) {
  const el = canvas.querySelector('ip-response-actions') as IpResponseActions;
  await el.updateComplete;
  await until(() => el.shadowRoot?.querySelector('[data-action="add-indicator"]:not([aria-disabled="true"])'));
  el.openAddIndicator();
  await el.updateComplete;
  const root = el.shadowRoot!;
  const next = async () => {
    root.querySelector<HTMLButtonElement>('dialog.wizard .dialog-footer .primary')!.click();
    await el.updateComplete;
  };
  for (let i = 0; i < steps; i++) {
    if (i === 1 && fill) {
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
    el.shadowRoot!.querySelector<HTMLButtonElement>('.more-button')!.click();
  },
};
export const WizardIndicator: Story = { play: ({ canvasElement }) => walk(canvasElement, 0) };
/** The Action step after Next with nothing typed: inline, announced validation. */
export const WizardValidation: Story = { play: ({ canvasElement }) => walk(canvasElement, 2, false) };
export const WizardAction: Story = { play: ({ canvasElement }) => walk(canvasElement, 1) };
export const WizardScope: Story = { play: ({ canvasElement }) => walk(canvasElement, 2) };
export const WizardSummary: Story = { play: ({ canvasElement }) => walk(canvasElement, 3) };
/** The service refuses: the error shows, every field keeps its value, Submit retries. */
export const SubmitError: Story = {
  parameters: api({ fail: { indicators: 503 } }),
  play: async ({ canvasElement }) => {
    await walk(canvasElement, 3);
    const el = canvasElement.querySelector('ip-response-actions') as IpResponseActions;
    el.shadowRoot!.querySelector<HTMLButtonElement>('dialog.wizard .submit')!.click();
  },
};
/** The Go hunt panel: one query per backend, copy and open in hunting. */
export const GoHunt: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('ip-response-actions') as IpResponseActions;
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="hunt"]')!.click();
  },
};
export const Dark: Story = { args: { theme: 'dark' } };
export const DarkWizard: Story = { args: { theme: 'dark' }, play: ({ canvasElement }) => walk(canvasElement, 1) };
