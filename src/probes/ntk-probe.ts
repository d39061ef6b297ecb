import { dot, lanczosTop } from "../engine/lanczos.js";
import { type NtkOperator, ntkOperator } from "../engine/ntk.js";
import type { Probe, ProbeValues } from "./probe.js";
import { dueNow, secondOrderState } from "./second-order-state.js";

interface NtkScratch {
  op: NtkOperator;
  n: number;
  /** Last record's eigenvectors, to keep their signs continuous across records. */
  previous: Float64Array[] | null;
}

/**
 * `ntk`: the empirical NTK Gram matrix K = J Jᵀ over the first ntkPoints training points, its top
 * eigenvalues and the logits' coordinates along the top eigenvectors (uₖ · f: in the kernel regime the
 * residual's coordinate k decays like e^{−η λₖ t}). Eigenvector signs follow the previous record's (first
 * record: largest entry positive) so a coordinate's history is continuous.
 *
 * Records `ntkTop` (ntkTopK eigenvalues), `ntkTrace` (tr K = Σ‖∇f(xᵢ)‖²) and `ntkLogitCoords`.
 * Cost per measurement: one forward and one backward sweep plus, per layer, 2 products n × n × width
 * (ntk.ts), and Lanczos on the dense K (O(n²) per product); memory 8·n² bytes (n = 256: 0.5 MB; 3000: 72 MB).
 */
export const ntkProbe: Probe = {
  name: "ntk",
  fields: ["ntkTop", "ntkTrace", "ntkLogitCoords"],
  description: "empirical NTK on the first ntkPoints training points: ntkTop, ntkTrace, ntkLogitCoords",
  measure(ctx): ProbeValues {
    const state = secondOrderState(ctx);
    if (!dueNow(state, "ntk")) return {};
    const { options } = state;
    let s = state.scratch.get("ntk") as NtkScratch | undefined;
    if (!s) {
      const n = Math.min(options.ntkPoints, ctx.data.n);
      const op = ntkOperator(ctx.mlp, ctx.data.x.subarray(0, n * ctx.data.d), n, state.backend);
      s = { op, n, previous: null };
      state.scratch.set("ntk", s);
    }
    const { gram, size } = s.op.compute(ctx.params);
    const k = Math.min(options.ntkTopK, size);
    const r = lanczosTop(
      (v, out) => {
        for (let i = 0; i < size; i++) {
          let acc = 0;
          const row = i * size;
          for (let j = 0; j < size; j++) acc += gram[row + j] * v[j];
          out[i] = acc;
        }
      },
      size,
      { k, seed: options.seed, tolerance: 1e-10, basis: Math.max(2 * k + 10, 24) },
    );
    const vectors = (r.vectors as Float64Array[]).map((u, j) => orient(u, s.previous?.[j]));
    s.previous = vectors;
    let trace = 0;
    for (let i = 0; i < size; i++) trace += gram[i * size + i];
    const logits = ctx.logits.subarray(0, s.n);
    return {
      ntkTop: r.values,
      ntkTrace: trace,
      ntkLogitCoords: vectors.map((u) => dot(u, logits)),
    };
  },
};

/** u with the sign that agrees with `previous` (or, without it, makes u's largest entry positive). */
function orient(u: Float64Array, previous: Float64Array | undefined): Float64Array {
  let flip: boolean;
  if (previous) flip = dot(u, previous) < 0;
  else {
    let big = 0;
    for (let i = 0; i < u.length; i++) if (Math.abs(u[i]) > Math.abs(big)) big = u[i];
    flip = big < 0;
  }
  if (flip) for (let i = 0; i < u.length; i++) u[i] = -u[i];
  return u;
}
