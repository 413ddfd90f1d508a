import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import '../src/components/shortcuts-dialog/ip-shortcuts-dialog.js';
import type { IpShortcutsDialog, ShortcutSection } from '../src/components/shortcuts-dialog/shortcuts-dialog.js';
import { helpSections } from '../src/components/entity-page/shortcuts-help.js';
import { TABS } from '../src/components/entity-page/tab-panels.js';
import { frame } from './helpers.js';

interface Args {
  sections: readonly ShortcutSection[];
  theme?: 'light' | 'dark';
  density?: 'comfortable' | 'compact';
}

/** What `<ip-entity-page>` lists with every tab and both actions. */
const pageSections = helpSections(TABS, () => true);

const open = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const el = canvasElement.querySelector('ip-shortcuts-dialog') as IpShortcutsDialog;
  await el.updateComplete;
  el.show();
  await el.updateComplete;
  await expect(el.shadowRoot!.querySelector('dialog')!.open).toBe(true);
};

const meta: Meta<Args> = {
  title: 'Elements/ip-entity-page/ip-shortcuts-dialog',
  component: 'ip-shortcuts-dialog',
  args: { sections: pageSections },
  argTypes: {
    theme: { control: 'select', options: [undefined, 'light', 'dark'] },
    density: { control: 'select', options: [undefined, 'comfortable', 'compact'] },
  },
  render: (a) =>
    frame(
      html`<div style="padding:16px">
        <button type="button" @click=${(e: Event) => ((e.currentTarget as HTMLElement).nextElementSibling as IpShortcutsDialog).show()}>Keyboard shortcuts</button>
        <ip-shortcuts-dialog .sections=${a.sections} theme=${a.theme ?? ''} density=${a.density ?? ''}></ip-shortcuts-dialog>
      </div>`,
      a.theme,
    ),
  play: open,
};
export default meta;
type Story = StoryObj<Args>;

/** Closed: `<ip-entity-page>` opens it with `?`; a host can call `show()`. */
export const Closed: Story = { play: undefined };
/** What the page lists when every tab and both actions are there. */
export const ShortcutsController: Story = {};
/** A provider without Sentinel or threat intelligence, and a bar without actions: fewer lines. */
export const FewerTabs: Story = { args: { sections: helpSections(TABS.slice(0, 3), () => false) } };
/** Nothing to list (a host's empty configuration): the dialog still says how to close. */
export const Empty: Story = { args: { sections: [] } };
/** Text from a host rendered as text. */
export const HostileStrings: Story = {
  args: { sections: [{ title: '<img src=x onerror=alert(1)>', items: [{ keys: ['<script>'], label: 'javascript:alert(1)' }] }] },
};
export const Dark: Story = { args: { theme: 'dark' } };
export const Compact: Story = { args: { density: 'compact' } };
