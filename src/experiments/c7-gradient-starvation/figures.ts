/** C7's figures: mode strengths, final u_B against ε, B-only accuracy, spectral decoupling, hinge stop. */
import { formatNumber } from "../../figures/figure.js";
import { type LineSeries, lineChart } from "../../figures/lineChart.js";
import { smallMultiples } from "../../figures/smallMultiples.js";
import { PALETTE } from "../../figures/theme.js";
import { meanStd } from "../../math/stats.js";
import { simulateStarvation } from "../../theory/starvation.js";
import type { ExperimentFigure } from "../experiment.js";
import { predictedNoisyBAccuracy, type StarvationMeasureResult } from "./diagonal-runs.js";
import { type C7Measurement, epsSlope } from "./measure.js";
import { type C7Settings, HINGE_LR } from "./settings.js";
import type { WideSdSweep } from "./spectral-decoupling.js";

/** Numbers in figure text: the figures' one format (10⁻⁶, not 0.000001 or 1e-6). */
const fmt = (v: number, d = 3) => formatNumber(v, d);
const last = (xs: readonly number[]) => xs[xs.length - 1];
const MODEL = "engine: diagonal linear net (diagonalLayers [0]), mean CE";

/** u_A, u_B over log t for several ε at one ρ, simulation solid, ODE dashed. */
export function modesFigure(
  runs: readonly { eps: number; res: StarvationMeasureResult }[],
  tEnd: number,
): ExperimentFigure {
  const tTheory = Array.from({ length: 80 }, (_, i) => 0.02 * (Math.max(1e6, tEnd) / 0.02) ** (i / 79));
  const shown = runs.filter((r) => [1e-2, 1e-4, 1e-6, 1e-8].includes(r.eps));
  const series: LineSeries[] = [];
  for (const r of shown) {
    const th = simulateStarvation({ p: r.res.p, rA: 1, rB: 1, eps: r.eps }, tTheory);
    for (const [name, sim, theory] of [
      ["u_A", r.res.uA, th.uA],
      ["u_B", r.res.uB, th.uB],
    ] as const) {
      const group = `${name}, ε = ${fmt(r.eps)}`;
      series.push({
        name: `${group} (sim)`,
        group,
        kind: "simulation",
        x: r.res.t.slice(1),
        y: sim.slice(1),
      });
      series.push({ name: `${group} (theory)`, group, kind: "theory", x: tTheory, y: theory });
    }
  }
  const rho = runs[0].res.rho;
  return {
    name: `modes-rho-${rho}`,
    caption: `ρ = ${rho} (p = ${runs[0].res.p}, r_A = r_B = 1): mode strengths u_A = f(e_A) and u_B = f(e_B) over log time for several init scales ε. Solid: the engine's diagonal linear network (model.diagonalLayers = [0], balanced start W₁ = diag(√ε, √ε), w₂ = (√ε, √ε)), full-batch GD to t = ${tEnd} (η = 0.02 up to t = 100, then ×10 per decade); dashed: the starvation ODE of THEORY.md §7, integrated on to t = ${fmt(Math.max(1e6, tEnd))}. A is learned at t ≈ ln(1/ε); from then on u_B hardly moves: each ×100 in ε leaves u_B ×100^{1−ρ} smaller.`,
    figure: lineChart({
      title: `Gradient starvation, ρ = ${rho}: u_A and u_B over time`,
      subtitle: `${MODEL}; dashed: THEORY.md §7 ODE`,
      xTitle: "time t",
      yTitle: "mode strength u",
      xScale: "log",
      yScale: "log",
      series,
      legendTitle: "mode, init",
    }),
  };
}

/** Final u_B against ε, log-log, per ρ, with the ODE. */
export function finalUbFigure(
  byP: ReadonlyMap<number, { eps: number; res: StarvationMeasureResult }[]>,
  slopes: ReadonlyMap<number, number>,
  epss: readonly number[],
  tEnd: number,
): ExperimentFigure {
  const series: LineSeries[] = [];
  const lo = Math.log10(1 / last(epss));
  const grid = Array.from({ length: 25 }, (_, i) => 10 ** (-2 - (i * (lo - 2)) / 24));
  for (const [p, runs] of byP) {
    const rho = runs[0].res.rho;
    const group = `ρ = ${rho} (slope ${fmt(slopes.get(p) ?? Number.NaN)}, theory ${fmt(1 - rho)})`;
    series.push({
      name: `${group} sim`,
      group,
      kind: "simulation",
      points: runs.map((r) => ({ x: r.eps, y: last(r.res.uB) })),
      showPoints: true,
    });
    series.push({
      name: `${group} theory`,
      group,
      kind: "theory",
      points: grid.map((eps) => ({
        x: eps,
        y: last(simulateStarvation({ p: runs[0].res.p, rA: 1, rB: 1, eps }, [tEnd]).uB),
      })),
    });
  }
  return {
    name: "final-uB-vs-eps",
    caption: `Strength of the rare feature at t = ${fmt(tEnd)} against the init scale ε, log-log. Points: the engine's diagonal linear net; dashed: the ODE. Slopes (fitted over ε ≤ 10⁻³) approach 1−ρ: the smaller the init, the more completely B is starved.`,
    figure: lineChart({
      title: "Final u_B against init scale: slope 1 − ρ",
      subtitle: `t = ${fmt(tEnd)}, r_A = r_B = 1, ${MODEL}`,
      xTitle: "init scale ε",
      yTitle: `u_B(t = ${fmt(tEnd)})`,
      xScale: "log",
      yScale: "log",
      series,
      legendTitle: "rare-feature exponent",
    }),
  };
}

/** Noisy B-only accuracy over time: measured (probe) vs Φ from the ODE's u; SD runs of the diagonal net. */
export function bOnlyAccuracyFigure(
  ref: StarvationMeasureResult,
  sd: readonly { lambda: number; res: StarvationMeasureResult }[],
  s: number,
): ExperimentFigure {
  const theory: LineSeries = {
    name: "CE (theory)",
    group: "theory (CE, no SD term)",
    kind: "theory",
    color: "#000000",
    x: ref.t.slice(1),
    y: ref.t.slice(1).map((_, i) => predictedNoisyBAccuracy(ref.theoryUA[i + 1], ref.theoryUB[i + 1], 1, s)),
  };
  const runs = [
    { label: "CE", res: ref, color: PALETTE[0] },
    ...sd.map(({ lambda, res }, k) => ({ label: `CE + SD λ = ${fmt(lambda)}`, res, color: PALETTE[k + 1] })),
  ];
  // One panel per training: the three simulated curves coincide, so one plot would show only the last.
  const panels = runs.map(({ label, res, color }) => ({
    title: `${label}: final ${fmt(last(res.noisyBAccuracySeries))}`,
    figure: lineChart({
      title: label,
      xTitle: "time t",
      yTitle: "accuracy, noisy B-only points",
      xScale: "log",
      yDomain: [0.4, 1],
      legend: "none",
      series: [
        {
          name: `${label} (sim)`,
          group: label,
          color,
          x: res.t.slice(1),
          y: res.noisyBAccuracySeries.slice(1),
        },
        theory,
      ],
      rules: [{ axis: "y", value: 0.5, label: "chance" }],
    }),
  }));
  return {
    name: "b-only-accuracy",
    caption: `Accuracy of the engine's diagonal net on 4000 B-only test points with N(0, ${s}²) noise on both feature coordinates (a probe evaluated at every record), ρ = ${ref.rho}, ε = ${fmt(1e-4)}; one panel per training, the same black dashed curve in each: Φ(u_B/(${s}|u|)) from the ODE's u (CE, no SD term). At the start u_A = u_B and B alone classifies well; once A is learned the model ignores B and the accuracy falls to chance. Spectral decoupling (λ/2·mean f²) does not bring it back in this model: the three panels are alike. On the noise-free B-only set the accuracy stays 1 (u_B > 0).`,
    figure: smallMultiples({
      title: "Does the trained model use the rare feature?",
      subtitle: `noisy B-only test, ρ = ${ref.rho}, ε = ${fmt(1e-4)}; solid: simulation; dashed: ODE theory (CE); dotted: chance`,
      panels,
      panelWidth: 260,
    }),
  };
}

/** u_A, u_B of the diagonal net with and without SD. */
export function diagonalSdFigure(
  ref: StarvationMeasureResult,
  sd: readonly { lambda: number; res: StarvationMeasureResult }[],
): ExperimentFigure {
  const series: LineSeries[] = [];
  for (const [label, r] of [
    ["CE", ref] as const,
    ...sd.map((x) => [`SD λ = ${fmt(x.lambda)}`, x.res] as const),
  ]) {
    for (const [mode, u] of [
      ["u_A", r.uA],
      ["u_B", r.uB],
    ] as const) {
      const name = `${mode}, ${label}`;
      series.push({ name, group: name, kind: "simulation", x: r.t.slice(1), y: u.slice(1) });
    }
  }
  return {
    name: "spectral-decoupling",
    caption: `u_A and u_B of the diagonal net with and without spectral decoupling (ρ = ${ref.rho}, ε = 10⁻⁴; simulation only: the theory has no SD term). SD caps the margins (σ(−m) = λm), so u_A stops near the cap; with A in every point the capped fixed point is reached with A alone (u_B = 0 is optimal: every point then sits at the cap), so u_B is pushed down. Final u_B: ${[ref, ...sd.map((x) => x.res)].map((r) => fmt(last(r.uB))).join(", ")}.`,
    figure: lineChart({
      title: "Spectral decoupling in the two-feature diagonal model",
      subtitle: `${MODEL} + λ/2·mean f²`,
      xTitle: "time t",
      yTitle: "mode strength u",
      xScale: "log",
      yScale: "log",
      series,
      legendTitle: "mode, training",
    }),
  };
}

/** Noisy B-only accuracy over time in the wide ReLU nets, mean over seeds, per data setting and λ. */
export function wideSdFigure(sweeps: readonly WideSdSweep[], width: number, seeds: number): ExperimentFigure {
  const series: LineSeries[] = [];
  for (const sw of sweeps) {
    sw.runs.forEach((rs, k) => {
      const t = rs[0].t.slice(1);
      const stats = t.map((_, i) => meanStd(rs.map((r) => r.noisyBSeries[i + 1])));
      const group = `${sw.setting}, λ = ${fmt(sw.lambdas[k])}`;
      series.push({ name: group, group, kind: "simulation", x: t, y: stats.map((s) => s.mean) });
    });
  }
  const finals = sweeps
    .map(
      (sw) =>
        `${sw.setting}: ${sw.runs.map((rs, k) => `${fmt(meanStd(rs.map((r) => r.noisyB)).mean)} (λ = ${sw.lambdas[k]})`).join(", ")}`,
    )
    .join("; ");
  return {
    name: "spectral-decoupling-wide-relu",
    caption: `Spectral decoupling in the setting of Pezeshki et al.: a ReLU net of width ${width}, He-normal start, no diagonal constraint, on "features" data with 8 noise dimensions (std 0.3), mean CE, full-batch GD η = 0.2. Accuracy on B-only test points with N(0, 0.5²) noise on every coordinate (a probe at every record), mean over ${seeds} seeds. With B in half the points (THEORY.md §7's data) SD drives the accuracy to chance: its optimum puts every margin at the cap, which A alone reaches. With B in every point at half A's norm SD changes it by less than the seed-to-seed spread. Final: ${finals}.`,
    figure: lineChart({
      title: "Does spectral decoupling un-starve B in a wide ReLU net?",
      subtitle: `width ${width}, He init, 8 noise dims; mean CE + λ/2·mean f²; mean of ${seeds} seeds`,
      xTitle: "time t",
      yTitle: "accuracy on noisy B-only points",
      xScale: "log",
      yDomain: [0.4, 1],
      series,
      rules: [{ axis: "y", value: 0.5, label: "chance" }],
      legendTitle: "data, SD coefficient",
    }),
  };
}

/** Hinge: u_B stops exactly at the margin. */
export function hingeFigure(hinge: StarvationMeasureResult, lr: number): ExperimentFigure {
  const hs = hinge.t.slice(1);
  const ht = simulateStarvation({ p: hinge.p, rA: 1, rB: 1, eps: 1e-4, loss: "hinge" }, hs);
  const tf = hinge.tFreezeB ?? Number.NaN;
  // What the plot shows after tf: u_B flat; u_A grows on only until the A-only points reach the margin
  // too (u_A = 1/r_A), about u_B/u_A more, which a log axis shows as flat: the caption gives the numbers.
  const uBEnd = last(hinge.uB);
  const uAAtFreeze = 1 - uBEnd; // the B-points' margin u_A + u_B reaches 1 (r_A = r_B = 1)
  const uAEnd = last(hinge.uA);
  return {
    name: "hinge-stop",
    caption: `Hinge loss (ρ = ${hinge.rho}, ε = 10⁻⁴): both modes grow exponentially until the points carrying B reach the margin (u_A + u_B = 1) at t = ${fmt(tf)}; from then on u_B does not change at all (${fmt(uBEnd)}). u_A grows on only until the A-only points reach the margin as well: from ${fmt(uAAtFreeze, 4)} to ${fmt(uAEnd, 4)}, ${fmt(100 * (uAEnd / uAAtFreeze - 1), 2)}% more, within the record after t = ${fmt(tf)}; so both curves go flat together and after that nothing moves. Solid: the engine's diagonal net; dashed: closed form.`,
    figure: lineChart({
      title: "Hinge: the rare feature stops exactly",
      subtitle: `engine: diagonal linear net, mean hinge (margin 1), GD η = ${lr}`,
      xTitle: "time t",
      yTitle: "mode strength u",
      xScale: "log",
      yScale: "log",
      series: [
        { name: "u_A (sim)", group: "u_A", kind: "simulation", x: hs, y: hinge.uA.slice(1) },
        { name: "u_A (theory)", group: "u_A", kind: "theory", x: hs, y: ht.uA },
        { name: "u_B (sim)", group: "u_B", kind: "simulation", x: hs, y: hinge.uB.slice(1) },
        { name: "u_B (theory)", group: "u_B", kind: "theory", x: hs, y: ht.uB },
      ],
      rules: [{ axis: "x", value: tf, label: "B-points at the margin" }],
      legendTitle: "mode",
    }),
  };
}

/** Slope of log u_B(tEnd) against log ε over ε ≤ 1e-3, per p (the P11 fit the figure shows). */
function asymptoticSlopes({ byP }: C7Measurement): Map<number, number> {
  const slopes = new Map<number, number>();
  for (const [p, runs] of byP)
    slopes.set(
      p,
      epsSlope(runs.filter((r) => r.eps <= 1e-3).map((r) => ({ eps: r.eps, uB: last(r.res.uB) }))),
    );
  return slopes;
}

/** The C7 figures. */
export function c7Figures(m: C7Measurement, s: C7Settings): ExperimentFigure[] {
  const { byP, ref, sdRuns, wide, wideSeeds, hinge } = m;
  const { ps, epss, tEnd, wideWidth } = s;
  const slopes = asymptoticSlopes(m);
  const hingeLr = HINGE_LR;
  return [
    ...ps.map((p) => modesFigure(byP.get(p) ?? [], tEnd)),
    finalUbFigure(byP, slopes, epss, tEnd),
    bOnlyAccuracyFigure(ref, sdRuns, 0.5),
    wideSdFigure(wide, wideWidth, wideSeeds.length),
    diagonalSdFigure(ref, sdRuns),
    hingeFigure(hinge, hingeLr),
  ];
}
