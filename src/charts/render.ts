import type { TopLevelSpec } from 'vega-lite';

/** vega and vega-lite are loaded by the first chart (a second or so of start-up every command would pay otherwise). */
let libraries: Promise<[typeof import('vega'), typeof import('vega-lite')]> | undefined;

/**
 * A Vega-Lite chart drawn on the server as SVG text: the same chart serves a
 * page (no client script), the static run report (inline, no network) and a
 * printed document. Pure: no canvas, no files, no network (vega estimates
 * text widths without a canvas).
 */
export async function chartSvg(spec: TopLevelSpec): Promise<string> {
  const [vega, { compile }] = await (libraries ??= Promise.all([import('vega'), import('vega-lite')]));
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
