/**
 * @lit/localize's `msg`, `str` and `updateWhenLocaleChanges`, from their own modules: the package
 * entry also brings its locale-switching runtime, which the page loads only when a language other
 * than English is first asked for (localization.ts).
 */
export { msg } from '@lit/localize/init/install.js';
export { str } from '@lit/localize/internal/str-tag.js';
export { updateWhenLocaleChanges } from '@lit/localize/internal/localized-controller.js';
