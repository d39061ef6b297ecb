import type { Rng } from "../engine/rng.js";
import type { Dataset } from "./dataset.js";
import type { MnistSet } from "./mnist-idx.js";
import { checkInt, checkNumber } from "./validate.js";

/**
 * Colored MNIST, built as in the IRM code (Arjovsky et al. 2019) that the Gradient Starvation paper reuses
 * (github.com/mpezeshki/Gradient_Starvation, `Figure_4_and_table_1/cmnist.py`, `make_environment`):
 *
 * 1. the first 50000 images of the MNIST training file are shuffled (per restart); environment 1 takes the
 *    even positions, environment 2 the odd ones (25000 each); the test environment is images 50000–59999;
 * 2. every image is reduced to 14 × 14 by keeping every second row and column (`[::2, ::2]`; an
 *    average-pooling variant is available);
 * 3. label = 1[digit < 5], flipped with probability 0.25 (so the shape predicts the label 75% of the time);
 * 4. colour = label, flipped with probability e (0.2 and 0.1 in training, 0.9 in test);
 * 5. the image goes into two channels and the channel `1 − colour` is zeroed; pixels / 255.
 *
 * Inputs are 392 = 2 × 14 × 14 numbers (channel 0 first), labels ±1 (+1 for "digit < 5" after noise).
 */
export interface ColoredMnistOptions {
  /** Images per training environment (≤ 25000; the paper uses 25000). Default 25000. */
  perEnvironment?: number;
  /** Images in the test environment (≤ 10000). Default 10000. */
  testSize?: number;
  /** Colour-flip probabilities of the two training environments. Default [0.2, 0.1]. */
  trainColorFlip?: readonly [number, number];
  /** Colour-flip probability of the test environment. Default 0.9. */
  testColorFlip?: number;
  /** Label-noise probability. Default 0.25. */
  labelNoise?: number;
  /** "stride" (every second pixel, as in the original code; default) or "average" (2 × 2 mean). */
  downsample?: "stride" | "average";
}

/** One environment: the data set plus what went into each point (for tests and diagnostics). */
export interface ColoredMnistEnvironment {
  data: Dataset;
  /** The digit of each image. */
  digit: Uint8Array;
  /** 1 when the label was flipped by the label noise. */
  labelFlipped: Uint8Array;
  /** The colour (0 or 1, the channel that carries the image). */
  color: Uint8Array;
  /** The colour-flip probability e of this environment. */
  colorFlip: number;
}

/** Two training environments and the test environment. */
export interface ColoredMnist {
  train: [ColoredMnistEnvironment, ColoredMnistEnvironment];
  test: ColoredMnistEnvironment;
}

const WHERE = "colored MNIST";
const SIDE = 14;
/** Input dimension: two colour channels of 14 × 14. */
export const COLORED_MNIST_DIM = 2 * SIDE * SIDE;

/** Builds the three environments from the MNIST training set (60000 images). Pure given `rng`. */
export function coloredMnist(mnist: MnistSet, options: ColoredMnistOptions, rng: Rng): ColoredMnist {
  if (mnist.n < 60000 || mnist.rows !== 28 || mnist.cols !== 28) {
    throw new Error(
      `${WHERE}: needs the 60000 × 28 × 28 MNIST training set, got ${mnist.n} × ${mnist.rows} × ${mnist.cols}`,
    );
  }
  const per = checkInt(WHERE, "perEnvironment", options.perEnvironment ?? 25000, 1, 25000);
  const testSize = checkInt(WHERE, "testSize", options.testSize ?? 10000, 1, 10000);
  const [e1, e2] = options.trainColorFlip ?? [0.2, 0.1];
  checkNumber(WHERE, "trainColorFlip[0]", e1, 0, 1);
  checkNumber(WHERE, "trainColorFlip[1]", e2, 0, 1);
  const eTest = checkNumber(WHERE, "testColorFlip", options.testColorFlip ?? 0.9, 0, 1);
  const noise = checkNumber(WHERE, "labelNoise", options.labelNoise ?? 0.25, 0, 1);
  const mode = options.downsample ?? "stride";
  if (mode !== "stride" && mode !== "average") {
    throw new Error(`${WHERE}: downsample must be "stride" or "average", got ${String(mode)}`);
  }
  const order = rng.fork("shuffle").shuffle(Array.from({ length: 50000 }, (_, i) => i));
  const even: number[] = [];
  const odd: number[] = [];
  for (let i = 0; i < per; i++) {
    even.push(order[2 * i]);
    odd.push(order[2 * i + 1]);
  }
  const testIdx = Array.from({ length: testSize }, (_, i) => 50000 + i);
  const make = (name: string, idx: number[], e: number) =>
    environment(mnist, idx, e, noise, mode, name, rng.fork(name));
  return {
    train: [make("env1", even, e1), make("env2", odd, e2)],
    test: make("test", testIdx, eTest),
  };
}

function environment(
  mnist: MnistSet,
  idx: readonly number[],
  e: number,
  noise: number,
  mode: "stride" | "average",
  name: string,
  rng: Rng,
): ColoredMnistEnvironment {
  const n = idx.length;
  const d = COLORED_MNIST_DIM;
  const x = new Float64Array(n * d);
  const y = new Float64Array(n);
  const digit = new Uint8Array(n);
  const labelFlipped = new Uint8Array(n);
  const color = new Uint8Array(n);
  const labelRng = rng.fork("label");
  const colorRng = rng.fork("color");
  const plane = SIDE * SIDE;
  for (let p = 0; p < n; p++) {
    const src = idx[p];
    digit[p] = mnist.labels[src];
    const flip = labelRng.uniform() < noise ? 1 : 0;
    const label = (digit[p] < 5 ? 1 : 0) ^ flip;
    const c = label ^ (colorRng.uniform() < e ? 1 : 0);
    labelFlipped[p] = flip;
    color[p] = c;
    y[p] = label === 1 ? 1 : -1;
    const img = src * 784;
    const out = p * d + c * plane;
    for (let r = 0; r < SIDE; r++) {
      for (let q = 0; q < SIDE; q++) {
        let v: number;
        if (mode === "stride") v = mnist.images[img + 2 * r * 28 + 2 * q];
        else {
          const a = img + 2 * r * 28 + 2 * q;
          v = (mnist.images[a] + mnist.images[a + 1] + mnist.images[a + 28] + mnist.images[a + 29]) / 4;
        }
        x[out + r * SIDE + q] = v / 255;
      }
    }
  }
  const data: Dataset = {
    name: `colored-mnist ${name} (n=${n}, colour flip ${e})`,
    n,
    d,
    x,
    y,
    meta: { colorFlip: e, labelNoise: noise },
  };
  return { data, digit, labelFlipped, color, colorFlip: e };
}

/** Concatenates data sets of the same dimension (the two training environments into one training set). */
export function concatDatasets(name: string, parts: readonly Dataset[]): Dataset {
  const d = parts[0].d;
  const n = parts.reduce((s, p) => s + p.n, 0);
  const x = new Float64Array(n * d);
  const y = new Float64Array(n);
  let at = 0;
  for (const p of parts) {
    if (p.d !== d) throw new Error(`concatDatasets: dimensions differ (${d} vs ${p.d} in "${p.name}")`);
    x.set(p.x, at * d);
    y.set(p.y, at);
    at += p.n;
  }
  return { name, n, d, x, y };
}
