/**
 * Spectral decoupling (THEORY.md §7; Pezeshki et al. 2021): cross-entropy plus (λ/2)·f² per point. A
 * point's loss `softplus(−m) + (λ/2) m²` is smallest where `σ(−m) = λ m`: every margin the network can
 * move freely is pulled to this cap `m*(λ)` instead of growing like ln t. In the diagonal model of C7 the
 * frequent feature A alone puts every point there, so u_B goes to 0 (the limit C7 reports).
 *
 * @module
 */

import { sigmoid } from "../math/logistic.js";

/**
 * The margin cap `m*(λ) > 0` solving `σ(−m) = λ m` (the fixed point of a summed or averaged SD objective,
 * for GD at any step size as well as for the flow: a stationary point does not depend on η). Decreasing
 * in λ: 0.401 at λ = 1, 1.634 at λ = 0.1, 3.359 at λ = 0.01 (→ ln(1/λ) − ln ln(1/λ) as λ → 0).
 */
export function sdMarginCap(lambda: number): number {
  if (!(lambda > 0 && Number.isFinite(lambda)))
    throw new Error(`sdMarginCap: λ must be a finite number > 0, got ${lambda}`);
  // g(m) = σ(−m) − λm falls from ½ at m = 0 to below 0 at m = 1/(2λ) (σ < ½ there): bisect.
  let lo = 0;
  let hi = 1 / (2 * lambda);
  for (let it = 0; it < 200 && hi - lo > 1e-15 * hi; it++) {
    const mid = 0.5 * (lo + hi);
    if (sigmoid(-mid) > lambda * mid) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}
