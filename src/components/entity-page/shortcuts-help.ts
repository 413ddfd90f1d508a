/**
 * The words of the page's "Keyboard shortcuts" help, loaded with the dialog on the first `?` (the
 * page's first paint carries only the keys, in shortcuts.ts).
 */
import type { ShortcutLine, ShortcutSection } from '../shortcuts-dialog/shortcuts-dialog.js';

/** The alerts grid's own keys, for the help (grid-navigation.ts answers them). */
export const LIST_SHORTCUTS: ShortcutSection = {
  title: 'In the incidents and alerts list',
  items: [
    { keys: ['↑', '↓', '←', '→'], label: 'Move between cells' },
    { keys: ['Page Up', 'Page Down'], label: 'One screen up or down' },
    { keys: ['Space'], label: 'Select or clear the row' },
    { keys: ['Shift+↑', 'Shift+↓'], label: 'Extend the selection' },
    { keys: ['Ctrl+A'], label: 'Select all' },
    { keys: ['Enter'], label: 'Open the row (details, or the title’s page)' },
    { keys: ['+', '−'], label: 'Expand or collapse an incident' },
    { keys: ['/'], label: 'Search the list' },
    { keys: ['Esc'], label: 'Close the panel' },
  ],
};

/** The help for what the page offers now: its tabs, the actions its bar shows, the list's keys. */
export function helpSections(tabs: readonly { label: string }[], offers: (action: 'add-indicator' | 'hunt') => boolean): ShortcutSection[] {
  const actions: ShortcutLine[] = [];
  if (offers('add-indicator')) actions.push({ keys: ['i'], label: 'Add indicator' });
  if (offers('hunt')) actions.push({ keys: ['h'], label: 'Go hunt' });
  return [
    {
      title: 'Anywhere on the page',
      items: [
        { keys: ['/'], label: 'Search an IP address' },
        { keys: ['r'], label: 'Choose the time range' },
        { keys: ['?'], label: 'Show keyboard shortcuts' },
      ],
    },
    { title: 'Tabs', items: tabs.slice(0, 9).map((t, i) => ({ keys: [String(i + 1)], label: t.label })) },
    ...(actions.length ? [{ title: 'Response actions', items: [...actions, { keys: ['Ctrl+Enter'], label: 'In Add indicator: next step, or Submit' }] }] : []),
    LIST_SHORTCUTS,
  ];
}
