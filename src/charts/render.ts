import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * A Vega-Lite chart drawn on the server as SVG text: the same chart serves a
 * page (no client script), the static run report (inline, no network) and a
 * printed document. Pure: no canvas, no files, no network (vega estimates
 * text widths without a canvas).
 */
export async function chartSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
