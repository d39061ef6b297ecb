import { parseRunConfig } from "../../src/config/validate.js";
import { Rng } from "../../src/engine/rng.js";
import { symmetricEigen } from "../../src/engine/symmetric-eigen.js";
import { runTraining } from "../../src/train/run.js";

/**
 * A linear model f(x) = w·x with squared loss summed over points: its Hessian is XᵀX whatever w is, and
 * its NTK is X Xᵀ: closed forms the second-order probes must reproduce.
 */
export function linearRegressionRun(probes: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const rng = new Rng(3);
  const n = 12;
  const d = 5;
  const x = Array.from({ length: n }, () => Array.from({ length: d }, () => rng.normal()));
  const y = x.map((_, i) => (i % 3 === 0 ? -1 : 1));
  const config = parseRunConfig({
    data: { kind: "inline", x, y },
    model: { hidden: [], bias: false },
    loss: { kind: "squared" },
    optimizer: { kind: "gd", lr: 0.01 },
    train: { steps: 20 },
    probes: { schedule: { kind: "every", every: 5 }, ...probes },
    ...extra,
  });
  return { result: runTraining(config), x, n, d };
}

/** Eigenvalues (descending) of XᵀX (d × d) or, with `gram`, of X Xᵀ (n × n). */
export function closedFormSpectrum(x: number[][], gram = false): number[] {
  const n = x.length;
  const d = x[0].length;
  const m = gram ? n : d;
  const A = new Float64Array(m * m);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < m; j++) {
      let s = 0;
      if (gram) for (let k = 0; k < d; k++) s += x[i][k] * x[j][k];
      else for (let k = 0; k < n; k++) s += x[k][i] * x[k][j];
      A[i * m + j] = s;
    }
  return symmetricEigen(A, m).values;
}
