import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensurePanelsBuild, PANELS_BUILD_DIR } from '../local/panels-build.ts';
import { launchChromium } from '../test/e2e/support/browser-launch.ts';
import { startLocalSystem } from '../test/e2e/support/local-system.ts';

export const PANELS_TARGETS = { jsGzipKb: 150, listInteractiveMs: 1000 };

const kb = (bytes: number) => Number((bytes / 1024).toFixed(1));

/** The built UI's JavaScript and CSS, raw and gzipped (what a browser downloads). */
export async function measurePanelsBundle() {
  await ensurePanelsBuild();
  const assets = join(PANELS_BUILD_DIR, 'assets');
  const sizes = { js: { raw: 0, gzip: 0 }, css: { raw: 0, gzip: 0 } };
  for (const name of readdirSync(assets)) {
    const kind = name.endsWith('.js') ? 'js' : name.endsWith('.css') ? 'css' : undefined;
    if (!kind) continue;
    const bytes = readFileSync(join(assets, name));
    sizes[kind].raw += bytes.length;
    sizes[kind].gzip += gzipSync(bytes).length;
  }
  return { jsKb: kb(sizes.js.raw), jsGzipKb: kb(sizes.js.gzip), cssKb: kb(sizes.css.raw), cssGzipKb: kb(sizes.css.gzip) };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * From navigation to the seller's Created Parcels List with its buttons ready, in headless Chromium
 * against `npm start` (cold browser cache each time, signed in already): load, config, the Shipments
 * tab, one GET /parcels.
 */
export async function measureParcelListInteractive(runs = 7) {
  const system = await startLocalSystem();
  const browser = await launchChromium();
  try {
    const signIn = await fetch(`${system.url}/__local/sign-in`, { method: 'POST', body: JSON.stringify({ sub: 'seller-aurora' }) });
    const { token } = (await signIn.json()) as { token: string };
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext();
      await context.addInitScript((saved) => (globalThis as unknown as { sessionStorage: { setItem(key: string, value: string): void } }).sessionStorage.setItem('panels.session', saved), token);
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(system.url);
      await page.getByRole('tab', { name: 'Shipments' }).click();
      await page.getByRole('list', { name: 'Created Parcels List' }).getByRole('button', { name: 'View' }).first().waitFor();
      times.push(performance.now() - started);
      await context.close();
    }
    return { medianMs: Math.round(median(times)), maxMs: Math.round(Math.max(...times)), runs };
  } finally {
    await browser.close();
    await system.stop();
  }
}

export async function printPanelsBench(): Promise<void> {
  const bundle = await measurePanelsBundle();
  const interactive = await measureParcelListInteractive();
  console.table([
    { measure: 'JS (gzip)', value: `${bundle.jsGzipKb} KB (${bundle.jsKb} KB raw)`, target: `≤ ${PANELS_TARGETS.jsGzipKb} KB`, ok: bundle.jsGzipKb <= PANELS_TARGETS.jsGzipKb ? 'yes' : 'NO' },
    { measure: 'CSS (gzip)', value: `${bundle.cssGzipKb} KB (${bundle.cssKb} KB raw)`, target: '', ok: '' },
    {
      measure: `parcel list interactive (median of ${interactive.runs})`,
      value: `${interactive.medianMs} ms (max ${interactive.maxMs})`,
      target: `≤ ${PANELS_TARGETS.listInteractiveMs} ms`,
      ok: interactive.medianMs <= PANELS_TARGETS.listInteractiveMs ? 'yes' : 'NO',
    },
  ]);
}
