/**
 * What the views draw, computed from a run without any DOM: which cards apply, history columns, and the
 * per-mode or per-feature series with the theory's curves and markers (also used by the figure export).
 */
import type { HistoryRecord, RunConfig } from "../../../src/index.js";
import { PALETTE } from "../../../src/index.js";
import type { ChartRule, ChartSeries, LegendItem } from "../plot/line-types.js";
import { formatValue } from "../plot/scale.js";
import type { DataInfo, DecisionGrid, LabExtra, WeightSnapshot } from "../worker/run-types.js";
import type { TheoryOverlay } from "../worker/theory-overlay.js";
import { type ModeView, toySeries } from "./toy-series.js";

/** Everything the views draw. */
export interface RunView {
  config: RunConfig;
  info: DataInfo;
  history: readonly HistoryRecord[];
  extras: readonly LabExtra[];
  grid: DecisionGrid | null;
  /** The latest weights (small nets only). */
  weights: WeightSnapshot | null;
  theory: TheoryOverlay | null;
  status: string;
  stopReason: string;
}

/** Most series a chart's legend names one by one; above it, "one curve per point". */
export const MAX_LABELLED = 12;

/** The i-th series colour (the palette's last entry, grey, is kept for theory and notes). */
export const col = (i: number) => PALETTE[i % (PALETTE.length - 1)];

/** Times and a field of the history as arrays. */
export function column(history: readonly HistoryRecord[], key: string): { t: number[]; y: number[] } {
  const t: number[] = [];
  const y: number[] = [];
  for (const r of history) {
    const v = r[key];
    if (typeof v === "number") {
      t.push(r.t);
      y.push(v);
    }
  }
  return { t, y };
}

/** The views that apply to this run, by id (also used by the figure export). */
export function cardsFor(run: RunView): string[] {
  const ids = ["loss", "error"];
  const last = run.extras[run.extras.length - 1];
  // Before the first record, the cards the run will have (from the data and model), so every chart is
  // mounted and sized while the page is idle, not in the first frames of training. Margins are measured
  // when every point has a norm listed (n ≤ MAX_POINT_SERIES), feature responses when features are known.
  if (
    last
      ? last.response || last.margin
      : run.info.norms.length === run.info.n || run.info.featureNames.length > 0
  )
    ids.push("modes");
  if (last ? last.a : run.info.units0) ids.push("phase");
  // The sharpness probe's η·λ_max (records lrSharpness), from the config so the card is there from the start.
  if (run.config.probes.include.includes("sharpness")) ids.push("sharpness");
  if (run.config.data.kind === "orthogonal" && run.info.layers >= 2) ids.push("matrix");
  if (run.info.points2d) ids.push("boundary");
  if (last ? last.testMean !== undefined : run.info.testNames.includes("test")) ids.push("test");
  if (run.weights || last?.params) ids.push("network");
  ids.push("weights");
  return ids;
}

/**
 * Why a run has no "Train and test" card (null when it has one): test loss needs a held-out set named
 * "test", which only the playground, moons and blobs generators draw.
 */
export function noTestNote(run: RunView): string | null {
  if (cardsFor(run).includes("test")) return null;
  const others = run.info.testNames;
  const where = "playground, moons and blobs data draw a held-out test set (its size: data.nTest)";
  return others.length === 0
    ? `No test loss: ${run.config.data.kind} data has no held-out test set; ${where}.`
    : `No train/test loss: this data's test sets (${others.slice(0, 4).join(", ")}${others.length > 4 ? ", …" : ""}) are probes of single features, read by the test-accuracy probe; ${where}.`;
}

/**
 * When each feature was learned in this run: the first recorded t at which its carriers' margin r·f(u_j)
 * reaches 1 (null while it has not), for comparing with C5's predicted times on the same chart.
 */
export function learnedTimes(run: RunView): { name: string; t: number | null }[] {
  const data = run.config.data;
  if (data.kind !== "features") return [];
  return run.info.featureNames.map((name, j) => {
    const r = data.features[j]?.norm ?? 1;
    const hit = run.extras.find((e) => r * (e.response?.[j] ?? Number.NaN) >= 1);
    return { name, t: hit ? hit.t : null };
  });
}

/** Per-mode or per-feature series, with theory where there is some. */
export function modeSeries(run: RunView): ModeView {
  if (run.config.data.kind === "two-point-toy") return toySeries(run);
  const { extras, info, theory } = run;
  const series: ChartSeries[] = [];
  const legend: LegendItem[] = [];
  const t = extras.map((e) => e.t);
  const features = extras.length > 0 ? !!extras[0].response : info.featureNames.length > 0;
  if (features && info.featureNames.length > 0 && run.config.data.kind !== "orthogonal") {
    info.featureNames.forEach((name, j) => {
      const color = col(j);
      series.push({ name: `f(u_${name})`, color, x: t, y: extras.map((e) => e.response?.[j] ?? Number.NaN) });
      legend.push({ name: `feature ${name}`, color });
    });
    const rules: ChartRule[] = (theory?.featureTimes ?? []).map((f) => ({
      x: f.t,
      label: `t_${f.name}`,
      color: col(info.featureNames.indexOf(f.name)),
    }));
    if (rules.length) legend.push({ name: "predicted learning time", color: "#444", rule: true });
    return {
      series,
      legend,
      rules,
      title: "Feature strengths",
      sub: "response f(u_j) of the network along each feature direction; learned once r·f(u_j) = 1",
      yLabel: "f(u_j)",
    };
  }
  const norms = [...new Set(info.norms)].sort((a, b) => a - b);
  const many = info.n > MAX_LABELLED;
  // A few distinct norms get a colour each (C4); many (an uploaded CSV) get one unlabelled colour.
  const byNorm = norms.length > 1 && norms.length <= MAX_LABELLED;
  const colorOf = (k: number) => (byNorm ? col(norms.indexOf(info.norms[k])) : col(many ? 0 : k % 7));
  const n = Math.min(info.n, extras[0]?.margin?.length ?? 0);
  for (let k = 0; k < n; k++) {
    series.push({
      name: `point ${k + 1} (‖x‖=${formatValue(info.norms[k], 3)})`,
      color: colorOf(k),
      x: t,
      y: extras.map((e) => e.margin?.[k] ?? Number.NaN),
      width: many ? 1.2 : 2,
      quiet: many,
    });
  }
  if (theory) {
    for (const m of theory.modes) {
      series.push({
        name: `theory ${m.k + 1}`,
        color: colorOf(m.k),
        x: theory.t,
        y: m.m,
        theory: true,
        width: many ? 1 : 1.6,
        quiet: true,
      });
    }
  }
  if (byNorm)
    for (const [i, r] of norms.entries()) legend.push({ name: `‖x‖ = ${formatValue(r, 3)}`, color: col(i) });
  else legend.push({ name: `one curve per point (${n})`, color: col(0) });
  if (theory?.modes.length) legend.push({ name: "theory (per mode)", color: "#444", theory: true });
  return {
    series,
    legend,
    rules: [],
    title: "Modes: margin of each point",
    sub: "y·f(x) per training point; a point is learned once its margin is > 0",
    yLabel: "margin y·f(x)",
  };
}

/** The train and test curves of a run (both per point, so the two sets' sizes do not matter). */
export function testSeries(run: RunView) {
  const at = run.extras.flatMap((e, i) => (e.testMean !== undefined ? [i] : []));
  const t = at.map((i) => run.extras[i].t);
  const line = (name: string, color: string, y: number[]) => ({ name, color, x: t, y, width: 2 });
  const nan = Number.NaN;
  return {
    loss: [
      line(
        "train",
        col(0),
        at.map((i) => run.extras[i].trainMean ?? nan),
      ),
      line(
        "test",
        col(1),
        at.map((i) => run.extras[i].testMean ?? nan),
      ),
    ],
    // Extras are measured at the history's records, one each: index i of one is index i of the other.
    error: [
      line(
        "train",
        col(0),
        at.map((i) => run.history[i]?.error ?? nan),
      ),
      line(
        "test",
        col(1),
        at.map((i) => run.extras[i].testError ?? nan),
      ),
    ],
  };
}
