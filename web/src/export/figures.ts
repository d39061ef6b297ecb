/**
 * Figure downloads: the current view rebuilt with the shared figure builders of src/figures (the same
 * Vega-Lite specs as the CLI report) and rendered by vega to SVG or PNG. Vega is loaded on first use, so
 * the page itself stays small and fast to open.
 */
import type { TopLevelSpec } from "vega-lite";
import { heatmap, type LineSeries, lineChart, phasePortrait } from "../../../src/index.js";
import { column, modeSeries, type RunView, testSeries } from "../components/run-view.js";
import { sharpnessFigureSpec } from "../components/sharpness-card.js";
import { regionOf } from "../plot/plane-frame.js";

/** The Vega-Lite spec of one of the lab's views. */
export function figureSpec(card: string, run: RunView, logX: boolean, logY: boolean): TopLevelSpec {
  const xTitle = "t = η · step";
  const xScale = logX ? ("log" as const) : ("linear" as const);
  const yScale = logY ? ("log" as const) : ("linear" as const);
  const name = run.config.name ?? run.info.name;
  const { history, theory, extras } = run;
  if (card === "loss" || card === "error") {
    const c = column(history, card);
    const series: LineSeries[] = [{ name: card, x: c.t, y: c.y }];
    if (card === "error" && theory?.error)
      series.push({ name: "theory (this init)", x: theory.t, y: theory.error, kind: "theory" });
    if (card === "error" && theory?.errorPopulation)
      series.push({ name: "E(t) population", x: theory.t, y: theory.errorPopulation, kind: "theory" });
    return lineChart({
      title: card === "loss" ? "Training loss" : "Training error",
      subtitle: name,
      xTitle,
      yTitle: card === "loss" ? "loss" : "fraction misclassified",
      series,
      xScale,
      yScale,
    }).spec;
  }
  if (card === "sharpness") return sharpnessFigureSpec(run, logX, logY);
  if (card === "modes") {
    const m = modeSeries(run);
    return lineChart({
      title: m.title,
      subtitle: m.sub,
      xTitle,
      yTitle: m.yLabel,
      series: m.series.map((s) => ({
        name: s.name,
        group: s.theory ? "theory" : (m.legend.find((l) => l.color === s.color)?.name ?? s.name),
        color: s.theory ? "#444444" : s.color,
        kind: s.theory ? "theory" : "simulation",
        x: s.x,
        y: s.y,
      })),
      xScale,
      yScale,
    }).spec;
  }
  if (card === "test") {
    const s = testSeries(run);
    return lineChart({
      title: "Train and test loss",
      subtitle: `${name}: mean loss per point`,
      xTitle,
      yTitle: "loss per point",
      series: s.loss.map((c) => ({ name: c.name, x: c.x, y: c.y })),
      xScale,
      yScale,
    }).spec;
  }
  if (card === "weights") {
    const n = extras[extras.length - 1]?.weightNorm?.length ?? 0;
    return lineChart({
      title: "Weight norms",
      subtitle: name,
      xTitle,
      yTitle: "Frobenius norm",
      series: Array.from({ length: n }, (_, l) => ({
        name: `layer ${l + 1}`,
        x: extras.map((e) => e.t),
        y: extras.map((e) => e.weightNorm?.[l] ?? Number.NaN),
      })),
      xScale,
      yScale,
    }).spec;
  }
  if (card === "phase") {
    const k = extras[extras.length - 1]?.a?.length ?? 0;
    const trajectories = Array.from({ length: k }, (_, u) => {
      const points = extras.map((e) => ({ x: e.a![u], y: e.yb![u] }));
      const last = points[points.length - 1];
      return {
        points,
        outcome: regionOf(last.x, last.y) === "recovers" ? "recovered" : regionOf(last.x, last.y),
      };
    });
    let R = 0;
    for (const t of trajectories) for (const p of t.points) R = Math.max(R, Math.abs(p.x), Math.abs(p.y));
    R = (R || 1) * 1.12;
    const hyper = (c: number, f: (s: number) => [number, number], s0: number, s1: number) =>
      Array.from({ length: 80 }, (_, i) => {
        const [x, y] = f(s0 + ((s1 - s0) * i) / 79);
        return { x: c * x, y: c * y };
      });
    const flowLines = [1, 2, 3, 4, 5, 6].flatMap((i) => {
      const c = (R * i) / 6.5;
      return [
        hyper(c, (s) => [Math.cosh(s), Math.sinh(s)], -4, 4),
        hyper(c, (s) => [Math.sinh(s), Math.cosh(s)], 0, 4),
        hyper(c, (s) => [Math.sinh(s), -Math.cosh(s)], 0, 4),
      ];
    });
    return phasePortrait({
      title: "Phase portrait of the units",
      subtitle: `${name}: a = w_k·x_k/‖x_k‖, y·b_k`,
      yTitle: "y·b (output weight × label)",
      xDomain: [-R, R],
      yDomain: [-R, R],
      regions: [
        {
          name: "learned",
          polygon: [
            { x: 0, y: 0 },
            { x: R, y: 0 },
            { x: R, y: R },
            { x: 0, y: R },
          ],
        },
        {
          name: "recovers",
          color: "#0072B2",
          polygon: [
            { x: 0, y: 0 },
            { x: R, y: 0 },
            { x: R, y: -R },
          ],
        },
        {
          name: "failed",
          polygon: [
            { x: 0, y: 0 },
            { x: R, y: -R },
            { x: 0, y: -R },
          ],
        },
        {
          name: "dead",
          polygon: [
            { x: -R, y: -R },
            { x: 0, y: -R },
            { x: 0, y: R },
            { x: -R, y: R },
          ],
        },
      ],
      flowLines,
      curves: [
        {
          label: "separatrix b = −a",
          points: [
            { x: 0, y: 0 },
            { x: R, y: -R },
          ],
        },
      ],
      trajectories,
    }).spec;
  }
  if (card === "boundary" && run.grid && run.info.points2d) {
    const p = run.info.points2d;
    return heatmap({
      title: "Decision function",
      subtitle: `${name}, step ${run.grid.step}`,
      xTitle: "x₁",
      yTitle: "x₂",
      colorTitle: "logit f(x)",
      grid: run.grid,
      contour: { level: 0, label: "f(x) = 0" },
      points: p.x.map((x, i) => ({ x, y: p.y[i], category: run.info.labels[i] > 0 ? "+1" : "−1" })),
      pointColors: { "+1": "#0072B2", "−1": "#E69F00" },
      equalAspect: true,
    }).spec;
  }
  throw new Error(`no figure for the view "${card}" yet; let the run produce some data first`);
}

/** Renders a spec: SVG text, or a PNG data URL at 2× resolution. */
export async function renderFigure(spec: TopLevelSpec, format: "svg" | "png"): Promise<string> {
  const [vega, vl, { expressionInterpreter }] = await Promise.all([
    import("vega"),
    import("vega-lite"),
    import("vega-interpreter"),
  ]);
  // Expressions interpreted from their AST, not compiled with Function(): the lab's Content-Security-
  // Policy allows no eval of strings (see src/cli/lab-headers.ts).
  const runtime = vega.parse(vl.compile(spec).spec, undefined, { ast: true });
  const view = new vega.View(runtime, { renderer: "none", expr: expressionInterpreter });
  try {
    return format === "svg" ? await view.toSVG() : await view.toImageURL("png", 2);
  } finally {
    view.finalize();
  }
}

/** Saves text or a data URL as a file. */
export function download(filename: string, content: string, type = "application/json"): void {
  const url = content.startsWith("data:") ? content : URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  if (!content.startsWith("data:")) setTimeout(() => URL.revokeObjectURL(url), 1000);
}
