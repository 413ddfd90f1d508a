/**
 * What the page calls each severity, and `labelFor`, kept apart from the domain model so the words can be
 * translated without touching the data types. The queue's other enums are in queue-labels.ts
 * and the indicator actions with the wizard: only the severities are on the first screen. Each label is a getter, so it is read in the
 * language in force when the page renders (@lit/localize's `msg`). A value without a label is shown as itself, words
 * split (`partiallyRemediated` → "Partially remediated"), never dropped.
 */
import { msg } from './l10n.js';
import { revealControls } from '../../lib/text.js';
import { own, type KnownSeverity } from '../../data/model.js';

export const SEVERITY_LABELS: Readonly<Record<KnownSeverity, string>> = {
  get high() {
    return msg('High');
  },
  get medium() {
    return msg('Medium');
  },
  get low() {
    return msg('Low');
  },
  get informational() {
    return msg('Informational');
  },
  get unknown() {
    return msg('Unknown');
  },
};






/** A label for any enum value: the known label, else the raw value with its words split. */
export function labelFor(labels: Readonly<Record<string, string>>, value: string | null | undefined, unset = msg('Not set')): string {
  if (value == null || value === '') return unset;
  // A value the page has no label for is data: shown in words, its hidden characters as marks.
  return own(labels, value) ?? revealControls(value.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase()));
}
