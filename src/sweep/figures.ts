import type { Figure } from "../figures/figure.js";
import { type HeatmapPoint, heatmap } from "../figures/heatmap.js";
import { type LineSeries, lineChart } from "../figures/lineChart.js";
import { scatterChart } from "../figures/scatterChart.js";
import { fitPowerLaw, type SlopeFit } from "../math/fit.js";
import { formatSignificant as fmt } from "../math/format.js";
import { mean, std } from "../math/stats.js";
import type { StoredRun } from "../node/store/store.js";
import { axisValues } from "./expand.js";
import { type Axis, axisName, type SweepSpec } from "./spec.js";

/**
 * Figures of a sweep from its stored runs (plain data in, figure specs out): phase-diagram heatmaps over two
 * axes with diverged/failed cells marked, scaling plots with a fitted log–log slope and its 95% confidence
 * interval, and mean ± std across seeds.
 */

/** A figure with a file name and a caption. */
export interface SweepFigure {
  name: string;
  caption: string;
  figure: Figure;
}

function isLogAxis(axis: Axis): boolean {
  if (axis.range) return axis.range.scale === "log";
  const v = axis.values ?? [];
  if (!v.every((x) => typeof x === "number" && x > 0)) return false;
  const nums = v as number[];
  return Math.max(...nums) / Math.min(...nums) >= 20;
}

function numericAxis(axis: Axis): boolean {
  return axisValues(axis).every((v) => typeof v === "number");
}

/** The values a kept scalar can take, for clamping colour domains (undefined: unbounded). */
export function scalarRange(name: string): [number, number] | undefined {
  if (/^(error|deadFraction|accuracy(:.*)?)$/.test(name)) return [0, 1];
  if (/^(loss|steps|seconds|t|deadUnits|paramNorm|weightNorm(\.\d+|\[\d+\])?)$/.test(name)) {
    return [0, Number.POSITIVE_INFINITY];
  }
  return undefined;
}

/** Phase diagram of a scalar over two axes: mean over seeds (and other axes); diverged/failed runs marked. */
export function sweepHeatmap(
  spec: SweepSpec,
  runs: StoredRun[],
  o: { x: string; y: string; value: string; title?: string; center?: number },
): SweepFigure {
  const names = spec.axes.map(axisName);
  const xi = names.indexOf(o.x);
  const yi = names.indexOf(o.y);
  const xs = axisValues(spec.axes[xi]) as number[];
  const ys = axisValues(spec.axes[yi]) as number[];
  const cells = new Map<string, { values: number[]; bad: Record<string, number> }>();
  for (const r of runs) {
    const k = `${r.values[xi]}|${r.values[yi]}`;
    let c = cells.get(k);
    if (!c) cells.set(k, (c = { values: [], bad: {} }));
    const v = r.scalars[o.value];
    if (r.status === "diverged" || r.status === "failed") c.bad[r.status] = (c.bad[r.status] ?? 0) + 1;
    else if (typeof v === "number" && Number.isFinite(v)) c.values.push(v);
  }
  const values = new Float64Array(xs.length * ys.length).fill(Number.NaN);
  const points: HeatmapPoint[] = [];
  for (let j = 0; j < ys.length; j++) {
    for (let i = 0; i < xs.length; i++) {
      const c = cells.get(`${xs[i]}|${ys[j]}`);
      if (!c) continue;
      if (c.values.length) values[j * xs.length + i] = mean(c.values);
      for (const status of Object.keys(c.bad)) points.push({ x: xs[i], y: ys[j], category: status });
    }
  }
  const counts: Record<string, number> = {};
  for (const r of runs) counts[r.status] = (counts[r.status] ?? 0) + 1;
  const missing = xs.length * ys.length - cells.size;
  const figure = heatmap({
    title: o.title ?? `${o.value} over (${o.x}, ${o.y})`,
    subtitle: `sweep ${spec.name}: ${runs.length} runs (${Object.entries(counts)
      .map(([s, n]) => `${n} ${s}`)
      .join(
        ", ",
      )})${missing ? `; ${missing} cells not run yet` : ""}; mean over seeds${spec.axes.length > 2 ? " and the other axes" : ""}`,
    xTitle: o.x,
    yTitle: o.y,
    colorTitle: o.value,
    grid: { x: xs, y: ys, values },
    xScale: isLogAxis(spec.axes[xi]) ? "log" : "linear",
    yScale: isLogAxis(spec.axes[yi]) ? "log" : "linear",
    colorScheme: o.center !== undefined ? "diverging" : "sequential",
    center: o.center,
    valueRange: scalarRange(o.value),
    points: points.length ? points : undefined,
    pointsTitle: "run status",
  });
  return {
    name: `heatmap-${o.value}-${o.x}-${o.y}`.replace(/[^A-Za-z0-9._-]/g, "_"),
    caption: `${o.value} (mean over seeds) on the (${o.x}, ${o.y}) grid; marks show cells with diverged or failed runs.`,
    figure,
  };
}

/**
 * Scaling plot: a scalar against an axis (or the product of several), one series per value of `by`, each with
 * a fitted log–log slope and 95% CI; plus mean ± std across seeds as a line chart with a band.
 */
export function sweepScaling(
  spec: SweepSpec,
  runs: StoredRun[],
  o: {
    x: string | string[];
    y: string;
    by?: string;
    title?: string;
    xTitle?: string;
    yTitle?: string;
    expectedSlope?: string;
  },
): { figures: SweepFigure[]; fits: { group: string; fit: SlopeFit | null }[] } {
  const names = spec.axes.map(axisName);
  const xNames = Array.isArray(o.x) ? o.x : [o.x];
  const xIdx = xNames.map((n) => names.indexOf(n));
  const byIdx = o.by !== undefined ? names.indexOf(o.by) : -1;
  const groups = new Map<string, Map<number, number[]>>();
  let dropped = 0;
  for (const r of runs) {
    const y = r.scalars[o.y];
    const x = xIdx.reduce((p, k) => p * (r.values[k] as number), 1);
    if (r.status === "failed" || r.status === "diverged" || typeof y !== "number" || !(y > 0) || !(x > 0)) {
      dropped++;
      continue;
    }
    const g = byIdx >= 0 ? `${o.by} = ${JSON.stringify(r.values[byIdx])}` : "all";
    if (!groups.has(g)) groups.set(g, new Map());
    const byX = groups.get(g) as Map<number, number[]>;
    if (!byX.has(x)) byX.set(x, []);
    byX.get(x)?.push(y);
  }
  const fits: { group: string; fit: SlopeFit | null }[] = [];
  const scatterPoints: { x: number; y: number; category: string }[] = [];
  const series: LineSeries[] = [];
  for (const [group, byX] of groups) {
    const pts: { x: number; y: number }[] = [];
    for (const [x, ys] of byX) for (const y of ys) pts.push({ x, y });
    const fit = fitPowerLaw(pts);
    fits.push({ group, fit });
    const label = fit
      ? `${group}: slope ${fmt(fit.slope)} ± ${fmt(fit.ci95)}`
      : `${group}: too few points to fit`;
    for (const p of pts) scatterPoints.push({ ...p, category: label });
    const xs = [...byX.keys()].sort((a, b) => a - b);
    const m = xs.map((x) => mean(byX.get(x) as number[]));
    const s = xs.map((x) => std(byX.get(x) as number[]));
    series.push({
      name: group,
      x: xs,
      y: m,
      band: { lower: m.map((v, i) => Math.max(v - s[i], v * 1e-3)), upper: m.map((v, i) => v + s[i]) },
      showPoints: true,
    });
  }
  if (scatterPoints.length === 0) return { figures: [], fits };
  const xTitle = o.xTitle ?? xNames.join(" × ");
  const fitText = fits
    .filter((f) => f.fit)
    .map(
      (f) =>
        `${f.group === "all" ? "" : `${f.group}: `}slope ${fmt(f.fit?.slope ?? 0)} ± ${fmt(f.fit?.ci95 ?? 0)} (95% CI, n = ${f.fit?.n})`,
    )
    .join("; ");
  const subtitle = [
    o.expectedSlope,
    dropped ? `${dropped} runs left out (failed, diverged or non-positive)` : "",
  ]
    .filter(Boolean)
    .join("; ");
  const base = `scaling-${o.y}-${xNames.join("x")}`.replace(/[^A-Za-z0-9._-]/g, "_");
  const scatter = scatterChart({
    title: o.title ?? `${o.y} vs ${xTitle}`,
    subtitle,
    xTitle,
    yTitle: o.yTitle ?? o.y,
    points: scatterPoints,
    xScale: "log",
    yScale: "log",
    fit: groups.size === 1,
    categoryTitle: groups.size > 1 ? "fitted log–log slope (95% CI)" : undefined,
  });
  const band = lineChart({
    title: `${o.title ?? `${o.y} vs ${xTitle}`}: mean ± std across seeds`,
    subtitle: spec.seeds > 1 ? `${spec.seeds} seeds per point` : "one seed per point (no band)",
    xTitle,
    yTitle: o.yTitle ?? o.y,
    series,
    xScale: "log",
    yScale: "log",
    legendTitle: o.by,
  });
  return {
    figures: [
      {
        name: base,
        caption: `Every run, log–log, with fitted slopes: ${fitText || "no fit"}.`,
        figure: scatter,
      },
      {
        name: `${base}-band`,
        caption: "Mean across seeds with a ± one standard deviation band.",
        figure: band,
      },
    ],
    fits,
  };
}

/** The figures a sweep's report shows: from `spec.report`, else chosen from the axes. */
export function sweepFigures(spec: SweepSpec, runs: StoredRun[]): SweepFigure[] {
  const out: SweepFigure[] = [];
  const hints = spec.report;
  const numeric = spec.axes.filter(numericAxis).map(axisName);
  const scalar = spec.keep.scalars[0];
  if (hints && (hints.heatmaps.length || hints.scaling.length)) {
    for (const h of hints.heatmaps) out.push(sweepHeatmap(spec, runs, h));
    for (const s of hints.scaling) out.push(...sweepScaling(spec, runs, s).figures);
    return out;
  }
  if (numeric.length >= 2 && scalar) {
    for (const value of spec.keep.scalars)
      out.push(sweepHeatmap(spec, runs, { x: numeric[0], y: numeric[1], value }));
  } else if (numeric.length === 1) {
    const axis = spec.axes.find((a) => axisName(a) === numeric[0]) as Axis;
    if (isLogAxis(axis) || axisValues(axis).every((v) => (v as number) > 0)) {
      for (const y of spec.keep.scalars) out.push(...sweepScaling(spec, runs, { x: numeric[0], y }).figures);
    }
  }
  return out;
}
