import type { TopLevelSpec } from 'vega-lite';

/** vega and vega-lite are loaded by the first chart (a second or so of start-up every command would pay otherwise). */
let libraries: Promise<[typeof import('vega'), typeof import('vega-lite')]> | undefined;

const chartLibraries = () => (libraries ??= Promise.all([import('vega'), import('vega-lite')]));

/**
 * Starts loading vega and vega-lite now, for a caller that will draw charts
 * later and is idle meanwhile (a nightly run whose threads do the districts:
 * the run report then does not wait for them at the end).
 */
export function preloadCharts(): void {
  chartLibraries().catch(() => {
    // A library that cannot load is reported by the chart that needs it.
    libraries = undefined;
  });
}

/**
 * A Vega-Lite chart drawn on the server as SVG text: the same chart serves a
 * page (no client script), the static run report (inline, no network) and a
 * printed document. Pure: no canvas, no files, no network (vega estimates
 * text widths without a canvas).
 */
export async function chartSvg(spec: TopLevelSpec): Promise<string> {
  const [vega, { compile }] = await chartLibraries();
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
