/** C3's words: where the regions stop deciding fast (measured) and the summary paragraphs. */
import { formatNumber as fmt } from "../../figures/figure.js";
import type { Limit } from "../experiment.js";
import { BIG_LR, type C3Measurement } from "./measure.js";
import { BOX, C3_EPS, type C3Sizes, GRID_TIME } from "./settings.js";

/** Near the separatrix, a large step, a dense first layer, undecided deep chains. */
export function c3Limits({ separatrix, ceBig, hingeBig, dense, depths }: C3Measurement): Limit[] {
  const last = separatrix.deltas.length - 1;
  const limits: Limit[] = [
    {
      setting: `near the separatrix: starts at distance δ = ${separatrix.deltas[0]} … ${separatrix.deltas[last]} from b = −a`,
      deviation:
        `the regions still hold but the time to decide diverges like ln(1/δ): recover side ${fmt(separatrix.recover[0].simulated)} → ` +
        `${fmt(separatrix.recover[last].simulated)}, fail side ${fmt(separatrix.fail[0].simulated)} → ${fmt(separatrix.fail[last].simulated)} ` +
        `(gradient flow ${fmt(separatrix.recover[last].predicted)}; GD within ${fmt(100 * separatrix.maxRelativeError)}% of the flow)`,
    },
    {
      setting: `learning rate ${BIG_LR} (r = 1; GD multiplies a² − b² by 1 − η²c² per step, which changes sign once ηc > 1)`,
      deviation:
        `grid starts ending as predicted: cross-entropy ${fmt(100 * ceBig.accuracy)}%, hinge ${fmt(100 * hingeBig.accuracy)}% ` +
        `(${ceBig.mismatches.length + hingeBig.mismatches.length} mismatches, e.g. ${ceBig.mismatches
          .slice(0, 2)
          .map((m) => `(${fmt(m.a)}, ${fmt(m.b)}) predicted ${m.predicted}, ended ${m.simulated}`)
          .join("; ")})`,
    },
    {
      setting:
        "dense Gaussian first layer N(0, ε²) (20 units on 20 orthogonal points: every unit sees every point)",
      deviation: `final error ${fmt(dense.final)} instead of 1/4 or 5/8: a point fails only if every unit active on it fails`,
    },
  ];
  const deep = depths[depths.length - 1];
  if (deep.undecided > 0) {
    limits.push({
      setting: `depth ${deep.depth}, t = 30`,
      deviation: `${fmt(100 * deep.undecided)}% of the chains are still undecided (near ties |a_D| ≈ min a_l decide slowly)`,
    });
  }
  return limits;
}

/** The setting, the theory and what was run. */
export function c3Summary(sizes: C3Sizes): string[] {
  return [
    `Setting: one ReLU mode per orthogonal point (W₁ = diag(a), w₂ = b, r = 1, label +1). A ${sizes.grid}×${sizes.grid} grid ` +
      `of starts (a, b) ∈ [${BOX.amin}, ${BOX.amax}] × [${BOX.bmin}, ${BOX.bmax}] is simulated for t = ${GRID_TIME} (GD, lr = 0.02) ` +
      `under cross-entropy and hinge; each start is its own mode, so the whole grid runs together.`,
    `Theory (THEORY.md §4, P7): both losses move a mode along the hyperbolas a² − b² = const (the loss only sets the speed), ` +
      `so the fate is decided by the start: dead, correct, recovers (a > |b|) or fails (|b| > a: a reaches 0 first and the unit ` +
      `dies with the wrong sign). With random starts (ε = ${C3_EPS}, ${sizes.count} points each) a quarter of the points fail ` +
      `(half-normal a) or 5/8 (Gaussian a, dead units counted wrong). P9: for a wrong depth-D chain the conserved a_l² − a_k² ` +
      `make the smallest weight reach 0 first, so it recovers iff the output weight is the smallest: probability 1/D ` +
      `(${sizes.chains} random chains per depth, weights |N(0,1)|).`,
  ];
}
