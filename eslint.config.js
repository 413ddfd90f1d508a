// @ts-check
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';

/** Sinks that turn strings into markup. Data must never reach them: Lit templates escape, these do not. */
const htmlSinks = [
  { selector: "MemberExpression[property.name='innerHTML']", message: 'innerHTML turns strings into markup; render with a Lit template.' },
  { selector: "MemberExpression[property.name='outerHTML']", message: 'outerHTML turns strings into markup; render with a Lit template.' },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'insertAdjacentHTML turns strings into markup; render with a Lit template.' },
  { selector: "CallExpression[callee.object.name='document'][callee.property.name=/^write(ln)?$/]", message: 'document.write turns strings into markup.' },
  { selector: "CallExpression[callee.name='unsafeHTML']", message: 'unsafeHTML renders strings as markup; data must stay text.' },
  { selector: "CallExpression[callee.name='unsafeSVG']", message: 'unsafeSVG renders strings as markup; data must stay text.' },
];

const unsafeImports = [
  { name: 'lit/directives/unsafe-html.js', message: 'unsafeHTML renders strings as markup; data must stay text.' },
  { name: 'lit-html/directives/unsafe-html.js', message: 'unsafeHTML renders strings as markup; data must stay text.' },
  { name: 'lit/directives/unsafe-svg.js', message: 'unsafeSVG renders strings as markup.' },
  { name: 'lit/directives/style-map.js', message: 'styleMap writes a style attribute on first render, which a strict style-src CSP refuses; use classes.' },
];

/**
 * The layers (docs/architecture.md), each importing only from those below it:
 * components → events → providers → data → lib. Only components use Lit, so a provider bundle
 * carries none; components reach providers through the seam (guard, memo, combine, readers),
 * never a concrete provider by a static import.
 */
const litPackages = ['lit', 'lit/*', 'lit-html', 'lit-html/*', 'lit-element', 'lit-element/*', '@lit/*', '@lit-labs/*'];
const layer = (name) => [`**/${name}/**`, `../${name}/*`, `./${name}/*`];
const LAYERS = {
  'src/lib/**/*.ts': { banned: [...layer('data'), ...layer('providers'), ...layer('events'), ...layer('components'), ...litPackages], why: 'lib/ is pure: it imports no other layer and no Lit.' },
  'src/data/**/*.ts': { banned: [...layer('providers'), ...layer('events'), ...layer('components'), ...litPackages], why: 'data/ (the contract) imports only lib/, and no Lit.' },
  'src/providers/**/*.ts': { banned: [...layer('events'), ...layer('components'), ...litPackages], why: 'providers/ import only data/ and lib/, and no Lit (a provider bundle carries none).' },
  'src/events/**/*.ts': { banned: [...layer('providers'), ...layer('components'), ...litPackages], why: 'events/ are plain Events over data/ types.' },
  'src/components/**/*.ts': {
    banned: ['**/providers/rest/*', '**/providers/static/*', '**/providers/defender/*', '**/providers/sentinel/*', '**/providers/elastic/*', '**/providers/microsoft/*'],
    why: 'Components reach providers through the seam (guard, memo, combine, the readers); a concrete provider loads only with import().',
  },
};

/** no-restricted-imports for src/, plus a layer's bans. */
function restrictedImports(layerBans) {
  const patterns = [{ group: ['**/mocks/**', '../mocks/*'], message: 'src/ must not import the demo mocks.' }];
  if (layerBans) patterns.push({ group: layerBans.banned, message: layerBans.why });
  return ['error', { paths: unsafeImports, patterns }];
}

export default tseslint.config(
  { ignores: ['node_modules/', 'src/locales/', 'dist/', 'dist-demo/', 'dist-size/', 'storybook-static/', 'coverage/', 'bench/dist/', 'bench/dist-profile/', 'bench/dist-trace/', 'bench/results/', 'public/'] },
  ...tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': restrictedImports(),
      'no-restricted-syntax': ['error', ...htmlSinks],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'smart'],
    },
  },
  ...Object.entries(LAYERS).map(([files, bans]) => ({ files: [files], rules: { 'no-restricted-imports': restrictedImports(bans) } })),
  {
    // chai assertions are property reads: `expect(x).to.be.empty`
    files: ['test/**/*.ts', 'test/**/*.tsx'],
    ignores: ['test/helpers/dom.ts'],
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@open-wc/testing',
              importNames: ['waitUntil'],
              message: "Use test/helpers/dom.ts's waitUntil: @open-wc's gives up after 1 s, less than a cold run on a busy machine can need.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/helpers/dom.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs', '*.config.*', '.ci/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
