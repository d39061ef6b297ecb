/**
 * C7's checks: u_B ∝ ε^{1−ρ} (P11), its late (ln t)^ρ growth and the noisy B-only accuracy (P12, C7),
 * spectral decoupling in wide nets (C7, THEORY.md §7), the hinge freeze (P13).
 */
import { absoluteCheck, relativeCheck } from "../../kit/checks.js";
import { formatSignificant as fmt } from "../../math/format.js";
import { sdMarginCap } from "../../theory/spectral-decoupling.js";
import { starvationEpsRatio } from "../../theory/starvation.js";
import type { Check } from "../experiment.js";
import { predictedNoisyBAccuracy } from "./diagonal-runs.js";
import { type C7Measurement, describeWide, epsSlope, last, lnlnExponent, wideStats } from "./measure.js";
import type { C7Settings } from "./settings.js";

/** What separates a GD run from the starvation ODE (the flow), in the words of a basis. */
const GD =
  "GD (η = 0.02 to t = 100, then log-time stages) against the flow: a first-order error η∫c² dt in ln u";

/** P11: the slope of log u_B against log ε, against the ODE and against 1 − ρ; THEORY.md's numbers. */
function epsilonChecks({ byP }: C7Measurement, { ps, epss, tEnd }: C7Settings): Check[] {
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
        `discretisation: both slopes are fitted over the same ε, so what separates them is ${GD} that changes slowly with ε (its part ∝ ln(1/ε) enters the slope over ln ε at η·c ≤ 0.01); 0.02 is twice that`,
      ),
    );
    checks.push(
      absoluteCheck(
        "P11",
        `ρ = ${rho}: final u_B ∝ ε^{1−ρ} — log-log slope of u_B(t = ${tEnd}) against ε (ε from 1e-3 to ${epss[epss.length - 1]})`,
        1 - rho,
        slope,
        0.03,
        "asymptotics + GD: the law ε^{1−ρ} holds as ln(1/ε) → ∞; at finite ε the ODE's own slope is off by ≈ 0.005 for ρ = 0.5 (×9.81 instead of ×10 per ×100 from 1e-4 to 1e-6, THEORY.md §9.2) and less for ρ = 0.2; plus the 0.02 GD allows against the ODE (the check above)",
      ),
    );
    const e4 = runs.find((r) => r.eps === 1e-4);
    const e6 = runs.find((r) => r.eps === 1e-6);
    if (e4 && e6) {
      const ratio = starvationEpsRatio(100, rho);
      checks.push(
        relativeCheck(
          "P11",
          `THEORY.md §7's number for ρ = ${rho}: u_B is ×${fmt(ratio)} = 100^{1−ρ} smaller per ×100 smaller ε (ε = 1e-4 → 1e-6; starvationEpsRatio)`,
          ratio,
          last(e4.res.uB) / last(e6.res.uB),
          0.05,
          "the law is asymptotic: the ODE's own ratio over ε = 1e-4 → 1e-6 is within 2% of 100^{1−ρ} (test/theory/starvation.test.ts), and GD with η = 0.02 moves each u_B by ≤ 3% from the flow (the P11 check of every u_B)",
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
      `discretisation: ${GD}; c = d ln a/dt ≤ r σ(−m) ≤ ½ (r = 1) and ∫c dt ≈ ½ ln(1/ε) in the growth phase bound it by η·½·½ln(1/ε) ≤ 0.07 at ε = 1e-6, the late stages add η·t·c² with c ~ 1/t; 0.03 is chosen inside that bound (the bound is loose: c reaches ½ only at the start)`,
    ),
  );
  return checks;
}

/** P12 and the noisy B-only accuracy, on the reference run. */
function lateChecks({ ref }: C7Measurement, { tEnd }: C7Settings): Check[] {
  const checks: Check[] = [];
  // P12: (ln t)^ρ growth after A is learned.
  const simExp = lnlnExponent(ref.t, ref.uB, 100);
  const odeExp = lnlnExponent(ref.t, ref.theoryUB, 100);
  checks.push(
    absoluteCheck(
      "P12",
      `ρ = ${ref.rho}, ε = 1e-4: late growth exponent d ln u_B/d ln ln t over t ∈ [100, ${tEnd}], simulation vs the ODE over the same window`,
      odeExp,
      simExp,
      0.01,
      "discretisation: the late window t ∈ [100, t_end] runs at log-time stages (η ∝ t), where the rates c ~ 1/t make GD's error η·c per stage a constant ≲ 1e-3 in ln u; the exponent is a ratio of changes in ln u over the window, so 0.01 is ≈ 10× that",
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
      "asymptotics: d ln u_B/d ln u_A → ρ once A is learned (u_B ∝ m_A^ρ, THEORY.md §9.3), with corrections of order 1/m_A(t) ≤ 1/ln(200) ≈ 0.19 of the rates at the window's start, shrinking after; 0.03 is chosen, not derived from a closed bound (the ODE-vs-simulation check above is the tight one)",
    ),
  );
  // B-only accuracy.
  const noisy = ref.noisyBAccuracy;
  checks.push(
    absoluteCheck(
      "C7",
      `ρ = ${ref.rho}, ε = 1e-4: accuracy on B-only test points with N(0, 0.5²) noise on both feature coordinates is near chance, as predicted by Φ(u_B r_B/(s|u|)) from the ODE's u`,
      predictedNoisyBAccuracy(last(ref.theoryUA), last(ref.theoryUB), 1, 0.5),
      noisy,
      0.03,
      "sampling: the accuracy is a proportion over 4000 noisy B-only test points, 99% binomial half-width ≤ 2.576·√(¼/4000) = 0.020; 0.03 rounds it up",
    ),
  );
  return checks;
}

/**
 * Tripwire: SD must act at λ > 0. Its fixed point caps every margin at m*(λ), σ(−m*) = λm*, for GD at any
 * η. u_A (the A-only points' margin, r_A = 1) is the fast direction and stationary by t_end while u_B still
 * decays, so the A-only margin u_A and the B-points' margin u_A + u_B bracket the cap. SD off lets u_A grow
 * like ln t; SD doubled moves the cap: either leaves the bracket.
 */
function sdCapChecks({ sdRuns, ref }: C7Measurement, { tEnd }: C7Settings): Check[] {
  return sdRuns.map(({ lambda, res }) => {
    const cap = sdMarginCap(lambda);
    const [uA, uB] = [last(res.uA), last(res.uB)];
    const slack = 1e-9 * cap;
    return {
      prediction: "C7 (SD)",
      statement: `spectral decoupling acts (λ = ${lambda}, diagonal model, ρ = ${ref.rho}, ε = 1e-4): the margins settle at the cap m* solving σ(−m) = λm (src/theory/spectral-decoupling.ts) — u_A(t = ${tEnd}) ≤ m* ≤ u_A + u_B`,
      predicted: cap,
      measured: uA,
      tolerance: `m* ∈ [u_A, u_A + u_B] = [${fmt(uA, 6)}, ${fmt(uA + uB, 6)}] (± ${fmt(slack, 2)})`,
      basis:
        "exact bracket: at the SD objective's stationary point in u_A, (1−p)g(u_A) + p·g(u_A + u_B) = 0 with g(m) = σ(−m) − λm decreasing, so g changes sign between the two margins; the slack is rounding",
      pass: uA - slack <= cap && cap <= uA + uB + slack,
    };
  });
}

/** Spectral decoupling in wide ReLU nets (the claim's own setting); a failure here is a finding. */
function spectralDecouplingCheck(
  { wide, wideSeeds }: C7Measurement,
  { wideWidth, wideLambdas }: C7Settings,
): Check {
  const stats = wideStats(wide);
  const describe = (k: number) => describeWide(wide, k);
  const freqBase = stats[0][0].mean;
  const freqBest = Math.max(...stats[0].slice(1).map((x) => x.mean));
  return {
    prediction: "C7 (SD)",
    statement: `THEORY.md §7 (Pezeshki et al. 2021): spectral decoupling removes the starvation — in their setting, a wide ReLU net (width ${wideWidth}, He-normal start, no constraint) on §7's data (B in half the points) plus 8 noise dimensions: accuracy on noisy B-only points rises with SD at some λ ∈ {${wideLambdas.slice(1).join(", ")}} (mean over ${wideSeeds.length} seeds)`,
    predicted: `accuracy ≥ ${fmt(freqBase + 0.05)} (no SD: ${fmt(freqBase)})`,
    measured: describe(0),
    tolerance: "best λ ≥ 5 points above no SD",
    basis:
      "chosen: 5 points of accuracy is the smallest effect called a rescue; it is not derived from the seeds' spread",
    pass: freqBest >= freqBase + 0.05,
    ...(freqBest >= freqBase + 0.05
      ? {}
      : {
          finding: `Spectral decoupling does not un-starve B here: the best λ gives ${fmt(freqBest)} noisy B-only accuracy against ${fmt(freqBase)} without SD (needed ≥ ${fmt(freqBase + 0.05)}); ${describe(0)}. The prediction comes from Pezeshki et al.'s setting; in this synthetic one SD puts every margin at its cap, which A alone reaches, so B stays starved. A result about the theory, not a fault of the tool.`,
        }),
  };
}

/** P13: under hinge u_B stops exactly, at the closed form's value. */
function hingeChecks({ hinge }: C7Measurement): Check[] {
  const checks: Check[] = [];
  // Hinge (P13): lr 0.005, since hinge grows twice as fast as CE before the margin.
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
      "exact: past the margin the hinge gradient of every B-point is exactly 0, so u_B stops to the bit; 1e-12 allows the ratio's rounding only",
    ),
  );
  checks.push(
    relativeCheck(
      "P13",
      "hinge: the value at which u_B freezes equals the closed form of src/theory/starvation.ts",
      last(hinge.theoryUB),
      frozen,
      0.03,
      "discretisation: the closed form is the flow's; GD at η = 0.005 lags it by ≈ η·r/2 per unit of ln u over ln(1/ε) ≈ 9 of growth (0.005·½·9 ≈ 0.02 with r = 1), plus the freezing step's overshoot ≤ 2ηr = 0.01",
    ),
  );
  return checks;
}

/** The checks of a C7 measurement. */
export function c7Checks(m: C7Measurement, s: C7Settings): Check[] {
  return [
    ...epsilonChecks(m, s),
    ...lateChecks(m, s),
    ...sdCapChecks(m, s),
    spectralDecouplingCheck(m, s),
    ...hingeChecks(m),
  ];
}
