/**
 * The words of the page's "Keyboard shortcuts" help, loaded with the dialog on the first `?` (the
 * page's first paint carries only the keys, in shortcuts.ts).
 */
import { msg } from '../shared/l10n.js';
import type { ShortcutLine, ShortcutSection } from '../shortcuts-dialog/shortcuts-dialog.js';

/** The alerts grid's own keys, for the help (grid-navigation.ts answers them); key names translate too (Strg, Leertaste). */
export const listShortcuts = (): ShortcutSection => ({
  title: msg('In the incidents and alerts list'),
  items: [
    { keys: ['↑', '↓', '←', '→'], label: msg('Move between cells') },
    { keys: [msg('Page Up'), msg('Page Down')], label: msg('One screen up or down') },
    { keys: [msg('Space')], label: msg('Select or clear the row') },
    { keys: [msg('Shift+↑'), msg('Shift+↓')], label: msg('Extend the selection') },
    { keys: [msg('Ctrl+A')], label: msg('Select all') },
    { keys: [msg('Enter')], label: msg('Open the row (details, or the title’s page)') },
    { keys: ['+', '−'], label: msg('Expand or collapse an incident') },
    { keys: ['/'], label: msg('Search the list') },
    { keys: [msg('Esc')], label: msg('Close the panel') },
  ],
});

/** The help for what the page offers now: its tabs, the actions its bar shows, the list's keys. */
export function helpSections(tabs: readonly { label: string }[], offers: (action: 'add-indicator' | 'hunt') => boolean): ShortcutSection[] {
  const actions: ShortcutLine[] = [];
  if (offers('add-indicator')) actions.push({ keys: ['i'], label: msg('Add indicator') });
  if (offers('hunt')) actions.push({ keys: ['h'], label: msg('Go hunt') });
  return [
    {
      title: msg('Anywhere on the page'),
      items: [
        { keys: ['/'], label: msg('Search an IP address') },
        { keys: ['r'], label: msg('Choose the time range') },
        { keys: ['?'], label: msg('Show keyboard shortcuts') },
      ],
    },
    { title: msg('Tabs'), items: tabs.slice(0, 9).map((t, i) => ({ keys: [String(i + 1)], label: t.label })) },
    ...(actions.length ? [{ title: msg('Response actions'), items: [...actions, { keys: [msg('Ctrl+Enter')], label: msg('In Add indicator: next step, or Submit') }] }] : []),
    listShortcuts(),
  ];
}
