/** C5's figures: time to learn against p·r per network, and learning curves per frequency. */
import { type LineSeries, lineChart } from "../../figures/lineChart.js";
import { marginAtTime } from "../../theory/balanced-ei.js";
import type { ExperimentFigure } from "../experiment.js";
import { exactLearningTime, type FeatureTimeResult } from "./feature-time.js";
import type { C5Measurement } from "./measure.js";
import { type C5Settings, deepDepths } from "./settings.js";

/** The C5 figures. */
export function c5Figures({ two, deepRuns }: C5Measurement, s: C5Settings): ExperimentFigure[] {
  const { rs, ps, a0, deep } = s;
  const depths = deepDepths(s);
  const r1 = two.get(1) as FeatureTimeResult[];
  const groups: { name: string; runs: FeatureTimeResult[]; r: number; depth: number; a0: number }[] = [
    ...rs.map((r) => ({
      name: `2 layers, r = ${r}`,
      runs: two.get(r) as FeatureTimeResult[],
      r,
      depth: 2,
      a0,
    })),
    ...depths.map((D) => ({
      name: `depth ${D}, r = 1`,
      runs: deepRuns.get(D) as FeatureTimeResult[],
      r: 1,
      depth: D,
      a0: deep[D],
    })),
  ];
  const series: LineSeries[] = [];
  for (const g of groups) {
    series.push({
      name: `${g.name} (simulation)`,
      group: g.name,
      kind: "simulation",
      points: g.runs.map((x) => ({ x: x.p * x.r, y: x.measured })),
      showPoints: true,
    });
    // Theory over a wider range than simulated, so the dashes show beside the points they run through.
    const grid = Array.from({ length: 30 }, (_, i) => (ps[0] / 2) * (1 / (ps[0] / 2)) ** (i / 29));
    series.push({
      name: `${g.name} (theory)`,
      group: g.name,
      kind: "theory",
      points: grid.map((p) => ({ x: p * g.r, y: exactLearningTime(p, g.r, g.a0, g.depth) })),
    });
  }
  const timeFigure = lineChart({
    title: "Time to learn a feature vs frequency × norm",
    subtitle: `mode networks, mean CE, GD; 2 layers ε = ${a0 ** 2}; depth 3 a0 = ${deep[3]}, depth 4 a0 = ${deep[4]}`,
    xTitle: "p · r (frequency × norm)",
    yTitle: "time to learn t (r·u = 1)",
    xScale: "log",
    yScale: "log",
    series,
    legendTitle: "network",
  });
  const curveSeries: LineSeries[] = [];
  for (const x of r1) {
    const name = `p = ${x.p}`;
    curveSeries.push({
      name: `${name} (simulation)`,
      group: name,
      kind: "simulation",
      points: x.curve.filter((c) => c.x > 0),
    });
    const tMax = x.curve[x.curve.length - 1].x;
    const ts = Array.from({ length: 120 }, (_, i) => x.curve[1].x * ((4 * tMax) / x.curve[1].x) ** (i / 119));
    curveSeries.push({
      name: `${name} (theory)`,
      group: name,
      kind: "theory",
      points: ts.map((t) => ({ x: t, y: marginAtTime(t, x.r * x.eps, x.q * x.r) })),
    });
  }
  const curveFigure = lineChart({
    title: "Learning curves of features with different frequencies",
    subtitle: `2 layers, r = 1, ε = ${a0 ** 2}: carriers' margin r·u over time`,
    xTitle: "time t = lr × steps",
    yTitle: "margin r·u of a carrier",
    xScale: "log",
    yScale: "log",
    series: curveSeries,
    rules: [{ axis: "y", value: 1, label: "learned: r·u = 1" }],
    legendTitle: "frequency",
  });
  return [
    {
      name: "time-vs-frequency",
      caption:
        "Time for a feature's carriers to reach margin 1 against p·r, log-log. Points and solid lines: simulations; dashed: the mode ODE's exact time (drawn over a wider range of p; where both exist they coincide). Each family has slope −1; the 2-layer families for different norms are offset by the factor ln(1/(rε)), the deeper ones (finite-time escape) sit higher and are steeper in a0.",
      figure: timeFigure,
    },
    {
      name: "learning-curves",
      caption:
        "Margin r·u of a carrier over log time for five frequencies (r = 1, 2 layers). Solid: simulation; dashed: the Ei solution with time scaled by p. The dashes run on past the end of each simulation (they coincide with it before). Each curve is the same shape shifted in log time by ln(1/p): halving p doubles the time.",
      figure: curveFigure,
    },
  ];
}
