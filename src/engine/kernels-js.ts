/**
 * Plain-JavaScript reference versions of the elementwise kernels a backend may accelerate (bias add,
 * bias gradient, optimizer updates). Other backends must give the same bits: same operations, same
 * order, no fused multiply-add.
 */

/**
 * C (m × n) = Aᵀ · B with A stored k × m and B stored k × n (with `accumulate`, C += Aᵀ · B): each output
 * the left-to-right sum over k, so it equals transposing A and B and calling gemmABt, bit for bit.
 * A plain loop: the JS backend itself transposes and uses its blocked gemmABt, which is faster.
 */
export function gemmAtB(
  A: Float64Array,
  B: Float64Array,
  C: Float64Array,
  m: number,
  n: number,
  k: number,
  accumulate = false,
): void {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += A[p * m + i] * B[p * n + j];
      if (accumulate) C[i * n + j] += s;
      else C[i * n + j] = s;
    }
  }
}

/** M (rows × cols) += v on every row. */
export function addRowVector(M: Float64Array, v: Float64Array, rows: number, cols: number): void {
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    for (let j = 0; j < cols; j++) M[o + j] += v[j];
  }
}

/** out (cols) = column sums of M (rows × cols), each summed from 0 in row order. */
export function sumRows(M: Float64Array, rows: number, cols: number, out: Float64Array): void {
  out.fill(0, 0, cols);
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    for (let j = 0; j < cols; j++) out[j] += M[o + j];
  }
}

/** Plain gradient step with coupled weight decay: p −= lr · (g + wd · p). */
export function sgdStep(
  params: Float64Array,
  grad: Float64Array,
  length: number,
  lr: number,
  wd: number,
): void {
  for (let i = 0; i < length; i++) params[i] -= lr * (grad[i] + wd * params[i]);
}

/**
 * Heavy-ball (or Nesterov) momentum step as torch.optim.SGD: g' = g + wd·p; v = first ? g' : mu·buf + g';
 * buf = v; p −= lr · (nesterov ? g' + mu·v : v).
 */
export function momentumStep(
  params: Float64Array,
  grad: Float64Array,
  buf: Float64Array,
  length: number,
  lr: number,
  wd: number,
  mu: number,
  first: boolean,
  nesterov: boolean,
): void {
  for (let i = 0; i < length; i++) {
    const g = grad[i] + wd * params[i];
    const v = first ? g : mu * buf[i] + g;
    buf[i] = v;
    params[i] -= lr * (nesterov ? g + mu * v : v);
  }
}

/**
 * Adam step as torch.optim.Adam: g' = g + wd·p; m = β1·m + (1−β1)·g'; v = β2·v + (1−β2)·g'·g';
 * p −= (stepSize · m) / (√v / bc2Sqrt + eps), where stepSize = lr / (1 − β1^t), bc2Sqrt = √(1 − β2^t).
 */
export function adamStep(
  params: Float64Array,
  grad: Float64Array,
  m: Float64Array,
  v: Float64Array,
  length: number,
  beta1: number,
  beta2: number,
  stepSize: number,
  bc2Sqrt: number,
  eps: number,
  wd: number,
): void {
  const omb1 = 1 - beta1;
  const omb2 = 1 - beta2;
  for (let i = 0; i < length; i++) {
    const g = grad[i] + wd * params[i];
    const mi = (m[i] = beta1 * m[i] + omb1 * g);
    const vi = (v[i] = beta2 * v[i] + omb2 * g * g);
    params[i] -= (stepSize * mi) / (Math.sqrt(vi) / bc2Sqrt + eps);
  }
}
