// `npm run analyze` → custom-elements.json (committed; CI checks it is up to date).

/**
 * Keep the manifest to the public API: drop private members (Storybook would offer controls for
 * them), and keep only the events documented with @fires: the analyzer also infers events from
 * `dispatchEvent(new SomeEvent(arg))` and names them after the argument (`nav`, `patch`), which
 * are not events anyone can listen to.
 */
function publicApiOnly() {
  return {
    name: 'public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          if (decl.members) decl.members = decl.members.filter((m) => m.privacy !== 'private' && m.privacy !== 'protected' && !m.name.startsWith('#'));
          if (decl.events) decl.events = decl.events.filter((e) => e.name && e.description);
        }
      }
    },
  };
}

export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/**/*.styles.ts', 'src/components/shared/**'],
  outdir: '.',
  litelement: true,
  plugins: [publicApiOnly()],
};
