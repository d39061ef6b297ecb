/** The saxe study's words: the setting, the theory (quoted where it is the paper's), what was run. */
import type { SaxeMeasurement } from "./measure.js";
import type { SaxeSettings } from "./settings.js";

export function saxeSummary(m: SaxeMeasurement, s: SaxeSettings): string[] {
  const t = s.tree;
  return [
    `Setting (Saxe, McClelland & Ganguli, ICLR 2014, arXiv 1312.6120): deep linear nets y = W_D⋯W_1 x, D = ${s.depths.join(", ")} ` +
      `weight matrices, hidden width ${s.hidden}, squared loss ½·mean ‖y − Wx‖², whitened inputs (Σ_xx = I exactly), ` +
      `targets with Σ_yx = U·diag(${s.singularValues.join(", ")})·Vᵀ (${s.inputs} inputs, ${s.outputs} outputs, random singular vectors), ` +
      `full-batch GD with η = ${s.lr}, time t = η·step (τ = 1).`,
    `Theory: from the decoupled balanced start (each layer a0 = ${s.a0} times an orthonormal map of the modes, so u0 = a0^D) each ` +
      `mode's strength u_α = u_αᵀWv_α obeys τu' = D u^{2−2/D}(s − u): for D = 2 the sigmoid u(t) = s/(1 + (s/u0 − 1)e^{−2st/τ}) and ` +
      `t½ = (τ/2s)·ln(s/u0 − 1), ∝ 1/s with prefactor τ/2. Quoted (literature.md, from Saxe et al. 2014, "[memory: check the ` +
      `equation numbers]"): "u(t) = s·e^{2st/τ}/(e^{2st/τ} − 1 + s/u₀); learning time t ≈ (τ/2s)·ln(u_f(s−u₀)/(u₀(s−u_f)))" — the same ` +
      `formula as ours at u_f = s/2. For D > 2 the time is dominated by τ/((D − 2) s u0^{1−2/D}): still ∝ 1/s, slower by a power of u0.`,
    `Hierarchy (Saxe, McClelland & Ganguli, PNAS 2019, arXiv 1810.10531): ${t.branching ** t.depth} items at the leaves of a ` +
      `${t.branching}-ary tree of depth ${t.depth}, one property per node (${m.tree.multiplicity.reduce((a, b) => a + b, 0)} non-zero modes), one-hot inputs. ` +
      `The singular values of Σ_yx come one per level: ${m.tree.levelValues.map((v) => v.toPrecision(4)).join(", ")} ` +
      `(multiplicities ${m.tree.multiplicity.join(", ")}), so the net differentiates the root split first and the leaves last; ` +
      `stage times are the Saxe times of those values. Run from the decoupled start (checked against the times) and from a random ` +
      `start (entries N(0, ${s.randomScale}²): order checked, times as limits, with the theory restarted where each level reaches 5 % of s).`,
    `Contrast with the paper (C1/C2): the bias-free ReLU mode of one point of norm r under cross-entropy has margin m = r·a² with ` +
      `m' = 2rm·σ(−m) (P5): from the same start it rises like e^{rt} (σ(0) = ½), half the rate of the linear mode's e^{2st} ` +
      `at s = r, and it never saturates: m grows like ln t where u stops at s. That is the paper's "extending existing results from the linear case".`,
  ];
}
