/** The chart of the statistics page: an SVG made on the server by Vega-Lite and Vega (no canvas, no script). */

import * as vega from "vega";
import type { TopLevelSpec } from "vega-lite";
import { compile } from "vega-lite";
import type { StatisticsRow } from "./rules.ts";

const PASS = "Taux de réussite : part des tests passés qui sont réussis";
const REFUSAL = "Taux de refus : part des stagiaires qui refusent le test";
/** What the vertical axis measures: each rate has its own base (docs/certification-rules.md). */
export const Y_AXIS_TITLE = ["En % des tests passés (réussite)", "ou des stagiaires (refus)"];

/** A loader that fetches nothing: every datum of the chart is inline. */
function noNetworkLoader(): vega.Loader {
  const loader = vega.loader();
  loader.load = async () => {
    throw new Error("no external resource in charts");
  };
  loader.sanitize = async () => {
    throw new Error("no external resource in charts");
  };
  return loader;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Line chart of the pass and refusal rates per year. The two series differ by their marker and
 * their dash, not by colour alone. The SVG scales to its container (no fixed width) and is an image
 * named by `label`; the table next to it gives the same figures.
 */
export async function ratesChartSvg(rows: readonly StatisticsRow[], label: string): Promise<string | null> {
  const values = rows.flatMap((r) => [
    ...(r.passRate === null
      ? []
      : [{ year: String(r.year), serie: PASS, rate: Math.round(r.passRate * 100) }]),
    ...(r.refusalRate === null
      ? []
      : [{ year: String(r.year), serie: REFUSAL, rate: Math.round(r.refusalRate * 100) }]),
  ]);
  if (values.length === 0) return null;
  const spec: TopLevelSpec = {
    width: 640,
    height: 260,
    data: { values },
    mark: { type: "line", point: { filled: true, size: 70 }, strokeWidth: 2.5 },
    encoding: {
      x: { field: "year", type: "ordinal", title: "Année", axis: { labelAngle: 0 } },
      y: {
        field: "rate",
        type: "quantitative",
        title: Y_AXIS_TITLE,
        scale: { domain: [0, 100] },
        axis: { tickCount: 5, titleFontSize: 12 },
      },
      color: {
        field: "serie",
        type: "nominal",
        title: null,
        scale: { domain: [PASS, REFUSAL], range: ["#1d5f9e", "#a3361f"] },
        legend: { orient: "bottom", direction: "vertical", labelLimit: 640, labelFontSize: 13 },
      },
      shape: {
        field: "serie",
        type: "nominal",
        scale: { domain: [PASS, REFUSAL], range: ["circle", "square"] },
      },
      strokeDash: {
        field: "serie",
        type: "nominal",
        scale: {
          domain: [PASS, REFUSAL],
          range: [
            [1, 0],
            [6, 4],
          ],
        },
      },
    },
    config: { font: "Arial, Helvetica, sans-serif", aria: false, view: { stroke: null } },
  };
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none", loader: noNetworkLoader() });
  try {
    const svg = await view.toSVG();
    // The image is described once, on the root: the marks' own ARIA attributes are dropped.
    return svg
      .replace(/ (role|aria-roledescription|aria-label|aria-hidden|tabindex)="[^"]*"/g, "")
      .replace(/^<svg([^>]*?) width="[\d.]+" height="[\d.]+"/, "<svg$1")
      .replace(/^<svg/, `<svg role="img" aria-label="${escapeAttribute(label)}" focusable="false"`);
  } finally {
    view.finalize();
  }
}
