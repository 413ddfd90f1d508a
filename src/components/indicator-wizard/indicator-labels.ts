/** What the wizard calls each indicator action (getters, read in the language in force). */
import { msg } from '../shared/l10n.js';

export const INDICATOR_ACTION_LABELS: Readonly<Record<string, string>> = {
  get Allowed() {
    return msg('Allow');
  },
  get Audit() {
    return msg('Audit');
  },
  get Warn() {
    return msg('Warn');
  },
  get Block() {
    return msg('Block');
  },
  get BlockAndRemediate() {
    return msg('Block and remediate');
  },
  get AlertAndBlock() {
    return msg('Alert and block');
  },
  get Alert() {
    return msg('Alert');
  },
};
