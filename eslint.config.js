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

export default tseslint.config(
  { ignores: ['node_modules/', 'src/locales/', 'dist/', 'dist-demo/', 'dist-size/', 'storybook-static/', 'coverage/', 'bench/dist/', 'bench/results/', 'public/'] },
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
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'lit/directives/unsafe-html.js', message: 'unsafeHTML renders strings as markup; data must stay text.' },
            { name: 'lit-html/directives/unsafe-html.js', message: 'unsafeHTML renders strings as markup; data must stay text.' },
            { name: 'lit/directives/unsafe-svg.js', message: 'unsafeSVG renders strings as markup.' },
            { name: 'lit/directives/style-map.js', message: 'styleMap writes a style attribute on first render, which a strict style-src CSP refuses; use classes.' },
          ],
          patterns: [{ group: ['**/mocks/**', '../mocks/*'], message: 'src/ must not import the demo mocks.' }],
        },
      ],
      'no-restricted-syntax': ['error', ...htmlSinks],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // chai assertions are property reads: `expect(x).to.be.empty`
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs', '*.config.*', '.ci/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
