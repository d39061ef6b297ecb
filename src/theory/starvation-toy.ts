/**
 * Theory of the two-point linear toy (Pezeshki et al. 2021, §3, Fig. 6): cross-entropy Σ softplus(−ŷ_i)
 * on ŷ = φθ, plus either L2 on θ or spectral decoupling (SD) on ŷ. In the feature coordinates
 * z = Λ ⊙ (Vθ) the margins are m = Uz, so the L2 objective is Σ softplus(−(Uz)_i) + (λ/2)‖Λ⁻¹z‖²: its
 * minimum solves λ z = Λ² ⊙ Uᵀσ(−Uz), which couples z₂ to Λ₁ whenever U is not diagonal (a stronger
 * feature 1 starves feature 2). Under SD the penalty sits on the margins themselves, every margin goes to
 * the cap σ(−m) = c·m, and z* = Uᵀ(m*·1) does not depend on Λ at all (the decoupling).
 *
 * @module
 */
import { type TwoPointToy, toyCoordinates } from "../data/two-point-toy.js";
import { sigmoid } from "../math/logistic.js";
import { sdMarginCap } from "./spectral-decoupling.js";

/**
 * The penalty added to the summed cross-entropy. Both forms of SD are named because the authors' paper
 * and code differ: the paper writes (λ/2)·‖ŷ‖², the toy script adds λ·‖ŷ‖² (`0.1/C·(output**2).sum()`),
 * so the same λ pulls margins twice as hard in the code's form.
 */
export type ToyPenalty =
  /** (λ/2)·‖θ‖² (their script: 0.5/C·θᵀθ, λ = 1/C = 0.01). */
  | { kind: "l2"; lambda: number }
  /** SD as in the paper: (λ/2)·Σ ŷ_i². */
  | { kind: "sd-paper"; lambda: number }
  /** SD as in the authors' code: λ·Σ ŷ_i² (their toy: λ = 0.1/C = 0.001). */
  | { kind: "sd-code"; lambda: number };

/** A penalty's name for legends and reports. */
export function penaltyName(p: ToyPenalty): string {
  if (p.kind === "l2") return `L2 (λ/2)‖θ‖², λ = ${p.lambda}`;
  if (p.kind === "sd-paper") return `SD paper form (λ/2)‖ŷ‖², λ = ${p.lambda}`;
  return `SD code form λ‖ŷ‖², λ = ${p.lambda}`;
}

/** The SD margin coefficient c of σ(−m) = c·m: λ in the paper's form, 2λ in the code's. */
export function sdCoefficient(p: ToyPenalty): number {
  if (p.kind === "l2")
    throw new Error("sdCoefficient: an L2 penalty has no margin coefficient (use kind sd-paper or sd-code)");
  return p.kind === "sd-paper" ? p.lambda : 2 * p.lambda;
}

function checkPenalty(p: ToyPenalty): void {
  if (!(p.lambda > 0 && Number.isFinite(p.lambda)))
    throw new Error(`starvation toy: the penalty's lambda must be a finite number > 0, got ${p.lambda}`);
}

/** The minimiser z* of the regularised objective in feature coordinates (exact: Newton to 1e-14). */
export function toyFixedPoint(toy: TwoPointToy, p: ToyPenalty): [number, number] {
  checkPenalty(p);
  const U = toy.U;
  if (p.kind !== "l2") {
    const m = sdMarginCap(sdCoefficient(p));
    return toyCoordinates(toy, [m, m]);
  }
  const [l1, l2] = toy.strengths;
  const inv2 = [1 / (l1 * l1), 1 / (l2 * l2)];
  const objective = (z: number[]) => {
    const m0 = U[0] * z[0] + U[1] * z[1];
    const m1 = U[2] * z[0] + U[3] * z[1];
    return softplusNeg(m0) + softplusNeg(m1) + (p.lambda / 2) * (inv2[0] * z[0] ** 2 + inv2[1] * z[1] ** 2);
  };
  let z = [0, 0];
  for (let it = 0; it < 200; it++) {
    const m = [U[0] * z[0] + U[1] * z[1], U[2] * z[0] + U[3] * z[1]];
    const s = m.map((mi) => sigmoid(-mi));
    const w = s.map((si) => si * (1 - si));
    // gradient −Uᵀσ(−m) + λΛ⁻²z and Hessian Uᵀdiag(σ')U + λΛ⁻² (convex: a Newton step with halving converges)
    const g = [0, 1].map((j) => -(U[j] * s[0] + U[2 + j] * s[1]) + p.lambda * inv2[j] * z[j]);
    const h00 = U[0] * U[0] * w[0] + U[2] * U[2] * w[1] + p.lambda * inv2[0];
    const h01 = U[0] * U[1] * w[0] + U[2] * U[3] * w[1];
    const h11 = U[1] * U[1] * w[0] + U[3] * U[3] * w[1] + p.lambda * inv2[1];
    const det = h00 * h11 - h01 * h01;
    const step = [(h11 * g[0] - h01 * g[1]) / det, (h00 * g[1] - h01 * g[0]) / det];
    let t = 1;
    const f0 = objective(z);
    while (t > 1e-10 && objective([z[0] - t * step[0], z[1] - t * step[1]]) > f0) t /= 2;
    z = [z[0] - t * step[0], z[1] - t * step[1]];
    if (Math.hypot(step[0], step[1]) * t <= 1e-14 * (1 + Math.hypot(z[0], z[1]))) break;
  }
  return [z[0], z[1]];
}

const softplusNeg = (m: number) => (m > 0 ? Math.log1p(Math.exp(-m)) : -m + Math.log1p(Math.exp(m)));

/** Options of {@link toyGradientDescent}. */
export interface ToyGdOptions {
  /** Step size (their script: 0.05). Must keep η·Λ_max²/2 < 2 (checked) so GD does not diverge. */
  lr: number;
  /** Steps from θ = 0 (their script: 5000). */
  steps: number;
  /** Record z every this many steps (and at the last). Default: 300 steps spaced evenly in log(step). */
  every?: number;
}

/** A GD trajectory in feature coordinates. */
export interface ToyTrajectory {
  step: number[];
  z1: number[];
  z2: number[];
}

/** Full-batch gradient descent from θ = 0 on the summed cross-entropy plus the penalty, recorded as z. */
export function toyGradientDescent(toy: TwoPointToy, p: ToyPenalty, o: ToyGdOptions): ToyTrajectory {
  checkPenalty(p);
  if (!(o.lr > 0 && Number.isFinite(o.lr)))
    throw new Error(`toyGradientDescent: lr must be a finite number > 0, got ${o.lr}`);
  if (!(Number.isInteger(o.steps) && o.steps >= 1))
    throw new Error(`toyGradientDescent: steps must be an integer ≥ 1, got ${o.steps}`);
  const maxL = Math.max(...toy.strengths);
  // the data Hessian φᵀdiag(σ')φ is at most Λ_max²/4 (σ' ≤ ¼), the SD part adds 2c·Λ_max²
  const curv =
    maxL * maxL * (0.25 + (p.kind === "l2" ? 0 : 2 * sdCoefficient(p))) + (p.kind === "l2" ? p.lambda : 0);
  if (o.lr * curv >= 2)
    throw new Error(
      `toyGradientDescent: lr ${o.lr} is unstable for strength ${maxL} (η × curvature bound ${(o.lr * curv).toPrecision(3)} ≥ 2); use lr < ${(2 / curv).toPrecision(3)}`,
    );
  // a path in the plane needs its early steps (where it turns) as much as its late ones: log spacing
  const marks = new Set<number>();
  if (o.every === undefined) for (let i = 0; i <= 300; i++) marks.add(Math.round(o.steps ** (i / 300)));
  const keep = (k: number) => (o.every === undefined ? marks.has(k) : k % o.every === 0) || k === o.steps;
  const phi = toy.phi;
  const th = [0, 0];
  const out: ToyTrajectory = { step: [], z1: [], z2: [] };
  const record = (k: number) => {
    const y = [phi[0] * th[0] + phi[1] * th[1], phi[2] * th[0] + phi[3] * th[1]];
    const [z1, z2] = toyCoordinates(toy, y);
    out.step.push(k);
    out.z1.push(z1);
    out.z2.push(z2);
  };
  record(0);
  for (let k = 1; k <= o.steps; k++) {
    const y = [phi[0] * th[0] + phi[1] * th[1], phi[2] * th[0] + phi[3] * th[1]];
    // ∂/∂ŷ_i: −σ(−ŷ_i) (labels +1) plus the SD term c·ŷ_i·2/2·… written per form
    const dy = y.map(
      (yi) =>
        -sigmoid(-yi) + (p.kind === "l2" ? 0 : 2 * (p.kind === "sd-paper" ? p.lambda / 2 : p.lambda) * yi),
    );
    const g0 = phi[0] * dy[0] + phi[2] * dy[1] + (p.kind === "l2" ? p.lambda * th[0] : 0);
    const g1 = phi[1] * dy[0] + phi[3] * dy[1] + (p.kind === "l2" ? p.lambda * th[1] : 0);
    th[0] -= o.lr * g0;
    th[1] -= o.lr * g1;
    if (keep(k)) record(k);
  }
  return out;
}
