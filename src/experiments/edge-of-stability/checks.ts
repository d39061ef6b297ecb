import { absoluteCheck } from "../../kit/checks.js";
import type { Check } from "../experiment.js";
import type { EosMeasurement } from "./measure.js";
import type { EosSettings } from "./settings.js";

const fmtEta = (eta: number) => eta.toPrecision(3);

/**
 * Per step size: (1) after the crossing the median λ_max sits in the band around 2/η (edge of stability);
 * (2) the gradient flow from GD's own state before the crossing sharpens past the band (so GD, not the
 * landscape, holds λ_max at 2/η: the check can tell the two apart); (3) the loss decreases monotonically
 * before the crossing and rises at least once after it (GD's non-monotone loss at the edge).
 */
export function eosChecks(m: EosMeasurement, s: EosSettings): Check[] {
  const why =
    `at the edge GD's factor |1 − ηλ| along the top eigenvector must average 1, or the loss along it grows or ` +
    `decays geometrically; a band of ±${s.band} in λη/2 is |1 − ηλ| within 1 ± ${2 * s.band} per step`;
  return m.runs.flatMap((r) => {
    const flowEnd = r.flow.sharpness.length
      ? (r.flow.sharpness[r.flow.sharpness.length - 1] * r.eta) / 2
      : Number.NaN;
    const eta = fmtEta(r.eta);
    return [
      absoluteCheck(
        "EoS",
        `η = ${eta}: after λ_max first reaches 2/η, its median stays at 2/η (λη/2 = 1)`,
        1,
        r.medianRatio,
        s.band,
        why,
      ),
      {
        prediction: "EoS",
        statement: `η = ${eta}: the gradient flow from GD's state ${s.shadow} before the crossing sharpens past the band by ${s.shadow} after it`,
        predicted: `> ${1 + s.band}`,
        measured: flowEnd,
        tolerance: `λ_flow·η/2 > ${1 + s.band}`,
        basis:
          "progressive sharpening: the flow's λ_max keeps rising where GD's stops, so the band test is not passed by a flat landscape",
        pass: flowEnd > 1 + s.band,
      },
      {
        prediction: "EoS",
        statement: `η = ${eta}: the loss falls monotonically before the crossing and rises after it (records every ${s.every} steps)`,
        predicted: "0 rises before, ≥ 1 after",
        measured: `${r.risesBefore} before, ${r.risesAfter} after`,
        tolerance: "exact counts",
        basis: "GD below 2/η on a smooth loss descends (ηλ < 2); above it the top direction oscillates",
        pass: r.crossing > 0 && r.risesBefore === 0 && r.risesAfter >= 1,
      },
    ];
  });
}
