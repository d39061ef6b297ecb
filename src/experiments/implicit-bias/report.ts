/** The implicit-bias study's words: the setting, the theory (quoted where published), what was run. */
import type { ImplicitBiasMeasurement } from "./measure.js";
import type { ImplicitBiasSettings } from "./settings.js";

export function implicitBiasSummary(m: ImplicitBiasMeasurement, s: ImplicitBiasSettings): string[] {
  const w = Array.from(m.svm.w, (v) => v.toPrecision(4)).join(", ");
  return [
    `Setting (Soudry, Hoffer, Nacson, Gunasekar & Srebro, JMLR 2018, arXiv 1710.10345): ${s.points} points N(0, I) in ${s.dims}-D, ` +
      `kept when at distance ≥ ${s.gap} from a random teacher's hyperplane through 0 and labelled by its side; a bias-free linear ` +
      `model wᵀx from w = 0, full-batch GD with η = ${s.lr} on the summed logistic loss Σ ln(1 + e^{−y wᵀx}) for ${s.steps} steps ` +
      `(t = η·step), and the same on the summed hinge loss.`,
    `Theory: the hard-margin SVM ŵ = argmin ‖w‖² s.t. y_i wᵀx_i ≥ 1 (exact QP, Goldfarb–Idnani via the quadprog package): ŵ = (${w}), ` +
      `margin 1/‖ŵ‖ = ${m.svm.margin.toPrecision(5)}, support vectors ${m.svm.support.join(", ")}. GD's iterate is w(t) = ŵ ln t + w̃ + o(1) ` +
      `with e^{−y_n x_nᵀw̃} = α_n on the support vectors, so the direction gap decays like 1/ln t and ℒ(t) ≈ ‖ŵ‖²/t. ` +
      `Quoted (literature.md, "[memory]"): "the direction converges to the hard-margin SVM at rate O(1/log t); the loss decays like O(1/t)". ` +
      `The prefactor ‖ŵ‖² = Σα_n and the curve with w̃ are ours, derived from the same asymptotics. Hinge loss has zero gradient once ` +
      `every margin is ≥ 1: GD stops at a feasible w, generally not the max-margin one.`,
    `2-layer ReLU net (the paper's, bias-free, ${s.relu.hidden} units, f = Σ b_j relu(a_jᵀx), entries N(0, ${s.relu.scale}²), η = ${s.relu.lr}, ` +
      `${s.relu.steps} steps, same data): positively homogeneous of degree 2, so Lyu & Li (ICLR 2020) predict that once ℒ < ln 2 the ` +
      `smoothed margin −ln(e^ℒ − 1)/‖θ‖² never decreases, and the normalized margin min q_i/‖θ‖² rises to the same limit.`,
  ];
}
