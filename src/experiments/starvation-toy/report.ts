/** The starvation-toy study's words: the setting, the theory, what was run, the quoted result. */
import { penaltyName, sdCoefficient } from "../../theory/starvation-toy.js";
import type { ToyMeasurement } from "./measure.js";
import type { ToySettings } from "./settings.js";

export function toySummary(m: ToyMeasurement, s: ToySettings): string[] {
  const l2 = m.runs.filter((r) => r.penalty.kind === "l2");
  const z2s = l2.map((r) => `${r.fixedPoint[1].toFixed(3)} (Λ₁ = ${r.strength})`).join(", ");
  const caps = s.penalties
    .filter((p) => p.kind !== "l2")
    .map((p) => `${penaltyName(p)}: c = ${sdCoefficient(p)}`)
    .join("; ");
  return [
    `Setting (Pezeshki et al., NeurIPS 2021, §3 and Fig. 6; their Figure_6/toy_fig_6.py, our own code): two points labelled +1 with features φ = U·diag(Λ)·V, U a rotation with sine s = ${s.coupling}, Λ = [Λ₁, ${s.strength2}], Λ₁ ∈ {${s.strengths.join(", ")}}; a linear model ŷ = φθ from θ = 0, summed cross-entropy, full-batch GD with η = ${s.lr} for ${s.steps} steps (the script: 5000). The coordinates z = Uᵀ(ŷ ⊙ y) = Λ ⊙ Vθ say how much of each feature the model uses.`,
    `Theory: with L2 (λ/2)‖θ‖² the minimum solves λz = Λ² ⊙ Uᵀσ(−Uz), solved exactly by Newton; the margins m = Uz mix both features, so a larger Λ₁ changes z₂ (the fixed-point z₂: ${z2s}). With spectral decoupling the penalty acts on the margins, each goes to the cap σ(−m) = c·m and z* = Uᵀ(m*·1) whatever Λ is. The two SD forms are not the same objective at the same λ — the paper writes (λ/2)‖ŷ‖², the authors' script adds λ‖ŷ‖² (0.1/C with C = 100) — so their caps differ (${caps}).`,
    `Published (quoted from the authors' Fig. 6 and its script, via /work/shared/research/literature.md): "with L2 a larger l suppresses z₂; SD decouples them" — a qualitative statement, no numbers printed. Ours: the checks below, T2 gives the size of the suppression. With s < 0 the same theory predicts the opposite coupling (z₂ grows with Λ₁): starvationToyExperiment.runWith({ ...TOY_SETTINGS.default, coupling: -0.5 }) shows it.`,
  ];
}
