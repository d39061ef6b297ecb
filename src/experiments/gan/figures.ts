/**
 * Figures of the GAN bench: generated samples over training (a panel grid per data set), modes captured
 * over time with seed bands, the discriminator's logit magnitude and active share over time (the
 * mechanism of THEORY.md §6), and the final table as a figure.
 */
import type { TopLevelSpec } from "vega-lite";
import type { GaussianMixture } from "../../data/gaussian-mixtures.js";
import { type Figure, type FigureRow, formatNumber as fmt, titleBlock } from "../../figures/figure.js";
import { type LineSeries, lineChart } from "../../figures/lineChart.js";
import { smallMultiples } from "../../figures/smallMultiples.js";
import { PALETTE, themeConfig } from "../../figures/theme.js";
import type { GanRecord } from "../../gan/train.js";
import { meanOfFinite, stdOfFinite } from "../../math/stats.js";
import type { GanCellResult } from "./runs.js";

/** Colours: one per loss (CE variants blue/green, hinge vermillion); SGD lighter via the label order. */
const CELL_COLORS: Record<string, string> = {
  "minimax CE · Adam": PALETTE[0],
  "non-saturating CE · Adam": PALETTE[2],
  "hinge · Adam": PALETTE[1],
  "minimax CE · SGD": PALETTE[5],
  "non-saturating CE · SGD": "#7fcfb0",
  "hinge · SGD": PALETTE[4],
};

/** Iteration axes as plain integers ("2,000", not "2e+3"): patches the x axis of every layer. */
function integerX(fig: Figure): Figure {
  const layers = (
    fig.spec as unknown as { layer?: { encoding?: { x?: { axis?: Record<string, unknown> } } }[] }
  ).layer;
  for (const l of layers ?? []) if (l.encoding?.x?.axis) l.encoding.x.axis.format = ",d";
  return fig;
}

/** Per-record mean and std across the runs of a cell of one recorded quantity. */
function band(cell: GanCellResult, pick: (r: GanRecord) => number) {
  const its = cell.runs[0].history.map((r) => r.iteration);
  const m: number[] = [];
  const lo: number[] = [];
  const hi: number[] = [];
  its.forEach((it, i) => {
    const vals = cell.runs
      .map((run) => run.history[i])
      .filter((r) => r?.iteration === it)
      .map(pick);
    const mu = meanOfFinite(vals);
    const sd = stdOfFinite(vals);
    m.push(mu);
    lo.push(mu - sd);
    hi.push(mu + sd);
  });
  return { x: its, y: m, lower: lo, upper: hi };
}

/**
 * Modes captured over training: mean ± std over seeds, one panel per loss × optimizer (their bands
 * overlap and tangle in a single plot), on a shared y axis.
 */
export function modesOverTimeFigure(cells: GanCellResult[], mixture: GaussianMixture): Figure {
  const panels = cells.map((c) => {
    const b = band(c, (r) => r.modesCaptured);
    return {
      title: `${c.label}: final ${fmt(b.y[b.y.length - 1], 3)}`,
      figure: integerX(
        lineChart({
          title: c.label,
          xTitle: "generator updates",
          yTitle: `modes captured (of ${mixture.modes})`,
          yDomain: [0, mixture.modes],
          legend: "none",
          series: [
            {
              name: c.label,
              x: b.x,
              y: b.y,
              band: { lower: b.lower, upper: b.upper },
              color: CELL_COLORS[c.label],
            },
          ],
        }),
      ),
    };
  });
  return smallMultiples({
    title: `Modes captured during training: ${mixture.modes} Gaussians (${mixture.name})`,
    subtitle: `line: mean over ${cells[0].runs.length} seeds, band: ± std; a mode counts when ≥ 1 of 2500 samples lies within 3σ of it and nearest to it (VEEGAN)`,
    panels,
    columns: cells.length > 3 ? 3 : cells.length,
    panelWidth: 240,
    panelHeight: 170,
  });
}

/** A recorded mechanism quantity over training for every cell (mean ± std over seeds). */
export function mechanismFigure(
  cells: GanCellResult[],
  mixture: GaussianMixture,
  what: "absLogit" | "dActive",
): Figure {
  const series: LineSeries[] = cells.map((c) => {
    const b = band(c, (r) => r[what]);
    return {
      name: c.label,
      x: b.x.slice(1),
      y: b.y.slice(1),
      band: { lower: b.lower.slice(1), upper: b.upper.slice(1) },
      color: CELL_COLORS[c.label],
    };
  });
  const logits = what === "absLogit";
  return integerX(
    lineChart({
      title: logits
        ? `Discriminator logit magnitude |D(x)| during training, ${mixture.name}`
        : `Share of D's batch that still gets a gradient, ${mixture.name}`,
      subtitle: logits
        ? "mean |D(x)| over D's last training batch (real and fake), mean ± std over seeds; dotted: the hinge margin |D| = 1"
        : "per-sample |∂L_D/∂D(x)| > 10⁻⁶ of the batch maximum; hinge gives exact zeros beyond the margin, CE's σ(−m) only gets small (when |D| is large)",
      xTitle: "generator updates",
      yTitle: logits ? "mean |D(x)|" : "active share of the batch",
      yScale: logits ? "log" : "linear",
      yDomain: logits ? undefined : [0, 1.02],
      series,
      rules: logits ? [{ axis: "y", value: 1, label: "margin" }] : [],
      legendTitle: "loss · optimizer",
    }),
  );
}

/** Generated samples (first seed) at several iterations, one row per loss × optimizer, true modes marked. */
export function snapshotsFigure(cells: GanCellResult[], mixture: GaussianMixture): Figure {
  const rows: FigureRow[] = [];
  const lim = mixture.name === "ring" ? 3 : 5.5;
  let outside = 0;
  for (const c of cells) {
    for (const s of c.snapshots) {
      const panel = { config: c.label, iteration: s.iteration };
      for (let i = 0; i < s.points.length; i += 2) {
        const x = s.points[i];
        const y = s.points[i + 1];
        if (!(Math.abs(x) <= lim && Math.abs(y) <= lim)) {
          outside++;
          continue;
        }
        rows.push({ ...panel, kind: "generated", x, y });
      }
      for (let k = 0; k < mixture.modes; k++) {
        rows.push({ ...panel, kind: "true mode", x: mixture.means[2 * k], y: mixture.means[2 * k + 1] });
      }
    }
  }
  const order = cells.map((c) => c.label);
  const scale = { domain: [-lim, lim], nice: false };
  const spec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: titleBlock(`Generated samples during training: ${mixture.name} (seed 0)`, [
      `${cells[0].snapshots[0]?.points.length / 2} samples per panel (grey), true modes as red crosses; rows: loss · optimizer, columns: generator updates`,
      outside > 0 ? `${outside} samples outside the frame [−${lim}, ${lim}]² not drawn` : "",
    ]),
    config: { ...themeConfig(), facet: { spacing: 8 }, header: { labelFontSize: 12, titleFontSize: 13 } },
    data: { values: rows },
    facet: {
      row: {
        field: "config",
        type: "nominal",
        sort: order,
        title: null,
        header: { labelAngle: 0, labelAlign: "left", labelLimit: 200 },
      },
      column: {
        field: "iteration",
        type: "ordinal",
        title: "generator updates",
        header: { labelFontSize: 12 },
      },
    },
    spec: {
      width: 120,
      height: 120,
      layer: [
        {
          transform: [{ filter: "datum.kind === 'generated'" }],
          mark: { type: "circle", size: 6, opacity: 0.35, color: "#333333", clip: true },
          encoding: {
            x: {
              field: "x",
              type: "quantitative",
              scale,
              axis: { title: null, tickCount: 3, labelFontSize: 10 },
            },
            y: {
              field: "y",
              type: "quantitative",
              scale,
              axis: { title: null, tickCount: 3, labelFontSize: 10 },
            },
          },
        },
        {
          transform: [{ filter: "datum.kind === 'true mode'" }],
          mark: { type: "point", shape: "cross", size: 40, color: "#D55E00", filled: true, opacity: 0.9 },
          encoding: {
            x: { field: "x", type: "quantitative", scale },
            y: { field: "y", type: "quantitative", scale },
          },
        },
      ],
    },
    resolve: { scale: { x: "shared", y: "shared" } },
  } as unknown as TopLevelSpec;
  return { spec: structuredClone(spec), data: rows };
}

/** A cell of the final table: mean ± std over seeds. */
function pm(xs: number[], digits: number, percent = false): string {
  const k = percent ? 100 : 1;
  return `${fmt(meanOfFinite(xs) * k, digits)} ± ${fmt(stdOfFinite(xs) * k, 2)}${percent ? " %" : ""}`;
}

/** The final table (mean ± std over seeds per data × loss × optimizer) drawn as a figure. */
export function tableFigure(cells: GanCellResult[]): Figure {
  const columns = ["modes captured", "high quality", "KL(modes ‖ uniform)", "jitter of modes", "mean |D(x)|"];
  const rows: FigureRow[] = [];
  const order: string[] = [];
  for (const c of cells) {
    const row = `${c.data} · ${c.label}`;
    order.push(row);
    const f = c.runs.map((r) => r.final);
    const values = [
      `${pm(
        f.map((r) => r.modesCaptured),
        3,
      )} / ${c.data === "ring" ? 8 : 25}`,
      pm(
        f.map((r) => r.highQuality),
        3,
        true,
      ),
      pm(
        f.map((r) => r.kl),
        2,
      ),
      pm(
        c.runs.map((r) => r.modesJitter),
        2,
      ),
      pm(
        c.runs.map((r) => r.lateAbsLogit),
        2,
      ),
    ];
    values.forEach((text, i) => {
      rows.push({ row, column: columns[i], text, hinge: c.loss === "hinge" && c.optimizer === "adam" });
    });
  }
  const spec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: titleBlock("Final metrics, mean ± std over seeds", [
      `${cells[0].runs.length} seeds per row (the same initial weights in every row); jitter: std over time of modes captured in the second half of training; |D(x)|: last quarter`,
    ]),
    config: { ...themeConfig(), axis: { ...themeConfig().axis, grid: false, domain: false, ticks: false } },
    width: 5 * 175,
    height: { step: 24 },
    data: { values: rows },
    mark: { type: "text", align: "center", baseline: "middle", fontSize: 12 },
    encoding: {
      y: {
        field: "row",
        type: "nominal",
        sort: order,
        title: null,
        axis: { labelFontSize: 12, labelPadding: 8 },
      },
      x: {
        field: "column",
        type: "nominal",
        sort: columns,
        title: null,
        axis: { orient: "top", labelAngle: 0, labelFontSize: 12, labelFontWeight: "bold" },
      },
      text: { field: "text" },
      color: { condition: { test: "datum.hinge", value: "#D55E00" }, value: "#222222" },
    },
  } as unknown as TopLevelSpec;
  return { spec: structuredClone(spec), data: rows };
}
