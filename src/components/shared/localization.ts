/**
 * The language of the page's words (@lit/localize, runtime mode). English is built in; the other
 * languages are modules loaded when first asked for. The locale is one per document (the way
 * @lit/localize works): `<ip-entity-page locale="de">`, or `lang="de"` on the page or any
 * ancestor, switches every element, and they re-render in it. Dates and numbers follow the
 * element's own locale (`Intl`), so `de-AT` gets German words and Austrian formats.
 *
 * A host that configures @lit/localize for its own app calls {@link adoptLocalization} with its
 * `setLocale` and merges this package's templates into its own (see docs/localization.md).
 */
import type { LocaleModule } from '@lit/localize';
import { sourceLocale, targetLocales } from '../../locales/locale-codes.js';

type Locales = (typeof targetLocales)[number];

/** Each language's module, loaded on first use. */
const LOADERS: Readonly<Record<Locales, () => Promise<LocaleModule>>> = {
  de: () => import('../../locales/de.js'),
  'en-XA': () => import('../../locales/en-XA.js'),
};

export const SUPPORTED_LOCALES: readonly string[] = [sourceLocale, ...targetLocales];

/** @lit/localize's `setLocale`, once configured: its runtime (0.8 kB) loads with the first other language. */
let configured: Promise<(locale: string) => Promise<void>> | undefined;
let wanted: string = sourceLocale;

/** The supported language for a BCP 47 tag: itself, else its language (`de-AT` → `de`), else English. */
export function matchLocale(tag: string | null | undefined): string {
  if (!tag) return sourceLocale;
  const exact = SUPPORTED_LOCALES.find((l) => l.toLowerCase() === tag.toLowerCase());
  if (exact) return exact;
  const language = tag.split('-')[0]!.toLowerCase();
  return SUPPORTED_LOCALES.find((l) => l.toLowerCase() === language) ?? sourceLocale;
}

/**
 * Show the words in the language of `tag` (a supported one, else English). Resolves when its
 * module has loaded and the elements re-render; a second call for the same language is free.
 */
export async function applyLocale(tag: string | null | undefined): Promise<void> {
  const locale = matchLocale(tag);
  if (locale === wanted) return;
  wanted = locale;
  configured ??= import('@lit/localize/init/runtime.js').then(
    ({ configureLocalization }) => configureLocalization({ sourceLocale, targetLocales, loadLocale: (l) => LOADERS[l as Locales]() }).setLocale,
  );
  const setLocale = await configured;
  // A later call for another language wins.
  if (wanted === locale) await setLocale(locale);
}

/**
 * For hosts that configure @lit/localize themselves (it can be configured once per document):
 * give the package your `setLocale`, and include its templates in your `loadLocale`.
 */
export function adoptLocalization(hostSetLocale: (locale: string) => Promise<void>): void {
  configured = Promise.resolve(hostSetLocale);
}

/** Each supported locale's templates, for a host that merges them into its own @lit/localize set-up. */
export function loadTemplates(locale: string): Promise<LocaleModule> | undefined {
  return LOADERS[locale as Locales]?.();
}
