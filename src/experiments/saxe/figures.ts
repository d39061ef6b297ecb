import { type LineSeries, lineChart } from "../../figures/lineChart.js";
import { PALETTE } from "../../figures/theme.js";
import type { ExperimentFigure } from "../experiment.js";
import type { ModeRun, SaxeMeasurement } from "./measure.js";

const color = (i: number) => PALETTE[i % (PALETTE.length - 1)];

function modeSeries(r: ModeRun, name: (a: number) => string): LineSeries[] {
  return r.s.flatMap((_, a) => {
    const group = name(a);
    const keep = r.t.map((_, i) => !Number.isNaN(r.theory[a][i]));
    return [
      { name: `${group} GD`, group, color: color(a), x: r.t, y: r.strengths[a] },
      {
        name: `${group} theory`,
        group,
        color: color(a),
        kind: "theory" as const,
        x: r.t.filter((_, i) => keep[i]),
        y: r.theory[a].filter((_, i) => keep[i]),
      },
    ];
  });
}

/** Modes per depth, learning time vs s, the tree's stages, and the ReLU contrast. */
export function saxeFigures(m: SaxeMeasurement): ExperimentFigure[] {
  const figs: ExperimentFigure[] = m.decoupled.map((r) => ({
    name: `modes-depth-${r.depth}`,
    caption: `Mode strengths u_α = u_αᵀWv_α against time for a ${r.depth}-matrix linear net from the decoupled start (solid: GD; dashed: the theory's u(t)). Each mode rises on its own sigmoid to its singular value, weaker modes later (∝ 1/s).`,
    figure: lineChart({
      title: `Saxe modes, D = ${r.depth}`,
      xTitle: "t = η·step",
      yTitle: "mode strength u",
      series: modeSeries(r, (a) => `s = ${r.s[a]}`),
    }),
  }));
  const times: LineSeries[] = m.decoupled.flatMap((r, i) => [
    {
      name: `D = ${r.depth} GD`,
      group: `D = ${r.depth}`,
      color: color(i),
      x: r.s,
      y: r.halfMeasured,
      showPoints: true,
      line: false,
    },
    {
      name: `D = ${r.depth} theory`,
      group: `D = ${r.depth}`,
      color: color(i),
      kind: "theory" as const,
      x: r.s,
      y: r.halfPredicted,
    },
  ]);
  figs.push({
    name: "learning-time",
    caption:
      "Half-time t½ (u = s/2) against the singular value on log-log axes (points: GD; dashed: the theory). Slope ≈ −1 at every depth; the deeper net from the same per-layer scale is slower by a power of u0.",
    figure: lineChart({
      title: "Learning time ∝ 1/s",
      xTitle: "singular value s",
      yTitle: "t½",
      xScale: "log",
      yScale: "log",
      series: times,
    }),
  });
  const tree = m.tree;
  figs.push({
    name: "hierarchy",
    caption:
      "Hierarchical items × properties: the mean strength of each tree level's modes (level 0 = root split) over time, from the decoupled start (solid, dashed theory) — coarse to fine, stage times from the singular values.",
    figure: lineChart({
      title: "Coarse-to-fine learning of a hierarchy",
      xTitle: "t = η·step",
      yTitle: "level strength",
      series: modeSeries(tree.decoupled, (a) => `level ${a} (s = ${tree.levelValues[a].toPrecision(3)})`),
    }),
  });
  figs.push({
    name: "hierarchy-random",
    caption:
      "The same tree from a small random start: the stages keep their order; the dashed theory is restarted where each level reaches 5 % of s (before that the modes are still aligning, which the decoupled theory does not describe).",
    figure: lineChart({
      title: "Hierarchy from a random start",
      xTitle: "t = η·step",
      yTitle: "level strength",
      series: modeSeries(tree.random, (a) => `level ${a}`),
    }),
  });
  const contrast: LineSeries[] = [];
  const lin = m.decoupled.find((r) => r.depth === 2) ?? m.decoupled[0];
  m.relu.forEach((c, i) => {
    const g = `s = r = ${c.r}`;
    contrast.push({
      name: `${g} linear (Saxe) GD`,
      group: `${g} linear`,
      color: color(i),
      x: lin.t.slice(1),
      y: lin.strengths[i].slice(1),
    });
    contrast.push({
      name: `${g} linear theory`,
      group: `${g} linear`,
      color: color(i),
      kind: "theory",
      x: lin.t.slice(1),
      y: lin.theory[i].slice(1),
    });
    contrast.push({
      name: `${g} ReLU CE GD`,
      group: `${g} ReLU`,
      color: color(i),
      x: c.t.slice(1),
      y: c.margin.slice(1),
      showPoints: true,
      line: false,
    });
    contrast.push({
      name: `${g} ReLU theory`,
      group: `${g} ReLU`,
      color: color(i),
      kind: "theory",
      x: c.t.slice(1),
      y: c.theory.slice(1),
    });
  });
  figs.push({
    name: "linear-vs-relu",
    caption:
      "Side by side on log–log axes, same start u0 = m0: the linear mode under squared loss (lines, Saxe) rises like e^{2st} and stops at s; the paper's ReLU mode of norm r = s under cross-entropy (points, C1/C2; theory dashed) rises like e^{rt}, half as fast (σ(0) = ½), and keeps growing like ln t.",
    figure: lineChart({
      title: "Linear (Saxe) vs ReLU + CE (the paper)",
      xTitle: "t = η·step",
      yTitle: "mode strength u / margin m",
      xScale: "log",
      yScale: "log",
      series: contrast,
    }),
  });
  return figs;
}
