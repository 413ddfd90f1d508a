/**
 * Every story as a test (Storybook's portable stories): each story of a module is rendered with
 * the project's annotations (.storybook/preview.ts: the MSW loader and the demo API), its `play`
 * function runs, and once it has settled the rendered state is checked with axe (0 violations):
 * every rule in the light, comfortable look, then the rules a look can break where that look makes
 * them strictest (CHECKS); a story that only restyles the module's base story (`Dark`, `Compact`)
 * with every rule in its own look. A story that throws, whose play fails, or that has a violation
 * in any look fails its test.
 */
import { expect } from '@open-wc/testing';
import { composeStories, composeStory } from 'storybook/preview-api';
import { setProjectAnnotations } from '@storybook/web-components';
import preview from '../../.storybook/preview.js';
import { deepQueryAll, deepText } from '../helpers/dom.js';

setProjectAnnotations(preview);

export const LOOKS = [
  { theme: 'light', density: 'comfortable' },
  { theme: 'dark', density: 'comfortable' },
  { theme: 'light', density: 'compact' },
  { theme: 'dark', density: 'compact' },
] as const;

type Look = (typeof LOOKS)[number];

/**
 * What each look checks. Density changes only the density tokens, each smaller in compact, and
 * no colour (test/components/style-selectors.test.ts): compact text is never larger, so never held
 * to the large-text ratio where comfortable text is not, and its targets are never larger or
 * further apart. So contrast and target size fail in comfortable only where they fail in compact
 * too, and are checked there, in both themes; the light, comfortable look runs every other rule,
 * and the dark, comfortable look has no rule left to break alone. (Axe's contrast rule is two
 * thirds of its time here: checking all four looks made the suite 317 s instead of 292.)
 */
interface Check {
  look: Look;
  /** Only these rules; else every rule but `ignoredRules`. */
  only?: readonly string[];
  ignoredRules?: string[];
}
const CHECKS: readonly Check[] = [
  { look: LOOKS[0], ignoredRules: ['color-contrast'] },
  { look: LOOKS[2], only: ['color-contrast', 'target-size'] },
  { look: LOOKS[3], only: ['color-contrast', 'link-in-text-block'] },
];

const BACKGROUND = { light: '#f3f4f6', dark: '#17181c' } as const;
const TEXT = { light: '#1c1f24', dark: '#e7e8eb' } as const;

interface Composed {
  (...args: unknown[]): unknown;
  run(context?: { canvasElement?: HTMLElement }): Promise<void>;
  storyName: string;
}

/** Wait until the story stops changing (its data arrived, or it stays loading), at most `cap` ms. */
async function settled(canvas: HTMLElement, cap = 4000) {
  const start = performance.now();
  let last = '';
  let stable = 0;
  while (performance.now() - start < cap && stable < 3) {
    await new Promise((r) => setTimeout(r, 120));
    const now = `${deepText(canvas)}|${deepQueryAll(canvas, '*').length}`;
    stable = now === last ? stable + 1 : 0;
    last = now;
  }
}

/** The story in one look: the theme and density on every top-level element, the frame's background to match. */
async function apply(canvas: HTMLElement, look: (typeof LOOKS)[number]) {
  const elements = [...canvas.querySelectorAll<HTMLElement & { updateComplete?: Promise<unknown> }>('*')].filter((el) => el.localName.startsWith('ip-') && !el.parentElement?.closest('[class*="ip-"], ip-entity-page'));
  for (const el of elements) {
    el.setAttribute('theme', look.theme);
    el.setAttribute('density', look.density);
  }
  // The story's frame and wrappers take the look's page colours (the elements paint the rest).
  canvas.style.background = BACKGROUND[look.theme];
  canvas.style.color = TEXT[look.theme];
  for (const el of canvas.querySelectorAll<HTMLElement>('[style*="background"]')) el.style.background = BACKGROUND[look.theme];
  for (const el of canvas.querySelectorAll<HTMLElement>('[style*="color:"]')) el.style.color = TEXT[look.theme];
  await Promise.all(elements.map((el) => el.updateComplete));
  await new Promise((r) => requestAnimationFrame(() => r(undefined)));
}

interface AxeResult {
  violations: { id: string; help: string; nodes: { target: unknown; failureSummary?: string; html: string }[] }[];
}

/** Only `rules` (the first look ran every rule, with axe loaded). */
async function lookRules(canvas: HTMLElement, rules: readonly string[]) {
  const axe = (window as unknown as { axe: { run(el: Element, o: object): Promise<AxeResult> } }).axe;
  const { violations } = await axe.run(canvas, { runOnly: [...rules], resultTypes: ['violations'] });
  if (!violations.length) return;
  throw new Error(
    `Accessibility Violations\n${violations
      .map((v) => `Rule: ${v.id} (${v.help})\n${v.nodes.map((n) => `  ${String(n.target)}: ${n.failureSummary ?? ''}\n  ${n.html.slice(0, 200)}`).join('\n')}`)
      .join('\n---\n')}`,
  );
}

/**
 * The look a story only restyles, or undefined. `Dark: { args: { theme: 'dark' } }` shows the
 * module's base story (an export with nothing of its own, `Typical: {}`) in another theme: the
 * same render, data and play, so the base story's test already checks that content in the looks
 * of CHECKS, and the variant's test checks it in its own look, with every rule. A story with anything
 * else of its own (a play, a render, parameters, other args) gets every check of CHECKS.
 */
function restyledLook(module: Record<string, unknown>, name: string): Look | undefined {
  const own = (x: unknown) => (x && typeof x === 'object' ? Object.keys(x).filter((k) => k !== 'name') : ['?']);
  const story = module[name] as { args?: Record<string, unknown> } | undefined;
  if (own(story).join() !== 'args') return undefined;
  const args = story!.args ?? {};
  if (!Object.keys(args).length || Object.keys(args).some((k) => k !== 'theme' && k !== 'density')) return undefined;
  const hasBase = Object.entries(module).some(([key, value]) => key !== 'default' && key !== name && own(value).length === 0);
  if (!hasBase) return undefined;
  return LOOKS.find((l) => l.theme === (args.theme ?? 'light') && l.density === (args.density ?? 'comfortable'));
}

/** One test per story of `module`, each with the checks of CHECKS (a restyled story with every rule in its own look). */
export function testStories(module: Record<string, unknown>): void {
  // composeStories hands the export's name to composeStory as its fourth argument, which is the
  // default config (the renderer packages with portable stories wrap it; web components have none):
  // pass the name as the fifth, so the annotations set above (renderToCanvas …) are used.
  const stories = composeStories(module as Parameters<typeof composeStories>[0], {}, ((story, meta, config, name) =>
    composeStory(story, meta, config, undefined, name as unknown as string)) as Parameters<typeof composeStories>[2]) as Record<string, Composed>;
  const title = (module.default as { title?: string }).title ?? 'stories';
  describe(title, function () {
    this.timeout(60_000);
    let canvas: HTMLElement;
    beforeEach(() => {
      canvas = document.createElement('div');
      canvas.id = 'storybook-root';
      document.body.append(canvas);
    });
    afterEach(() => canvas.remove());

    for (const [name, Story] of Object.entries(stories)) {
      const restyled = restyledLook(module, name);
      const checks: readonly Check[] = restyled ? [{ look: restyled }] : CHECKS;
      const which = restyled ? `its look (${restyled.theme}, ${restyled.density})` : `${checks.length} looks`;
      it(`${name}: renders, plays, and has no axe violations in ${which}`, async () => {
        await Story.run({ canvasElement: canvas });
        await settled(canvas);
        for (const { look, only, ignoredRules } of checks) {
          await apply(canvas, look);
          try {
            if (only) await lookRules(canvas, only);
            else await expect(canvas).to.be.accessible({ ignoredRules });
          } catch (error) {
            throw new Error(`${title} / ${name} in ${look.theme}, ${look.density}: ${(error as Error).message}`);
          }
        }
      });
    }
  });
}
