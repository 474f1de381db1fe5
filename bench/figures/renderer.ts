// Figure 7: the renderer in headless Chromium: navigation to the Dashboard's charts drawn on the ten-year file,
// and the size of the JavaScript the first screen loads.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { startWebServer } from '../../server/web-server';
import { openBenchEnvironment } from '../bench-environment';
import { median, round, spreadOf, type FigureResult } from '../measure';

// BENCH_RENDERER_DIR measures another build (a helper's own outDir) without touching dist/.
const rendererDir = process.env.BENCH_RENDERER_DIR ?? join(__dirname, '..', '..', '..', 'dist', 'renderer');

/** The first screen's JavaScript: the entry script and everything index.html preloads, gzipped. */
export function initialJavaScriptKb(): { initialKb: number; totalKb: number; files: Array<{ file: string; gzipKb: number }> } {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  const initial = new Set([...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? ''));
  const assets = readdirSync(join(rendererDir, 'assets')).filter((f) => f.endsWith('.js'));
  const files = assets.map((f) => ({ file: `assets/${f}`, gzipKb: gzipSync(readFileSync(join(rendererDir, 'assets', f))).length / 1024 }));
  const initialKb = files.filter((f) => initial.has(f.file)).reduce((t, f) => t + f.gzipKb, 0);
  return { initialKb, totalKb: files.reduce((t, f) => t + f.gzipKb, 0), files: files.sort((a, b) => b.gzipKb - a.gzipKb) };
}

/** Runs in the page: the number of chart panels once every one has drawn its bars or lines (typed without the DOM's lib). */
function everyChartDrawn(): number | false {
  type Found = { querySelector(selector: string): unknown };
  const { document } = globalThis as unknown as { document: { querySelectorAll(selector: string): ArrayLike<Found> } };
  const panels = Array.from(document.querySelectorAll('figure[data-chart]'));
  return panels.length > 0 && panels.every((panel) => panel.querySelector('.recharts-bar-rectangle, .recharts-line-curve') !== null) && panels.length;
}

export async function benchRenderer(path: string, runs: number): Promise<FigureResult[]> {
  if (!statSync(join(rendererDir, 'index.html')).isFile()) throw new Error('build the renderer first (npm run build)');
  const env = openBenchEnvironment(path);
  const server = await startWebServer({ env, rendererDir });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const times: number[] = [];
  let chartCount = 0;
  try {
    for (let i = 0; i <= runs; i += 1) {
      const page = await browser.newPage();
      const start = Date.now();
      await page.goto(server.openUrl);
      // Drawn: every chart panel of the Dashboard has its SVG bars or lines in the page.
      chartCount = Number(await (await page.waitForFunction(everyChartDrawn, null, { timeout: 30_000, polling: 'raf' })).jsonValue());
      const elapsed = Date.now() - start;
      // A panel that mounted later would make the time above premature: say so rather than report it.
      await page.waitForTimeout(500);
      const panelsAfter = await page.locator('figure[data-chart]').count();
      if (panelsAfter !== chartCount) throw new Error(`${panelsAfter} chart panels after the wait, ${chartCount} when timed`);
      if (i > 0) times.push(elapsed); // the first run warms the server's caches
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
    env.db.close();
  }
  const medianMs = median(times);
  const sizes = initialJavaScriptKb();
  return [
    { figure: '7a. Renderer: navigation to Dashboard charts drawn', value: medianMs, unit: 'ms', baseline: null, baselineLabel: `headless Chromium, all ${chartCount} charts`, ratio: null, target: '≤ 1,500 ms', pass: medianMs <= 1500, notes: `runs: ${spreadOf(times)} ms` },
    {
      figure: '7b. Renderer: initial JavaScript (gzip)',
      value: round(sizes.initialKb, 1),
      unit: 'KB',
      baseline: null,
      baselineLabel: `all chunks ${round(sizes.totalKb, 0)} KB; largest ${sizes.files.slice(0, 3).map((f) => `${f.file.replace('assets/', '')} ${round(f.gzipKb, 0)}`).join(', ')}`,
      ratio: null,
      target: '≤ 400 KB',
      pass: sizes.initialKb <= 400,
    },
  ];
}
