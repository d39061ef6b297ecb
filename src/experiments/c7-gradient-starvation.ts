/**
 * C7 (P11, P12, P13): gradient starvation. A frequent feature A (every point) and a rarer, equally
 * informative feature B (a fraction p of the points): once A is learned, B's gradient is starved, so its
 * final strength ∝ ε^{1−ρ} (ρ = p r_B/r_A) and it grows afterwards only like (ln t)^ρ; under hinge it stops
 * exactly. Every number comes from engine runs: the diagonal linear network (model.diagonalLayers = [0]) of
 * ./c7/measure.ts, and wide ReLU nets for spectral decoupling (./c7/spectral-decoupling.ts).
 */
import { absoluteCheck, relativeCheck } from "../kit/checks.js";
import { fitLine } from "../math/fit.js";
import { formatSignificant as fmt } from "../math/format.js";
import { meanStd } from "../math/stats.js";
import { simulateStarvation } from "../theory/starvation.js";
import { measureEngineStarvation } from "./c7/engine-limits.js";
import {
  bOnlyAccuracyFigure,
  diagonalSdFigure,
  finalUbFigure,
  hingeFigure,
  modesFigure,
  wideSdFigure,
} from "./c7/figures.js";
import { measureStarvation, predictedNoisyBAccuracy, type StarvationMeasureResult } from "./c7/measure.js";
import { sweepWideSd, type WideSdSweep } from "./c7/spectral-decoupling.js";
import type { Check, Experiment, ExperimentOptions, ExperimentResult, Limit } from "./experiment.js";

const last = (xs: readonly number[]) => xs[xs.length - 1];

/** d ln u_B / d ln ln t between the first record with t ≥ t1 and the end. */
export function lnlnExponent(t: readonly number[], uB: readonly number[], t1: number): number {
  const i = t.findIndex((x) => x >= t1);
  const L = t.length - 1;
  return Math.log(uB[L] / uB[i]) / Math.log(Math.log(t[L]) / Math.log(t[i]));
}

/** Slope of log u_B(T) against log ε over the given runs. */
export function epsSlope(runs: readonly { eps: number; uB: number }[]): number {
  return fitLine(
    runs.map((r) => ({ x: r.eps, y: r.uB })),
    "log",
    "log",
  ).slope;
}

function run({ scale, seed }: ExperimentOptions): ExperimentResult {
  const started = performance.now();
  const full = scale === "full";
  const tEnd = full ? 1e5 : 1e4;
  // The smallest n at which every p used (0.2, 0.5, 0.8) is realized exactly. Without noise the points
  // are four distinct ones repeated and each point's loss depends only on its margin, so the mean-loss
  // dynamics depend on p, not n (n = 100 gives the same u to rounding: see the tests).
  const n = 10;
  const ps = full ? [0.8, 0.5, 0.2] : [0.5, 0.2];
  const epss = full ? [1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8] : [1e-2, 1e-3, 1e-4, 1e-5, 1e-6];
  const byP = new Map<number, { eps: number; res: StarvationMeasureResult }[]>();
  for (const p of ps)
    byP.set(
      p,
      epss.map((eps) => ({ eps, res: measureStarvation({ p, eps, n, tEnd, seed }) })),
    );

  const checks: Check[] = [];
  const slopes = new Map<number, number>();
  let worstOde = 0;
  for (const p of ps) {
    const runs = byP.get(p) ?? [];
    const rho = runs[0].res.rho;
    for (const r of runs) worstOde = Math.max(worstOde, Math.abs(last(r.res.uB) / last(r.res.theoryUB) - 1));
    // The asymptotic law needs ln(1/ε) ≫ 1: fit over ε ≤ 1e-3.
    const asym = runs.filter((r) => r.eps <= 1e-3).map((r) => ({ eps: r.eps, uB: last(r.res.uB) }));
    const slope = epsSlope(asym);
    slopes.set(p, slope);
    const odeSlope = epsSlope(
      runs.filter((r) => r.eps <= 1e-3).map((r) => ({ eps: r.eps, uB: last(r.res.theoryUB) })),
    );
    checks.push(
      absoluteCheck(
        "P11",
        `ρ = ${rho}: the simulated slope of log u_B(t = ${tEnd}) against log ε equals the ODE's over the same ε (finite-ε value of the law)`,
        odeSlope,
        slope,
        0.02,
      ),
    );
    checks.push(
      absoluteCheck(
        "P11",
        `ρ = ${rho}: final u_B ∝ ε^{1−ρ} — log-log slope of u_B(t = ${tEnd}) against ε (ε from 1e-3 to ${epss[epss.length - 1]})`,
        1 - rho,
        slope,
        0.03,
      ),
    );
    const e4 = runs.find((r) => r.eps === 1e-4);
    const e6 = runs.find((r) => r.eps === 1e-6);
    if (e4 && e6 && (rho === 0.5 || rho === 0.2)) {
      checks.push(
        relativeCheck(
          "P11",
          `THEORY.md §7's number for ρ = ${rho}: u_B is ×${rho === 0.5 ? 10 : 39.8} smaller per ×100 smaller ε (ε = 1e-4 → 1e-6)`,
          rho === 0.5 ? 10 : 39.8,
          last(e4.res.uB) / last(e6.res.uB),
          0.05,
        ),
      );
    }
  }
  checks.push(
    relativeCheck(
      "P11",
      `every simulated u_B(t = ${tEnd}) equals the starvation ODE's (src/theory/starvation.ts) — worst case shown (GD with lr = 0.02 vs the flow)`,
      1,
      1 + worstOde,
      0.03,
    ),
  );
  // P12: (ln t)^ρ growth after A is learned.
  const ref = (byP.get(0.5) ?? byP.get(ps[0]) ?? [])[epss.indexOf(1e-4)].res;
  const simExp = lnlnExponent(ref.t, ref.uB, 100);
  const odeExp = lnlnExponent(ref.t, ref.theoryUB, 100);
  checks.push(
    absoluteCheck(
      "P12",
      `ρ = ${ref.rho}, ε = 1e-4: late growth exponent d ln u_B/d ln ln t over t ∈ [100, ${tEnd}], simulation vs the ODE over the same window`,
      odeExp,
      simExp,
      0.01,
    ),
  );
  // Asymptotically u_B ∝ m_A^ρ ≈ (ln t + ln ln t)^ρ (d ln u_B/d m_A = ρ/m_A once A is learned), so the exponent
  // against ln ln t approaches ρ only like ln t / m_A(t); against ln u_A it is ρ already.
  const iLate = ref.t.findIndex((x) => x >= 100);
  const vsA = Math.log(last(ref.uB) / ref.uB[iLate]) / Math.log(last(ref.uA) / ref.uA[iLate]);
  checks.push(
    absoluteCheck(
      "P12",
      `ρ = ${ref.rho}: after A is learned u_B grows like u_A^ρ ≈ (ln t)^ρ — slope of ln u_B against ln u_A over t ∈ [100, ${tEnd}]`,
      ref.rho,
      vsA,
      0.03,
    ),
  );
  const far = simulateStarvation({ p: ref.p, rA: 1, rB: 1, eps: 1e-4 }, [1e6, 1e8]);
  const farExp = Math.log(far.uB[1] / far.uB[0]) / Math.log(Math.log(1e8) / Math.log(1e6));
  // B-only accuracy.
  const noisy = ref.noisyBAccuracy;
  checks.push(
    absoluteCheck(
      "C7",
      `ρ = ${ref.rho}, ε = 1e-4: accuracy on B-only test points with N(0, 0.5²) noise on both feature coordinates is near chance, as predicted by Φ(u_B r_B/(s|u|)) from the ODE's u`,
      predictedNoisyBAccuracy(last(ref.theoryUA), last(ref.theoryUB), 1, 0.5),
      noisy,
      0.03,
    ),
  );
  // Spectral decoupling, (a) in the diagonal model (a limit: the claim is made for wide nets), (b) in the
  // setting of the claim: wide ReLU nets from a He start, every weight trainable, with noise dimensions.
  const sdLambdas = [0.003, 0.1];
  const sdRuns = sdLambdas.map((lambda) => ({
    lambda,
    res: measureStarvation({ p: ref.p, eps: 1e-4, n, tEnd, seed, spectralDecoupling: lambda }),
  }));
  const wideWidth = full ? 500 : 200;
  const wideSeeds = (full ? [0, 1, 2, 3, 4] : [0, 1]).map((k) => seed * 101 + k);
  const wideLambdas = full ? [0, 0.001, 0.01, 0.1] : [0, 0.01, 0.1];
  const wideBase = { width: wideWidth, n: 40, steps: full ? 4000 : 1500, lr: 0.2 };
  const wide: WideSdSweep[] = [
    sweepWideSd("B in half the points (§7)", { ...wideBase, pB: 0.5 }, wideLambdas, wideSeeds),
    sweepWideSd("B in every point, r_B = ½", { ...wideBase, pB: 1, rB: 0.5 }, wideLambdas, wideSeeds),
  ];
  const wideStats = wide.map((sw) => sw.runs.map((rs) => meanStd(rs.map((r) => r.noisyB))));
  const describeWide = (k: number) =>
    wide[k].lambdas
      .map((l, i) => `λ = ${l}: ${fmt(wideStats[k][i].mean)} ± ${fmt(wideStats[k][i].std, 2)}`)
      .join("; ");
  const freqBase = wideStats[0][0].mean;
  const freqBest = Math.max(...wideStats[0].slice(1).map((x) => x.mean));
  checks.push({
    prediction: "C7 (SD)",
    statement: `THEORY.md §7 (Pezeshki et al. 2021): spectral decoupling removes the starvation — in their setting, a wide ReLU net (width ${wideWidth}, He-normal start, no constraint) on §7's data (B in half the points) plus 8 noise dimensions: accuracy on noisy B-only points rises with SD at some λ ∈ {${wideLambdas.slice(1).join(", ")}} (mean over ${wideSeeds.length} seeds)`,
    predicted: `accuracy ≥ ${fmt(freqBase + 0.05)} (no SD: ${fmt(freqBase)})`,
    measured: describeWide(0),
    tolerance: "best λ ≥ 5 points above no SD",
    pass: freqBest >= freqBase + 0.05,
    ...(freqBest >= freqBase + 0.05
      ? {}
      : {
          finding: `Spectral decoupling does not un-starve B here: the best λ gives ${fmt(freqBest)} noisy B-only accuracy against ${fmt(freqBase)} without SD (needed ≥ ${fmt(freqBase + 0.05)}); ${describeWide(0)}. The prediction comes from Pezeshki et al.'s setting; in this synthetic one SD puts every margin at its cap, which A alone reaches, so B stays starved. A result about the theory, not a fault of the tool.`,
        }),
  });
  // Hinge (P13): lr 0.005, since hinge grows twice as fast as CE before the margin.
  const hingeLr = 0.005;
  const hinge = measureStarvation({ p: ref.p, eps: 1e-4, n, tEnd: 200, seed, loss: "hinge", lr: hingeLr });
  const tf = hinge.tFreezeB ?? Number.NaN;
  const after = hinge.t.map((t, i) => ({ t, uB: hinge.uB[i] })).filter((x) => x.t >= 1.5 * tf);
  const frozen = after.length > 0 ? after[0].uB : Number.NaN;
  const drift = Math.max(...after.map((x) => Math.abs(x.uB / frozen - 1)));
  checks.push(
    absoluteCheck(
      "P13",
      `hinge: u_B stops exactly once every B-point is at the margin — max relative change of u_B over t ∈ [1.5 t_freeze, 200], t_freeze = ${fmt(tf)}`,
      0,
      drift,
      1e-12,
    ),
  );
  checks.push(
    relativeCheck(
      "P13",
      "hinge: the value at which u_B freezes equals the closed form of src/theory/starvation.ts",
      last(hinge.theoryUB),
      frozen,
      0.03,
    ),
  );

  // Limits.
  const limits: Limit[] = [];
  limits.push({
    setting: 'noise-free B-only test set (the generator\'s "B-only")',
    deviation: `accuracy ${fmt(ref.cleanBAccuracy)} for every run: u_B > 0 always, so a test point carrying only B is classified correctly however starved B is; "near chance" needs the absent feature A to be not exactly 0 (noisy test: ${fmt(noisy)}).`,
  });
  limits.push({
    setting: `spectral decoupling in the diagonal model (λ = ${sdLambdas.join(", ")}), ρ = ${ref.rho}, ε = 1e-4, t = ${tEnd}`,
    deviation: `u_B = ${sdRuns.map((r) => fmt(last(r.res.uB))).join(", ")} vs ${fmt(last(ref.uB))} without SD; noisy B-only accuracy ${sdRuns.map((r) => fmt(r.res.noisyBAccuracy)).join(", ")} vs ${fmt(noisy)}. SD pulls every margin to the cap m* (σ(−m*) = λm*), which A alone reaches on every point, so u_B = 0 is its optimum: SD starves B further here.`,
  });
  limits.push({
    setting: `spectral decoupling in wide ReLU nets (width ${wideWidth}, He start, ${wideSeeds.length} seeds), B in every point with half A's norm (starved by norm, not frequency)`,
    deviation: `noisy B-only accuracy ${describeWide(1)}; u_B/u_A ${wide[1].runs.map((rs, i) => `${fmt(meanStd(rs.map((r) => r.uB / r.uA)).mean)} (λ = ${wide[1].lambdas[i]})`).join(", ")}. With B in half the points (the check): u_B/u_A ${wide[0].runs.map((rs, i) => `${fmt(meanStd(rs.map((r) => r.uB / r.uA)).mean)} (λ = ${wide[0].lambdas[i]})`).join(", ")}. No setting measured here shows SD raising B's accuracy by more than the seed spread.`,
  });
  const pd = [1e-2, 1e-4].map((eps) =>
    measureEngineStarvation({ p: ref.p, init: "pair-diagonal", scale: eps, n: 100, seed }),
  );
  limits.push({
    setting: `the engine's ReLU MLP from the same diagonal start (4 units, ±pairs, u(0) = ε), every weight trainable, ρ = ${ref.rho}, t = 2000`,
    deviation: `no starvation: u_B = ${fmt(pd[0].uB)} (ε = 1e-2) and ${fmt(pd[1].uB)} (ε = 1e-4), u_A = ${fmt(pd[0].uA)}, ${fmt(pd[1].uA)}: slope in ε ${fmt(Math.log10(pd[0].uB / pd[1].uB) / 2)} instead of ${1 - ref.rho}. The A unit's weights grow along B at ratio ρ (its gradient is the mean of the points it fires on), so f(u_B) ≈ ρ·u_A.`,
  });
  const gs = [0.1, 0.01].map((sc) =>
    measureEngineStarvation({ p: ref.p, init: "gaussian", scale: sc, width: 64, n: 100, seed }),
  );
  limits.push({
    setting: `wide ReLU net (64 units, Gaussian init std 0.1 and 0.01, balanced), ρ = ${ref.rho}, t = 2000`,
    deviation: `u_B/u_A = ${fmt(gs[0].uB / gs[0].uA)} and ${fmt(gs[1].uB / gs[1].uA)} (u_B = ${fmt(gs[0].uB)}, ${fmt(gs[1].uB)}), vs ${fmt(last(ref.uB) / last(ref.uA))} in the diagonal model: starvation in the ε^{1−ρ} sense does not persist; B keeps a share ≈ ρ·r_B/r_A·… of the response and decays only relatively (u_A grows like ln t).`,
  });
  limits.push({
    setting: `the (ln t)^ρ law of THEORY.md §7 read literally (ODE, ρ = ${ref.rho}, ε = 1e-4)`,
    deviation: `d ln u_B/d ln ln t = ${fmt(odeExp)} over t ∈ [100, ${tEnd}] and still ${fmt(farExp)} over [1e6, 1e8], not ${ref.rho}: u_B ∝ m_A^ρ with m_A ≈ ln t + ln ln t, so the exponent against ln ln t is ρ·ln t/m_A(t) → ρ only as ln ln t/ln t → 0.`,
  });
  const rhoMax = 0.8; // close to 1, where the asymptotic law is slowest (ODE only: cheap)
  const ladderEps = [1e-3, 1e-4, 1e-6, 1e-8, 1e-12, 1e-16];
  const ladderU = ladderEps.map((eps) =>
    last(simulateStarvation({ p: rhoMax, rA: 1, rB: 1, eps }, [tEnd]).uB),
  );
  const ladder = ladderEps
    .slice(1)
    .map(
      (e, i) =>
        `${fmt(Math.log(ladderU[i + 1] / ladderU[i]) / Math.log(e / ladderEps[i]))} (ε ≈ ${fmt(Math.sqrt(e * ladderEps[i]), 2)})`,
    );
  limits.push({
    setting: `ε^{1−ρ} at practical ε for ρ = ${rhoMax} (ODE, t = ${tEnd})`,
    deviation: `local slope of log u_B against log ε: ${ladder.join(", ")} → ${fmt(1 - rhoMax)} only as ε → 0; for ρ close to 1 the correction to u_B(t_A) ≈ ε(1/(r_A ε))^ρ decays slowly (for ρ = 0.5 and 0.2 the slope is within 0.015 of 1−ρ from ε = 1e-3 on).`,
  });
  const fastLr = measureStarvation({ p: ref.p, eps: 1e-4, n, tEnd, seed, lr: 0.5, tSwitch: Infinity });
  limits.push({
    setting: `diagonal model with a constant η = 0.5 (default: 0.02 up to t = 100), ρ = ${ref.rho}, ε = 1e-4`,
    deviation: `u_B(t = ${tEnd}) = ${fmt(last(fastLr.uB))} vs ODE ${fmt(last(fastLr.theoryUB))}: ${fmt((last(fastLr.uB) / last(fastLr.theoryUB) - 1) * 100, 2)}% (the exponential phase, in discrete steps, grows u by (1 + lr·r/2)² per step instead of e^{lr·r}).`,
  });

  // Figures.
  const figures: ExperimentResult["figures"] = [
    ...ps.map((p) => modesFigure(byP.get(p) ?? [], tEnd)),
    finalUbFigure(byP, slopes, epss, tEnd),
    bOnlyAccuracyFigure(ref, sdRuns, 0.5),
    wideSdFigure(wide, wideWidth, wideSeeds.length),
    diagonalSdFigure(ref, sdRuns),
    hingeFigure(hinge, hingeLr),
  ];

  return {
    id: "c7",
    claim: "C7",
    title: "Gradient starvation: frequent features starve rare ones",
    summary: [
      `Setting: the "features" data, n = ${n}: feature A (norm 1) in every point, feature B (norm 1) in a fraction p of them, both with the label's sign; CE averaged over the points ("mean"). Network: the engine's diagonal linear network — model { hidden: [2], activation: "linear", bias: false, diagonalLayers: [0] }, so layer 0 stays diagonal (its off-diagonal gradient is zeroed) and f(x) = W₁[0][0]w₂[0]·x_A + W₁[1][1]w₂[1]·x_B: the modes u_A = f(e_A), u_B = f(e_B) of THEORY.md §7, read by the feature-responses probe. Balanced explicit start W₁ = diag(√ε, √ε), w₂ = (√ε, √ε). Full-batch GD with η = 0.02 up to t = 100, then η ×10 per decade of t (each stage a run config restarting from the previous weights) to t = ${tEnd}. A dense trainable first layer does not starve B at all (the limits), which is why the constraint matters.`,
      `Theory (src/theory/starvation.ts): d ln u_A/dt = 2 r_A[(1−p)σ(−m0) + pσ(−m1)], d ln u_B/dt = 2 r_B p σ(−m1); with ρ = p r_B/r_A, u_B ∝ ε^{1−ρ} (P11) and afterwards ∝ (ln t)^ρ (P12); under hinge u_B stops once the B-points reach the margin (P13). Run: ρ ∈ {${ps.join(", ")}} × ε ∈ {${epss.join(", ")}}, hinge, spectral decoupling in the diagonal model (λ ∈ {${sdLambdas.join(", ")}}) and in wide ReLU nets (width ${wideWidth}, He start, λ ∈ {${wideLambdas.join(", ")}}, ${wideSeeds.length} seeds, two data settings), and dense ReLU nets as limits. Findings that differ from THEORY.md: a noise-free B-only test set is classified perfectly (u_B > 0); only a noisy one is near chance. Spectral decoupling does not un-starve B, neither in the diagonal model nor in the wide ReLU nets measured: on §7's data it lowers the noisy B-only accuracy (${fmt(freqBase)} without, ${fmt(wideStats[0][wideStats[0].length - 1].mean)} at λ = ${last(wideLambdas)}).`,
    ],
    checks,
    limits,
    figures,
    configs: {
      // Stage 1 (η = 0.02 to t = 100); the later stages restart from its weights with η ×10 per decade.
      "diagonal-net-rho0.5-eps1e-4-stage-1": ref.configs[0],
      "diagonal-net-rho0.5-eps1e-4-constant-lr": {
        ...ref.configs[0],
        name: `${ref.configs[0].name} (one constant-η run to t = ${tEnd}: ${tEnd / 0.02} steps)`,
        train: { steps: Math.round(tEnd / 0.02) },
      },
      "diagonal-net-hinge": hinge.configs[0],
      "wide-relu-sd-0.1 (§7 data + noise dims)": wide[0].runs[wide[0].runs.length - 1][0].config,
      "engine-relu-pair-diagonal (limit)": pd[1].config,
      "engine-wide-gaussian (limit)": gs[1].config,
    },
    scale,
    seed,
    seconds: (performance.now() - started) / 1000,
  };
}

export const c7Experiment: Experiment = {
  id: "c7",
  claim: "C7",
  title: "Gradient starvation: frequent features starve rare ones",
  predictions: ["P11", "P12", "P13"],
  run,
};
