import { absoluteCheck } from "../../kit/checks.js";
import type { Check } from "../experiment.js";
import type { EosCaseResult, EosRun } from "./measure.js";
import type { EosCase, EosSettings } from "./settings.js";

const fmtEta = (eta: number) => eta.toPrecision(3);
const f3 = (v: number) => v.toFixed(3);

/** λ_max·η/2 of the flow at its last sharpness record (NaN without one). */
export function flowEndRatio(r: EosRun): number {
  const s = r.flow.sharpness;
  return s.length ? (s[s.length - 1] * r.eta) / 2 : Number.NaN;
}

/** (1) After the crossing the median λ_max·η/2 over the edge window lies in 1 ± b. */
function bandCheck(name: string, r: EosRun, c: EosCase): Check {
  const [q25, q75] = r.windowQuartiles;
  const window =
    c.lossFraction === undefined
      ? "every record after the crossing"
      : `the records after the crossing while the loss is above ${c.lossFraction} × its value at the crossing (${r.windowEnd - Math.max(r.crossing, 0)} records; over all ${r.loss.length - Math.max(r.crossing, 0)} records after it the median is ${f3(r.medianAllAfter)}: under cross-entropy λ_max falls again as the loss → 0, Cohen et al. §3.2 and Appendix, so the late records are not at the edge and are left out)`;
  const basis =
    `the band ±${c.band} is chosen, not derived: Cohen et al. report that λ_max "hovers just above 2/η" with no ` +
    `numeric spread; it is narrower than the flow shadow's overshoot (next check), so a landscape that stopped ` +
    `sharpening by itself near 2/η is not what passes. Measured spread of λ_max·η/2 in the window: quartiles ` +
    `${f3(q25)}–${f3(q75)}. Window: ${window}`;
  const check = absoluteCheck(
    "EoS",
    `${name}, η = ${fmtEta(r.eta)}: after λ_max first reaches 2/η, its median stays at 2/η (λη/2 = 1)`,
    1,
    r.medianRatio,
    c.band,
    basis,
  );
  if (!check.pass && r.crossing >= 0 && r.medianRatio > 1 + c.band)
    check.finding =
      `λ_max overshoots 2/η and stays above the band: median λη/2 ${f3(r.medianRatio)}, quartiles ${f3(q25)}–${f3(q75)} ` +
      `in the window; GD still self-stabilizes (the flow from the same init reaches ${f3(flowEndRatio(r))}), but at this ` +
      `η the edge sits ${Math.round((r.medianRatio - 1) * 100)}% above 2/η, not at it`;
  return check;
}

/** (2) The flow from the same init sharpens past the band by `shadow` after GD's crossing. */
function flowCheck(name: string, r: EosRun, c: EosCase): Check {
  const flowEnd = flowEndRatio(r);
  return {
    prediction: "EoS",
    statement: `${name}, η = ${fmtEta(r.eta)}: the gradient flow from the same init sharpens past the band by ${c.shadow} (flow time) after GD's crossing`,
    predicted: `> ${1 + c.band}`,
    measured: flowEnd,
    tolerance: `λ_flow·η/2 > ${1 + c.band}`,
    basis:
      "progressive sharpening: the flow's λ_max keeps rising where GD's stops, so the band test is not passed by a flat landscape",
    pass: flowEnd > 1 + c.band,
  };
}

/** (3) GD follows the flow until the crossing and leaves it within the shadow window after it. */
function departureCheck(name: string, r: EosRun, c: EosCase): Check {
  const before = r.crossing > 0 ? Math.max(...r.flow.distance.slice(0, r.crossing)) : Number.NaN;
  const dep = r.departure;
  const measured =
    dep < 0
      ? `max ${f3(before)} before the crossing; never above ${c.departure} in the shadow`
      : `max ${f3(before)} before the crossing (t = ${r.t[r.crossing].toPrecision(4)}); above ${c.departure} from t = ${r.t[dep].toPrecision(4)}`;
  const pass = r.crossing > 0 && before <= c.departure && dep >= r.crossing;
  const last = r.flow.distance[r.flow.distance.length - 1];
  const finding =
    !pass && r.crossing > 0 && before <= c.departure && dep < 0
      ? `GD stays close to the flow through the shadow window: relative distance ${f3(last)} at its end, below the threshold ${c.departure}, although λ_max sits at 2/η and the flow's λ_max reaches ${f3(flowEndRatio(r))}×2/η; the oscillation along the top eigenvector is small against how far the parameters travel`
      : undefined;
  return {
    ...(finding ? { finding } : {}),
    prediction: "EoS",
    statement: `${name}, η = ${fmtEta(r.eta)}: GD tracks the gradient flow (‖θ_GD − θ_GF‖ ≤ ${c.departure}·‖θ_GF − θ_0‖) until λ_max reaches 2/η and departs from it within ${c.shadow} (flow time) after`,
    predicted: `≤ ${c.departure} before the crossing, > ${c.departure} after it`,
    measured,
    tolerance: `threshold ${c.departure} (chosen)`,
    basis:
      "below 2/η every direction of GD is stable and GD is the flow up to O(η) per unit time; at the edge GD oscillates along the top eigenvector and self-stabilizes, which the flow does not (Cohen et al. §3, Appendix: GD vs gradient flow)",
    pass,
  };
}

/** (4) The loss decreases monotonically before the crossing and rises at least once after it. */
function lossCheck(name: string, r: EosRun): Check {
  return {
    prediction: "EoS",
    statement: `${name}, η = ${fmtEta(r.eta)}: the loss falls monotonically before the crossing and rises after it (every step)`,
    predicted: "0 rises before, ≥ 1 after",
    measured: `${r.risesBefore} before, ${r.risesAfter} after`,
    tolerance: "exact counts",
    basis: "GD below 2/η on a smooth loss descends (ηλ < 2); above it the top direction oscillates",
    pass: r.crossing > 0 && r.risesBefore === 0 && r.risesAfter >= 1,
  };
}

/** Per workload and step size: the band, the flow's overshoot, the departure, the non-monotone loss. */
export function eosChecks(cases: EosCaseResult[], s: EosSettings): Check[] {
  return cases.flatMap((cr, i) =>
    cr.runs.flatMap((r) => [
      bandCheck(cr.name, r, s.cases[i]),
      flowCheck(cr.name, r, s.cases[i]),
      departureCheck(cr.name, r, s.cases[i]),
      lossCheck(cr.name, r),
    ]),
  );
}
