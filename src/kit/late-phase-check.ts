/**
 * The check of a mode's late phase (THEORY.md §4, P5): a margin that grows like ln(2rt) + ln ln(2rt),
 * within the size of the asymptote's next-order term. Shared by the claims that run modes to late times
 * (C2 for cross-entropy, C6 for the hinge/CE comparison).
 */
import type { Check } from "../experiments/experiment.js";
import { formatNumber as fmt } from "../figures/figure.js";

/**
 * One check over all modes: the margin at tEnd against the late asymptote ln(2rt) + ln ln(2rt), each within
 * ln L / L² (L = ln 2rt), the size of the asymptote's next-order term; reports the worst mode.
 */
export function lateCheck(
  prediction: string,
  modes: readonly { r: number; measured: number; predicted: number }[],
  tEnd: number,
  what = "",
): Check {
  const rows = modes.map((m) => {
    const L = Math.log(2 * m.r * tEnd);
    return { ...m, rel: Math.abs(m.measured - m.predicted) / m.measured, tol: Math.log(L) / (L * L) };
  });
  const worstRow = rows.reduce((p, q) => (q.rel / q.tol > p.rel / p.tol ? q : p));
  return {
    prediction,
    statement:
      `${what}late phase: m(${fmt(tEnd)}) ≈ ln(2rt) + ln ln(2rt) for every ‖x‖ ∈ {${modes.map((m) => m.r).join(", ")}} ` +
      `(worst: ‖x‖ = ${worstRow.r})`,
    predicted: worstRow.predicted,
    measured: worstRow.measured,
    tolerance:
      `each relative error ≤ ln L / L² (next order of the asymptote, L = ln 2rt; ${fmt(worstRow.tol, 2)} for the worst); ` +
      `relative errors ${rows.map((x) => fmt(x.rel, 2)).join(", ")}`,
    basis:
      "asymptotics: ln(2rt) + ln ln(2rt) is the first two terms of the late margin's expansion; the next term is of relative size ln L / L² (L = ln 2rt), so a correct run lands within it and a wrong rate (a factor in r or t) moves ln(2rt) by more",
    pass: rows.every((x) => x.rel <= x.tol),
  };
}
