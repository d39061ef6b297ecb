import type { Rng } from "../engine/rng.js";
import type { DataBundle, Dataset } from "./dataset.js";
import { checkInt, checkNumber } from "./validate.js";

/** Options of {@link twoMoons}: the two-moons set of Pezeshki et al. (NeurIPS 2021), Fig. 1 and 3. */
export interface TwoMoonsOptions {
  /** Number of training points (⌊n/2⌋ on the outer moon, the rest on the inner one). Default 300; integer in [2, 100000]. */
  n?: number;
  /** Standard deviation of the Gaussian noise added to both coordinates (sklearn's `noise`). Default 0.1; number in [0, 10]. */
  noise?: number;
  /**
   * Margin Δ along the first axis: every point satisfies −y·x₁ ≥ Δ (before rotation), so the line x₁ = 0
   * separates the classes with a gap 2Δ. Negative Δ makes the classes overlap by |Δ| on each side
   * (the paper's "Δ = −0.1" panel). Default 0.1; number in [−10, 10].
   */
  margin?: number;
  /**
   * Rotation of the whole set in degrees, applied as in the original (`X @ R` with R the usual rotation
   * matrix, which turns points clockwise); the paper's "45 deg rotation" panel. Default 0; number in [−360, 360].
   */
  rotation?: number;
  /** Points in the test set `"test"` (a fresh draw). Default n; integer in [2, 100000]. */
  nTest?: number;
}

const WHERE = "moons data";
const MAX_N = 100000;

/**
 * Two moons with a margin, built exactly as in the Gradient Starvation code
 * (github.com/mpezeshki/Gradient_Starvation, `Figure_1/moon_fig_1.py`, `two_moons_dataset`):
 *
 * 1. sklearn `make_moons(n, noise)`: outer moon (cos t, sin t), inner moon (1 − cos t, 1 − sin t − ½),
 *    t = linspace(0, π) per moon, shuffled, plus N(0, noise²) on both coordinates; label ±1 = 2·moon − 1
 *    (outer moon −1, inner moon +1);
 * 2. shift: x₁ −= ½, x₂ −= 0.3·y, then center x₂ over the set;
 * 3. reflect: x₂ ← x₂ · sign(−x₂·y), which folds every point onto its class's side (label +1 at x₂ ≤ 0);
 * 4. push apart: x₂ −= y·Δ, so −y·x₂ ≥ Δ for every point;
 * 5. swap the two coordinates (the paper's "rotate by 90°"), so the margin is along the first axis, and
 *    optionally rotate by `rotation` degrees (clockwise, `X @ R`).
 *
 * Labels +1 sit at x₁ ≤ −Δ and −1 at x₁ ≥ Δ. `meta.realizedMargin` = min_i −y_i x_i1 (before rotation)
 * and `meta.marginDirection` the unit normal w (after rotation) such that y·(w·x) ≥ realizedMargin.
 */
export function twoMoons(options: TwoMoonsOptions, rng: Rng): DataBundle {
  const n = checkInt(WHERE, "n", options.n ?? 300, 2, MAX_N);
  const noise = checkNumber(WHERE, "noise", options.noise ?? 0.1, 0, 10);
  const margin = checkNumber(WHERE, "margin", options.margin ?? 0.1, -10, 10);
  const rotation = checkNumber(WHERE, "rotation", options.rotation ?? 0, -360, 360);
  const nTest = checkInt(WHERE, "nTest", options.nTest ?? n, 2, MAX_N);
  const params = { noise, margin, rotation };
  const name = `moons(n=${n},noise=${noise},margin=${margin}${rotation ? `,rotation=${rotation}` : ""})`;
  return {
    train: draw(params, name, n, rng.fork("train")),
    tests: { test: draw(params, "test", nTest, rng.fork("test")) },
  };
}

function linspace(a: number, b: number, count: number): number[] {
  if (count === 1) return [a];
  return Array.from({ length: count }, (_, i) => a + ((b - a) * i) / (count - 1));
}

function draw(
  p: { noise: number; margin: number; rotation: number },
  name: string,
  n: number,
  rng: Rng,
): Dataset {
  // 1. make_moons
  const nOut = Math.floor(n / 2);
  const nIn = n - nOut;
  const px: number[] = [];
  const py: number[] = [];
  const lab: number[] = [];
  for (const t of linspace(0, Math.PI, nOut)) {
    px.push(Math.cos(t));
    py.push(Math.sin(t));
    lab.push(-1);
  }
  for (const t of linspace(0, Math.PI, nIn)) {
    px.push(1 - Math.cos(t));
    py.push(1 - Math.sin(t) - 0.5);
    lab.push(1);
  }
  const order = rng.fork("shuffle").shuffle(Array.from({ length: n }, (_, i) => i));
  const noiseRng = rng.fork("noise");
  const x = new Float64Array(n * 2);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const src = order[i];
    y[i] = lab[src];
    x[2 * i] = px[src] + p.noise * noiseRng.normal();
    x[2 * i + 1] = py[src] + p.noise * noiseRng.normal();
  }
  // 2. shift and center the second coordinate
  let mean = 0;
  for (let i = 0; i < n; i++) {
    x[2 * i] -= 0.5;
    x[2 * i + 1] -= 0.3 * y[i];
    mean += x[2 * i + 1];
  }
  mean /= n;
  let realized = Infinity;
  for (let i = 0; i < n; i++) {
    let v = x[2 * i + 1] - mean;
    // 3. reflect onto the class's side (np.sign(0) = 0, as in the original), 4. push apart by Δ
    v = v * Math.sign(-v * y[i]) - y[i] * p.margin;
    // 5. swap coordinates
    x[2 * i + 1] = x[2 * i];
    x[2 * i] = v;
    realized = Math.min(realized, -y[i] * v);
  }
  const w = [-1, 0];
  if (p.rotation !== 0) {
    // X · R with R = [[c, −s], [s, c]], as in the original (row vectors times R).
    const th = (p.rotation * Math.PI) / 180;
    const c = Math.cos(th);
    const s = Math.sin(th);
    for (let i = 0; i < n; i++) {
      const a = x[2 * i];
      const b = x[2 * i + 1];
      x[2 * i] = a * c + b * s;
      x[2 * i + 1] = -a * s + b * c;
    }
    const [wa, wb] = w;
    w[0] = wa * c + wb * s;
    w[1] = -wa * s + wb * c;
  }
  return { name, n, d: 2, x, y, meta: { realizedMargin: realized, marginDirection: w } };
}
