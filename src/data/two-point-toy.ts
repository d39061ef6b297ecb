/**
 * The two-point linear toy of Pezeshki et al. (NeurIPS 2021, §3 and Fig. 6; their `Figure_6/toy_fig_6.py`):
 * two points, both labelled +1, with 2-d features φ = U·diag(Λ)·V. U is a rotation (its sine `s` couples
 * the two features through the shared points), Λ holds the feature strengths and V is any rotation of the
 * parameter space (it changes θ but not z). The feature coordinates of a linear model ŷ = φθ are
 * z = Uᵀ(ŷ ⊙ y) = Λ ⊙ (Vθ): z_j is how much of feature j the model uses.
 */
import type { Dataset } from "./dataset.js";
import { checkNumber } from "./validate.js";

/** Options of {@link twoPointToy}. */
export interface TwoPointToyOptions {
  /** Strength Λ₁ of feature 1 (the paper sweeps 2…6). Number in (0, 1000]. */
  strength1: number;
  /** Strength Λ₂ of feature 2 (the paper: 2). Default 2; number in (0, 1000]. */
  strength2?: number;
  /** Sine of U's rotation angle: 0 decouples the features, the paper uses 0.5. Default 0.5; number in (−1, 1). */
  coupling?: number;
  /** Angle of V in radians (θ-space only: z and the losses do not depend on it). Default 0.7; any finite number. */
  vAngle?: number;
}

/** The toy's factors beside its data set. */
export interface TwoPointToy {
  /** The two points as a data set: rows of φ, labels +1. */
  data: Dataset;
  /** φ row-major 2 × 2. */
  phi: Float64Array;
  /** U row-major 2 × 2 (a rotation). */
  U: Float64Array;
  /** The strengths Λ. */
  strengths: [number, number];
  /** V row-major 2 × 2 (a rotation). */
  V: Float64Array;
}

const WHERE = "two-point toy";

const rotation = (sin: number, cos: number) => Float64Array.of(cos, -sin, sin, cos);

/** Builds φ = U·diag(Λ)·V with U = [[√(1−s²), −s], [s, √(1−s²)]] as in the authors' script. */
export function twoPointToy(o: TwoPointToyOptions): TwoPointToy {
  const l1 = checkNumber(WHERE, "strength1", o.strength1, 0, 1000, true);
  const l2 = checkNumber(WHERE, "strength2", o.strength2 ?? 2, 0, 1000, true);
  const s = checkNumber(WHERE, "coupling", o.coupling ?? 0.5, -1, 1, true);
  if (s === 1)
    throw new Error(`${WHERE}: coupling must be a number in (−1, 1) (the sine of U's angle), got 1`);
  const a = checkNumber(WHERE, "vAngle", o.vAngle ?? 0.7);
  const U = rotation(s, Math.sqrt(1 - s * s));
  const V = rotation(Math.sin(a), Math.cos(a));
  const lam = [l1, l2];
  const phi = new Float64Array(4);
  for (let i = 0; i < 2; i++)
    for (let j = 0; j < 2; j++) phi[i * 2 + j] = U[i * 2] * lam[0] * V[j] + U[i * 2 + 1] * lam[1] * V[2 + j];
  const data: Dataset = {
    name: `two-point toy(Λ=[${l1}, ${l2}], s=${s})`,
    n: 2,
    d: 2,
    x: phi.slice(),
    y: Float64Array.of(1, 1),
    meta: { strengths: [l1, l2], coupling: s },
    // φ's rows are Σ_j U_ij Λ_j v_j with v_j the rows of V: the input directions of the two features, so a
    // linear model's response f(v_j) = v_j·θ is z_j/Λ_j (the feature-responses probe measures it).
    features: { names: ["1", "2"], directions: V.slice() },
  };
  return { data, phi, U, strengths: [l1, l2], V };
}

/** The toy's feature coordinates z = Uᵀ(ŷ ⊙ y) of outputs ŷ (labels +1, so z = Uᵀŷ). */
export function toyCoordinates(toy: TwoPointToy, yhat: ArrayLike<number>): [number, number] {
  const U = toy.U;
  const m0 = yhat[0] * toy.data.y[0];
  const m1 = yhat[1] * toy.data.y[1];
  return [U[0] * m0 + U[2] * m1, U[1] * m0 + U[3] * m1];
}
