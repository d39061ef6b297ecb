/**
 * C7 (P11, P12, P13): gradient starvation. A frequent feature A (every point) and a rarer, equally
 * informative feature B (a fraction p of the points): once A is learned, B's gradient is starved, so its
 * final strength ∝ ε^{1−ρ} (ρ = p r_B/r_A) and it grows afterwards only like (ln t)^ρ; under hinge it stops
 * exactly. See ./c7/diagonal-net.ts for the network and why it is not the engine's MLP.
 */
import { fitLine } from "../figures/fit.js";
import { type LineSeries, lineChart } from "../figures/lineChart.js";
import { simulateStarvation } from "../theory/starvation.js";
import { measureEngineStarvation } from "./c7/engine-limits.js";
import { measureStarvation, predictedNoisyBAccuracy, type StarvationMeasureResult } from "./c7/measure.js";
import {
  absoluteCheck,
  type Check,
  type Experiment,
  type ExperimentOptions,
  type ExperimentResult,
  type Limit,
  relativeCheck,
} from "./experiment.js";

const fmt = (v: number, d = 3) => (Number.isFinite(v) ? Number(v.toPrecision(d)).toString() : String(v));
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
  const n = 100;
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
  // Spectral decoupling.
  const sdLambdas = [0.003, 0.1];
  const sdRuns = sdLambdas.map((l) =>
    measureStarvation({ p: ref.p, eps: 1e-4, n, tEnd, seed, spectralDecoupling: l }),
  );
  const sdBest = sdRuns.reduce((a, b) => (last(b.uB) > last(a.uB) ? b : a));
  checks.push({
    prediction: "C7 (SD)",
    statement: `spectral decoupling (λ = ${sdLambdas.join(", ")}) un-starves B: final u_B above the unregularized ${fmt(last(ref.uB))} and noisy B-only accuracy up from ${fmt(noisy)}`,
    predicted: `u_B > ${fmt(last(ref.uB))}, accuracy > ${fmt(noisy + 0.05)}`,
    measured: `u_B = ${sdRuns.map((r) => fmt(last(r.uB))).join(", ")}; accuracy ${sdRuns.map((r) => fmt(r.noisyBAccuracy)).join(", ")}`,
    tolerance: "u_B larger and accuracy ≥ 5 points higher",
    pass: last(sdBest.uB) > last(ref.uB) && sdBest.noisyBAccuracy > noisy + 0.05,
  });
  // Hinge (P13): lr 0.005, since hinge grows twice as fast as CE before the margin.
  const hinge = measureStarvation({ p: ref.p, eps: 1e-4, n, tEnd: 200, seed, loss: "hinge", lr: 0.005 });
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
  const pd = [1e-2, 1e-4].map((eps) =>
    measureEngineStarvation({ p: ref.p, init: "pair-diagonal", scale: eps, n, seed }),
  );
  limits.push({
    setting: `the engine's ReLU MLP from the same diagonal start (4 units, ±pairs, u(0) = ε), every weight trainable, ρ = ${ref.rho}, t = 2000`,
    deviation: `no starvation: u_B = ${fmt(pd[0].uB)} (ε = 1e-2) and ${fmt(pd[1].uB)} (ε = 1e-4), u_A = ${fmt(pd[0].uA)}, ${fmt(pd[1].uA)}: slope in ε ${fmt(Math.log10(pd[0].uB / pd[1].uB) / 2)} instead of ${1 - ref.rho}. The A unit's weights grow along B at ratio ρ (its gradient is the mean of the points it fires on), so f(u_B) ≈ ρ·u_A.`,
  });
  const gs = [0.1, 0.01].map((sc) =>
    measureEngineStarvation({ p: ref.p, init: "gaussian", scale: sc, width: 64, n, seed }),
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
  const fastLr = measureStarvation({ p: ref.p, eps: 1e-4, n, tEnd, seed, lr: 0.5 });
  limits.push({
    setting: `diagonal model with lr = 0.5 (default 0.02), ρ = ${ref.rho}, ε = 1e-4`,
    deviation: `u_B(t = ${tEnd}) = ${fmt(last(fastLr.uB))} vs ODE ${fmt(last(fastLr.theoryUB))}: ${fmt((last(fastLr.uB) / last(fastLr.theoryUB) - 1) * 100, 2)}% (the exponential phase, in discrete steps, grows u by (1 + lr·r/2)² per step instead of e^{lr·r}).`,
  });

  // Figures.
  const figures: ExperimentResult["figures"] = [];
  const tTheory = Array.from({ length: 80 }, (_, i) => 0.02 * (1e6 / 0.02) ** (i / 79));
  for (const p of ps) {
    const runs = (byP.get(p) ?? []).filter((r) => [1e-2, 1e-4, 1e-6, 1e-8].includes(r.eps));
    const series: LineSeries[] = [];
    for (const r of runs) {
      const th = simulateStarvation({ p: r.res.p, rA: 1, rB: 1, eps: r.eps }, tTheory);
      for (const [name, sim, theory] of [
        ["u_A", r.res.uA, th.uA],
        ["u_B", r.res.uB, th.uB],
      ] as const) {
        const group = `${name}, ε = ${r.eps}`;
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
    figures.push({
      name: `modes-rho-${runs[0].res.rho}`,
      caption: `ρ = ${runs[0].res.rho} (p = ${p}, r_A = r_B = 1): mode strengths u_A and u_B over log time for several init scales ε. Solid: GD on the diagonal network (to t = ${tEnd}); dashed: the starvation ODE, integrated on to t = 1e6. A is learned at t ≈ ln(1/ε); from then on u_B hardly moves: each ×100 in ε leaves u_B ×100^{1−ρ} smaller.`,
      figure: lineChart({
        title: `Gradient starvation, ρ = ${runs[0].res.rho}: u_A and u_B over time`,
        subtitle: "diagonal net f = u_A x_A + u_B x_B, mean CE, GD lr 0.02; dashed: THEORY.md §7 ODE",
        xTitle: "time t",
        yTitle: "mode strength u",
        xScale: "log",
        yScale: "log",
        series,
        legendTitle: "mode, init",
      }),
    });
  }
  const epsSeries: LineSeries[] = [];
  const epsGrid = Array.from(
    { length: 25 },
    (_, i) => 10 ** (-2 - (i * (Math.log10(1 / last(epss)) - 2)) / 24),
  );
  for (const p of ps) {
    const runs = byP.get(p) ?? [];
    const rho = runs[0].res.rho;
    const group = `ρ = ${rho} (slope ${fmt(slopes.get(p) ?? Number.NaN)}, theory ${fmt(1 - rho)})`;
    epsSeries.push({
      name: `${group} sim`,
      group,
      kind: "simulation",
      points: runs.map((r) => ({ x: r.eps, y: last(r.res.uB) })),
      showPoints: true,
    });
    epsSeries.push({
      name: `${group} theory`,
      group,
      kind: "theory",
      points: epsGrid.map((eps) => ({
        x: eps,
        y: last(simulateStarvation({ p: runs[0].res.p, rA: 1, rB: 1, eps }, [tEnd]).uB),
      })),
    });
  }
  figures.push({
    name: "final-uB-vs-eps",
    caption: `Strength of the rare feature at t = ${tEnd} against the init scale ε, log-log. Points: simulation; dashed: the ODE. Slopes (fitted over ε ≤ 1e-3) approach 1−ρ: the smaller the init, the more completely B is starved.`,
    figure: lineChart({
      title: "Final u_B against init scale: slope 1 − ρ",
      subtitle: `t = ${tEnd}, r_A = r_B = 1`,
      xTitle: "init scale ε",
      yTitle: `u_B(t = ${tEnd})`,
      xScale: "log",
      yScale: "log",
      series: epsSeries,
      legendTitle: "rare-feature exponent",
    }),
  });
  const accSeries: LineSeries[] = [
    {
      name: "CE (sim)",
      group: "CE",
      kind: "simulation",
      x: ref.t.slice(1),
      y: ref.t.slice(1).map((_, i) => predictedNoisyBAccuracy(ref.uA[i + 1], ref.uB[i + 1], 1, 0.5)),
    },
    {
      name: "CE (theory)",
      group: "CE",
      kind: "theory",
      x: ref.t.slice(1),
      y: ref.t
        .slice(1)
        .map((_, i) => predictedNoisyBAccuracy(ref.theoryUA[i + 1], ref.theoryUB[i + 1], 1, 0.5)),
    },
    ...sdRuns.map(
      (r, k): LineSeries => ({
        name: `CE + SD λ = ${sdLambdas[k]} (sim)`,
        group: `CE + SD λ = ${sdLambdas[k]}`,
        kind: "simulation",
        x: r.t.slice(1),
        y: r.t.slice(1).map((_, i) => predictedNoisyBAccuracy(r.uA[i + 1], r.uB[i + 1], 1, 0.5)),
      }),
    ),
  ];
  figures.push({
    name: "b-only-accuracy",
    caption: `Accuracy on B-only test points with N(0, 0.5²) noise on both feature coordinates (the expectation over the noise, Φ(u_B/(0.5|u|))), ρ = ${ref.rho}, ε = 1e-4. At the start u_A = u_B and B alone classifies well; once A is learned the model ignores B and the accuracy falls to chance. Spectral decoupling (λ/2·mean f²) does not bring it back in this model (THEORY.md §7 expects it to). On the noise-free B-only set the accuracy stays 1 (u_B > 0).`,
    figure: lineChart({
      title: "Does the trained model use the rare feature?",
      subtitle: `noisy B-only test, ρ = ${ref.rho}, ε = 1e-4; Monte Carlo at the end: ${fmt(noisy)} (CE)`,
      xTitle: "time t",
      yTitle: "accuracy on noisy B-only points",
      xScale: "log",
      yDomain: [0.4, 1],
      series: accSeries,
      rules: [{ axis: "y", value: 0.5, label: "chance" }],
      legendTitle: "training",
    }),
  });
  const sdSeries: LineSeries[] = [];
  for (const [label, r] of [
    ["CE", ref],
    ...sdRuns.map((x, k) => [`SD λ = ${sdLambdas[k]}`, x] as const),
  ] as const) {
    sdSeries.push({
      name: `u_A, ${label}`,
      group: `u_A, ${label}`,
      kind: "simulation",
      x: r.t.slice(1),
      y: r.uA.slice(1),
    });
    sdSeries.push({
      name: `u_B, ${label}`,
      group: `u_B, ${label}`,
      kind: "simulation",
      x: r.t.slice(1),
      y: r.uB.slice(1),
    });
  }
  figures.push({
    name: "spectral-decoupling",
    caption: `u_A and u_B with and without spectral decoupling (ρ = ${ref.rho}, ε = 1e-4; simulation only: the theory has no SD term). SD caps the margins (σ(−m) = λm), so u_A stops near the cap, but with A in every point the capped fixed point is reached with A alone and u_B is not pulled up: it stalls or shrinks. Measured final u_B: ${[ref, ...sdRuns].map((r) => fmt(last(r.uB))).join(", ")}.`,
    figure: lineChart({
      title: "Spectral decoupling in the two-feature model",
      subtitle: "diagonal net, mean CE + λ/2·mean f², GD lr 0.02",
      xTitle: "time t",
      yTitle: "mode strength u",
      xScale: "log",
      yScale: "log",
      series: sdSeries,
      legendTitle: "mode, training",
    }),
  });
  const hs = hinge.t.slice(1);
  const ht = simulateStarvation({ p: hinge.p, rA: 1, rB: 1, eps: 1e-4, loss: "hinge" }, hs);
  figures.push({
    name: "hinge-stop",
    caption: `Hinge loss (ρ = ${hinge.rho}, ε = 1e-4): both modes grow exponentially until the B-points reach the margin at t = ${fmt(tf)}; from then on u_B does not change at all, while u_A keeps growing until the A-only points reach the margin too. Solid: simulation; dashed: closed form.`,
    figure: lineChart({
      title: "Hinge: the rare feature stops exactly",
      subtitle: "diagonal net, mean hinge (margin 1), GD lr 0.005",
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
  });

  return {
    id: "c7",
    claim: "C7",
    title: "Gradient starvation: frequent features starve rare ones",
    summary: [
      `Setting: the "features" data, n = ${n}: feature A (norm 1) in every point, feature B (norm 1) in a fraction p of them, both with the label's sign; CE averaged over the points ("mean"); full-batch GD, lr = 0.02, to t = ${tEnd}. Network: the diagonal two-layer linear network f(x) = a_A b_A x_A + a_B b_B x_B, balanced start a = b = √ε, so u_A = a_A b_A and u_B = a_B b_B are THEORY.md §7's modes. It is trained on the engine's data and loss but not by the engine's MLP: a dense first layer does not stay diagonal here (the unit of A grows along B, because the points it fires on carry B), and then B is not starved at all (see the limits). The engine has no weight mask to express the diagonal model.`,
      `Theory (src/theory/starvation.ts): d ln u_A/dt = 2 r_A[(1−p)σ(−m0) + pσ(−m1)], d ln u_B/dt = 2 r_B p σ(−m1); with ρ = p r_B/r_A, u_B ∝ ε^{1−ρ} (P11) and afterwards ∝ (ln t)^ρ (P12); under hinge u_B stops once the B-points reach the margin (P13). Run: ρ ∈ {${ps.join(", ")}} × ε ∈ {${epss.join(", ")}}, spectral decoupling λ ∈ {${sdLambdas.join(", ")}}, hinge, and the engine's ReLU nets as limits. Findings that differ from THEORY.md: a noise-free B-only test set is classified perfectly (u_B > 0); only a noisy one is near chance. Spectral decoupling does not un-starve B in this model.`,
    ],
    checks,
    limits,
    figures,
    configs: {
      "rho0.5-eps1e-4 (data, loss, optimizer; network: diagonal net)": ref.config,
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
