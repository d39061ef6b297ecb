/** C1's checks: each equal-norm curve against P8, the final error ¼, the collapse, the spread-norm curve. */
import { formatNumber as fmt } from "../../figures/figure.js";
import { type ErrorCurveMeasurement, GD_ALLOWANCE, KS_99, Z_99 } from "../../kit/measure/error-curves.js";
import type { Check } from "../experiment.js";
import type { C1Measurement } from "./measure.js";
import { C1_NORMS, type C1Sizes } from "./settings.js";

function curveCheck(prediction: string, statement: string, m: ErrorCurveMeasurement): Check {
  return {
    prediction,
    statement,
    predicted: 0,
    measured: m.supDeviation,
    tolerance: `sup_t |E_sim − E_theory| ≤ ${fmt(m.tolerance)}`,
    basis: `sampling: the error curve is an empirical survival function of N = ${m.count} flip times, so its sup distance to the true one is below the Kolmogorov 99% quantile ${KS_99}/√N; plus ${GD_ALLOWANCE} for GD instead of the flow at η·r ≤ 0.05 (a flip seen up to one step late: η·r/2π ≈ 0.008; the discrete flip time ≈ η·r/4 longer: ≈ 0.002)`,
    pass: m.supDeviation <= m.tolerance,
  };
}

/** The checks of a C1 measurement. */
export function c1Checks({ collapse, spread }: C1Measurement, sizes: C1Sizes): Check[] {
  const checks: Check[] = collapse.curves.map((m, i) =>
    curveCheck("P8", `r = ${C1_NORMS[i]}: error curve E(t) = ½[1 − gd(r t)/π]`, m),
  );
  // E(∞) = ¼, pooled over the equal-norm runs (each ran to r t = 8, where E − ¼ ≈ 1e-4).
  const pooledN = collapse.curves.reduce((s, m) => s + m.count, 0);
  const pooledFinal = collapse.curves.reduce((s, m) => s + m.final * m.count, 0) / pooledN;
  const finalTol = Z_99 * Math.sqrt((0.25 * 0.75) / pooledN) + 0.002;
  checks.push({
    prediction: "P8",
    statement: "final error E(∞) = 1/4 (half of the wrong half recovers), pooled over the norms",
    predicted: 0.25,
    measured: pooledFinal,
    tolerance: `|Δ| ≤ ${fmt(finalTol)}`,
    basis: `sampling: the pooled final error is a binomial proportion of N = ${pooledN} points, 99% half-width ${Z_99}·√(¼·¾/N); plus 0.002 for points not yet decided at r·t = 8 (E(8) − ¼ ≈ 1e-4 in the flow, ×20 for GD's lag)`,
    pass: Math.abs(pooledFinal - 0.25) <= finalTol,
  });
  checks.push({
    prediction: "P8",
    statement: `curves for r = ${C1_NORMS.join(", ")} collapse against r·t: largest gap between two curves at equal r·t`,
    predicted: 0,
    measured: collapse.maxPairwise,
    tolerance: `≤ ${fmt(collapse.tolerance)}`,
    basis: `sampling: two empirical curves of N = ${sizes.count} flip times each differ by less than the two-sample Kolmogorov 99% quantile ${KS_99}·√(2/N); plus ${GD_ALLOWANCE} for GD steps (as for each curve)`,
    pass: collapse.maxPairwise <= collapse.tolerance,
  });
  checks.push(
    curveCheck(
      "C1",
      "spread norms (log-uniform in [0.25, 4]): E(t) = P(t*_i > t) = mean_i ½[1 − gd(r_i t)/π], a sigmoid in log t",
      spread,
    ),
  );
  return checks;
}
