/**
 * <ip-prevalence-chart>: time from assigning data to the chart's first frame drawn (ECharts
 * `rendered`), for 720, 8,760 and 1,000,000 points. Baseline in the same page and run: a bare
 * ECharts chart in a div of the same size, given the same option built from the same data:
 * prepare + option + init + setOption + first frame. The ratio is what the element adds.
 * ECharts' chunk is loaded before timing (the lazy load is measured by the size budget, not here).
 */
import '../../src/components/prevalence-chart/ip-prevalence-chart.js';
import type { IpPrevalenceChart } from '../../src/components/prevalence-chart/prevalence-chart.js';
import { prepare, prevalenceOption } from '../../src/components/prevalence-chart/prevalence-option.js';
import { readChartTheme } from '../../src/components/shared/echarts/chart-theme.js';
import { loadECharts } from '../../src/components/shared/echarts/load.js';
import type { Prevalence } from '../../src/data/model.js';
import { compare, countFrames, publish, time, until, type BenchCase } from './harness.js';

const START = Date.parse('2025-11-23T00:00:00.000Z');
const HOUR = 3_600_000;

function data(n: number): Prevalence {
  const buckets = new Array(n);
  for (let i = 0; i < n; i++) buckets[i] = { start: new Date(START + i * HOUR).toISOString(), devices: Math.round(20 + 15 * Math.sin(i / 24) + ((i * 7919) % 11)) };
  return {
    bucket: 'hour',
    buckets,
    totalDevices: 60,
    alertMarks: Array.from({ length: 50 }, (_, k) => ({ id: `a${k}`, title: `Alert ${k}`, severity: ['high', 'medium', 'low', 'informational'][k % 4]!, time: new Date(START + Math.floor((k * n) / 50) * HOUR).toISOString() })),
  };
}

const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));

/**
 * A fresh element, connected, then given `d`: ms from the data to the chart's first frame drawn.
 * `record`: that part alone in a console profile (bench/profile.mjs), not the element's setup.
 */
async function drawElement(host: HTMLElement, d: Prevalence, framesSeen?: number[], record = false): Promise<number> {
  const el = document.createElement('ip-prevalence-chart') as IpPrevalenceChart;
  host.append(el);
  await el.updateComplete;
  await frame();
  let frames = 0;
  if (record) console.profile('draw');
  const ms = await time(async () => {
    frames = await countFrames(async () => {
      const drawn = el.rendered();
      el.data = d;
      await drawn;
    });
  });
  if (record) console.profileEnd('draw');
  framesSeen?.push(frames);
  el.remove();
  return ms;
}

/**
 * `?profile=720|8760|1000000` (bench/profile.mjs): our side alone at that many points, warmed up,
 * then 20 runs, each one's timed part in a console profile.
 */
async function profile(points: number, host: HTMLElement): Promise<void> {
  const w = window as unknown as { profileReady?: boolean; profileGo?: boolean; benchSample?: number };
  const d = data(points);
  for (let i = 0; i < 5; i++) await drawElement(host, d);
  w.profileReady = true;
  await until(() => Boolean(w.profileGo));
  const times: number[] = [];
  for (let i = 0; i < 20; i++) times.push(await drawElement(host, d, undefined, true));
  w.benchSample = times.sort((a, b) => a - b)[10];
}

async function main() {
  const { echarts } = await loadECharts();
  const cases: BenchCase[] = [];
  const notes: string[] = [];
  const host = document.createElement('div');
  host.style.cssText = 'width: 1000px';
  document.body.append(host);
  // The bare chart draws in the element's theme (its font stack, sizes and colours, read from its
  // resolved tokens), so both sides give ECharts the same option: a chart read from the page's
  // root would fall back to other fonts, whose text costs ECharts another amount to measure.
  const themed = document.createElement('ip-prevalence-chart');
  host.append(themed);
  const theme = readChartTheme(themed);
  themed.remove();
  const profiled = new URLSearchParams(location.search).get('profile');
  if (profiled !== null) {
    if (!['720', '8760', '1000000'].includes(profiled)) throw new Error(`?profile=${profiled}: the chart bench's cases are 720, 8760 and 1000000 points`);
    return profile(Number(profiled), host);
  }

  for (const [n, minRuns] of [[720, 30], [8760, 30], [1_000_000, 20]] as const) {
    const d = data(n);
    const framesOurs: number[] = [];
    const framesBare: number[] = [];
    const element = () => drawElement(host, d, framesOurs);
    // The bare chart: same box, the same option built from the same data, drawn by ECharts directly.
    const bare = async () => {
      const div = document.createElement('div');
      div.style.cssText = 'width: 968px; height: 240px';
      host.append(div);
      await frame();
      let frames = 0;
      const ms = await time(() => countFrames(async () => {
        const s = prepare(d);
        const option = prevalenceOption({ series: s, range: { from: new Date(s.times[0]!), to: new Date(s.times.at(-1)! + HOUR) }, theme, description: 'bench' });
        const chart = echarts.init(div, undefined, { renderer: 'canvas' });
        const drawn = new Promise<void>((resolve) => chart.on('rendered', () => resolve()));
        chart.setOption(option);
        await drawn;
        chart.dispose();
      }).then((f) => void (frames = f)));
      framesBare.push(frames);
      div.remove();
      return ms;
    };
    cases.push(
      await compare({
        name: `${n.toLocaleString('en')} points: data → drawn`,
        candidate: element,
        baseline: bare,
        baselineName: 'ECharts',
        ratioTarget: { max: 1.1, highMax: 1.15 },
        minRuns,
      }),
    );
    notes.push(`${n.toLocaleString('en')} points: frames begun before the chart was drawn: ours at most ${Math.max(...framesOurs)}, ECharts at most ${Math.max(...framesBare)} (0: drawn in the same task as the data arrived)`);
  }
  publish({ description: '<ip-prevalence-chart> against a bare ECharts chart with the same option (init + setOption + first frame drawn)', cases, notes });
}

void main();
