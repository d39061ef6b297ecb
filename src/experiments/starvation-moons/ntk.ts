/**
 * The empirical neural tangent kernel of a scalar-output MLP on a data set, K_ij = ∇_θ f(x_i) · ∇_θ f(x_j),
 * from per-example parameter gradients (one backward pass per point with ∂L/∂f = 1), and the symmetric
 * eigen-decomposition that gives its singular vectors (K is symmetric positive semi-definite, so its left
 * singular vectors are its eigenvectors). Gradient Starvation (Pezeshki et al. 2021, Fig. 2) reads the
 * network's "features" as the responses z_k = u_kᵀ f along these vectors.
 */
import type { Backend } from "../../engine/backend.js";
import { jsBackend } from "../../engine/backend-js.js";
import type { Mlp } from "../../engine/mlp.js";
import { backward, forward } from "../../engine/propagate.js";
import { createWorkspace } from "../../engine/workspace.js";

/** The n × n NTK Gram matrix (row-major) of `mlp` at its current parameters on the n × d inputs `x`. */
export function ntkGram(mlp: Mlp, x: Float64Array, n: number, backend: Backend = jsBackend): Float64Array {
  const d = mlp.spec.inputDim;
  const P = mlp.size;
  const J = new Float64Array(n * P);
  const ws = createWorkspace(mlp, 1, backend);
  const g = backend.alloc(P);
  for (let i = 0; i < n; i++) {
    const xi = x.subarray(i * d, (i + 1) * d);
    forward(mlp, mlp.params, xi, 1, ws, backend);
    ws.dLogits[0] = 1;
    backward(mlp, mlp.params, xi, 1, ws, backend, g);
    J.set(g, i * P);
  }
  const K = new Float64Array(n * n);
  backend.gemmABt(J, J, K, n, n, P);
  return K;
}

/** Eigenvalues (descending) and the matching unit eigenvectors (`vectors[k]` has length n). */
export interface SymmetricEigen {
  values: number[];
  vectors: Float64Array[];
}

/**
 * Eigen-decomposition of a symmetric n × n matrix (row-major) by cyclic Jacobi rotations, to
 * off-diagonal norm ≤ tol · Frobenius norm. O(n³) per sweep; n = 300 takes about a second.
 */
export function symmetricEigen(matrix: Float64Array, n: number, tol = 1e-12, maxSweeps = 60): SymmetricEigen {
  const A = Float64Array.from(matrix);
  const V = new Float64Array(n * n);
  for (let i = 0; i < n; i++) V[i * n + i] = 1;
  let frob = 0;
  for (let i = 0; i < n * n; i++) frob += A[i] * A[i];
  const target = tol * tol * frob;
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += 2 * A[p * n + q] * A[p * n + q];
    if (off <= target) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = A[p * n + q];
        if (Math.abs(apq) < 1e-300) continue;
        const app = A[p * n + p];
        const aqq = A[q * n + q];
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        // A ← Jᵀ A J on rows/columns p and q.
        for (let k = 0; k < n; k++) {
          const akp = A[k * n + p];
          const akq = A[k * n + q];
          A[k * n + p] = c * akp - s * akq;
          A[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = A[p * n + k];
          const aqk = A[q * n + k];
          A[p * n + k] = c * apk - s * aqk;
          A[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = V[k * n + p];
          const vkq = V[k * n + q];
          V[k * n + p] = c * vkp - s * vkq;
          V[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => A[b * n + b] - A[a * n + a]);
  return {
    values: order.map((i) => A[i * n + i]),
    vectors: order.map((i) => {
      const v = new Float64Array(n);
      for (let k = 0; k < n; k++) v[k] = V[k * n + i];
      return v;
    }),
  };
}

/** z_k = |u_kᵀ f| for each given eigenvector u_k: the response of the logits along each NTK direction. */
export function ntkResponses(vectors: readonly Float64Array[], logits: ArrayLike<number>): number[] {
  return vectors.map((u) => {
    let s = 0;
    for (let i = 0; i < u.length; i++) s += u[i] * logits[i];
    return Math.abs(s);
  });
}
