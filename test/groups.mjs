// @ts-check
/**
 * Test files that share one page in a full run (`npm test`). A file costs about two core-seconds
 * before its first test — a page, its modules fetched from the cache, compiled and run, the test
 * framework — which for the quick ones below was most of their time: 15 files of test/lib, data
 * and bench took 46 core-seconds as files, 19 in one page (229 tests either way). Each group is
 * one page; every test file not named here still runs alone. Grouped files must leave the page as
 * they found it: no hooks outside a `describe`, no language switched for the page, no heap sizes
 * measured, nothing that counts the elements loaded or needs a module not yet loaded
 * (shortcuts.test.ts: `i` before the actions bar's chunk); those files run alone. The mock API's
 * worker starts once a page (test/helpers/msw.ts).
 * `TEST_FILES=…` runs the files named, each alone; `TEST_UNGROUPED=1` runs every file alone.
 */
export const TEST_GROUPS = {
  // The stories (test/stories/run-stories.ts), a long file with short ones: about 45–90 s a page here.
  // First: pages start in this order, and the longest going first leaves no long one for the end.
  'stories-alerts-list': [
    'test/stories/alerts-list.stories.test.ts',
    'test/stories/indicator-badge.stories.test.ts',
    'test/stories/shortcuts-dialog.stories.test.ts',
  ],
  'stories-entity-page': [
    'test/stories/entity-page.stories.test.ts',
    'test/stories/note.stories.test.ts',
    'test/stories/insight-chart.stories.test.ts',
    'test/stories/hunt-dialog.stories.test.ts',
  ],
  'stories-microsoft': [
    'test/stories/microsoft-providers.stories.test.ts',
    'test/stories/case-dialog.stories.test.ts',
    'test/stories/alerts-flyout.stories.test.ts',
  ],
  'stories-accounts': [
    'test/stories/accounts.stories.test.ts',
    'test/stories/controls.stories.test.ts',
  ],
  'stories-devices': [
    'test/stories/observed-devices.stories.test.ts',
    'test/stories/indicator-wizard.stories.test.ts',
  ],
  'stories-sentinel': [
    'test/stories/sentinel-events.stories.test.ts',
    'test/stories/prevalence-chart.stories.test.ts',
  ],
  'stories-elastic': [
    'test/stories/elastic-provider.stories.test.ts',
    'test/stories/threat-intel.stories.test.ts',
  ],
  'stories-overview': [
    'test/stories/overview.stories.test.ts',
    'test/stories/traffic.stories.test.ts',
    'test/stories/response-actions.stories.test.ts',
  ],
  'lib-and-data': [
    'test/bench/stats.test.ts',
    'test/data/alert-filter.test.ts',
    'test/data/derive.test.ts',
    'test/data/query.test.ts',
    'test/data/readme-samples.test.ts',
    'test/data/traffic.test.ts',
    'test/lib/csv.test.ts',
    'test/lib/defang.test.ts',
    'test/lib/format.test.ts',
    'test/lib/hunting.test.ts',
    'test/lib/ip.test.ts',
    'test/lib/region.test.ts',
    'test/lib/safe-url.test.ts',
    'test/lib/text.test.ts',
    'test/lib/time-range.test.ts',
  ],
  providers: [
    'test/providers/combine.test.ts',
    'test/providers/memo.test.ts',
    'test/providers/microsoft-parts.test.ts',
    'test/providers/static-provider.test.ts',
    'test/providers/validate.test.ts',
    'test/providers/verified-docs.test.ts',
  ],
  'small-components': [
    'test/components/alerts-list-expansions.test.ts',
    'test/components/copy-button.test.ts',
    'test/components/export.test.ts',
    'test/components/grid-keys.test.ts',
    'test/components/indicator-draft.test.ts',
    'test/components/indicator.test.ts',
    'test/components/keyed-requests.test.ts',
    'test/components/link-templates.test.ts',
    'test/components/section-base.test.ts',
    'test/components/style-selectors.test.ts',
    'test/components/summary.test.ts',
    'test/components/ui.test.ts',
    'test/components/virtual-window.test.ts',
  ],
  'dialogs-and-controls': [
    'test/components/chart-controller.test.ts',
    'test/components/external-url.test.ts',
    'test/components/hunt-dialog.test.ts',
    'test/components/indicator-wizard.test.ts',
    'test/components/insight-chart.test.ts',
    'test/components/lookup-links.test.ts',
    'test/components/prevalence-devices.test.ts',
    'test/components/time-range-picker.test.ts',
  ],
  'page-sections': [
    'test/components/alerts-list-state.test.ts',
    'test/components/unreadable-rows.test.ts',
    'test/components/existing-indicators.test.ts',
    'test/components/entity-page-state.test.ts',
    'test/components/sentinel-events.test.ts',
    'test/components/print.test.ts',
    'test/components/entity-page-range.test.ts',
  ],
  'page-flows': [
    'test/components/faults.test.ts',
    'test/components/keyboard-flows.test.ts',
    'test/components/observed-devices.test.ts',
    'test/components/slow-notice.test.ts',
  ],
  'charts-and-actions': [
    'test/components/prevalence-chart.test.ts',
    'test/components/prevalence-chart-csp.test.ts',
    'test/components/entity-page-csp.test.ts',
    'test/components/response-actions.test.ts',
  ],
  'kql-and-fuzz': [
    'test/providers/kql-queries.test.ts',
    'test/providers/kql-answer-size.test.ts',
    'test/providers/fuzz.test.ts',
    'test/mocks/generator.test.ts',
  ],
  'mock-api-providers': [
    'test/providers/rest-provider.test.ts',
    'test/providers/elastic-clusters.test.ts',
    'test/providers/elastic-provider.test.ts',
    'test/providers/vendor-error-text.test.ts',
    'test/providers/documented-examples.test.ts',
    'test/providers/defender-proxy.test.ts',
    'test/providers/elastic-proxy.test.ts',
  ],
  'mock-api-microsoft': [
    'test/providers/defender-provider.test.ts',
    'test/providers/conformance.test.ts',
  ],
  'mock-api-sections': [
    'test/components/note.test.ts',
    'test/components/case-dialog.test.ts',
    'test/components/traffic.test.ts',
    'test/components/threat-intel.test.ts',
    'test/components/entity-page.test.ts',
  ],
};
