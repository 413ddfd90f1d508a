import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/alerts-list/ip-alerts-flyout.js';
import type { AlertItem } from '../src/data/model.js';
import { IpDataset } from '../mocks/generator/dataset.js';
import { frame } from './helpers.js';

interface Args {
  count: number;
  manageable: boolean;
  saving: boolean;
  error: string;
  theme?: 'light' | 'dark';
}

const ds = new IpDataset('203.0.113.7');
const alerts: AlertItem[] = Array.from({ length: 12 }, (_, i) => ds.alert(i));

const meta: Meta<Args> = {
  title: 'Elements/ip-alerts-list/ip-alerts-flyout',
  component: 'ip-alerts-flyout',
  args: { count: 1, manageable: true, saving: false, error: '' },
  argTypes: { theme: { control: 'select', options: [undefined, 'light', 'dark'] } },
  render: (a) =>
    frame(
      html`<div style="height:720px;max-width:420px;margin-left:auto" class=${a.theme ?? ''}>
        <ip-alerts-flyout .items=${alerts.slice(0, a.count)} count=${a.count} ?manageable=${a.manageable} ?saving=${a.saving} error=${a.error || ''}
          current-user="you@contoso.com" theme=${a.theme ?? ''}></ip-alerts-flyout>
      </div>`,
      a.theme,
    ),
};
export default meta;
type Story = StoryObj<Args>;

/** One alert: its details and the manage form. */
export const OneAlert: Story = {};
/** Several selected: one form applies to all of them. */
export const Several: Story = { args: { count: 5 } };
/** A read-only provider: details only. */
export const ReadOnly: Story = { args: { manageable: false } };
export const Saving: Story = { args: { saving: true } };
/** The provider refused: the message shows and the form keeps what was entered. */
export const SaveError: Story = { args: { error: 'You do not have permission to change these alerts.' } };
export const Dark: Story = { args: { theme: 'dark' } };
