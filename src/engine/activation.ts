/** Hidden-layer nonlinearities. The output layer is always linear (a scalar logit). */
export type ActivationKind = "relu" | "leaky-relu" | "linear" | "tanh";

export const ACTIVATIONS: readonly ActivationKind[] = ["relu", "leaky-relu", "linear", "tanh"];

/** out[i] = φ(z[i]) for i < length. `slope` is the leaky-relu slope for z < 0. */
export function activate(
  kind: ActivationKind,
  z: Float64Array,
  out: Float64Array,
  length: number,
  slope: number,
): void {
  switch (kind) {
    case "relu":
      for (let i = 0; i < length; i++) out[i] = z[i] > 0 ? z[i] : 0;
      return;
    case "leaky-relu":
      for (let i = 0; i < length; i++) out[i] = z[i] > 0 ? z[i] : slope * z[i];
      return;
    case "tanh":
      for (let i = 0; i < length; i++) out[i] = Math.tanh(z[i]);
      return;
    case "linear":
      if (out !== z) out.set(z.subarray(0, length));
      return;
  }
}

/**
 * grad[i] *= φ'(z[i]), given pre-activations z and activations h = φ(z).
 * ReLU'(0) = 0 (the subgradient PyTorch uses), so a unit exactly at zero is dead.
 */
export function multiplyByDerivative(
  kind: ActivationKind,
  z: Float64Array,
  h: Float64Array,
  grad: Float64Array,
  length: number,
  slope: number,
): void {
  switch (kind) {
    case "relu":
      for (let i = 0; i < length; i++) if (!(z[i] > 0)) grad[i] = 0;
      return;
    case "leaky-relu":
      for (let i = 0; i < length; i++) if (!(z[i] > 0)) grad[i] *= slope;
      return;
    case "tanh":
      for (let i = 0; i < length; i++) grad[i] *= 1 - h[i] * h[i];
      return;
    case "linear":
      return;
  }
}
