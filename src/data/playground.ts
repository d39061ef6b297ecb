import type { Rng } from "../engine/rng.js";
import type { DataBundle, Dataset } from "./dataset.js";
import { checkInt, checkNumber, checkOneOf } from "./validate.js";

/** The TensorFlow Playground classification sets. */
export type PlaygroundSet = "circle" | "xor" | "gauss" | "spiral";

/** The playground set names, for validation and help text. */
export const PLAYGROUND_SETS: readonly PlaygroundSet[] = ["circle", "xor", "gauss", "spiral"];

/** Options of {@link playground}. */
export interface PlaygroundOptions {
  /** Which set: `"circle"`, `"xor"`, `"gauss"` or `"spiral"`. Default `"circle"`. */
  set?: PlaygroundSet;
  /** Number of training points. Default 250 (half of playground's 500); integer in [1, 100000]. */
  n?: number;
  /** Number of test points (`tests.test`). Default 250; integer in [1, 100000]. */
  nTest?: number;
  /**
   * Playground's noise level: the UI's "Noise" slider divided by 100, so 0 to 0.5. Its meaning per set follows
   * playground: circle and xor use it to jitter the point that decides the label (labels near the boundary
   * flip; the stored point is not moved), spiral jitters the points, gauss widens the blobs (variance
   * 0.5 + 7·noise). Default 0; number in [0, 0.5].
   */
  noise?: number;
}

const WHERE = "playground data";
const MAX_N = 100000;

type Point = [x: number, y: number, label: number];

/**
 * The TensorFlow Playground 2-D classification sets, following playground's `src/dataset.ts`
 * (`classifyCircleData`, `classifyXORData`, `classifyTwoGaussData`, `classifySpiralData`) with our seeded
 * rng in place of `Math.random`. As in playground, one pool of n + nTest points is generated, shuffled
 * and split (train first). One deviation: for an odd pool size playground makes one point too many
 * (it loops `i < N/2` per class); here class +1 gets ⌈N/2⌉ and class −1 ⌊N/2⌋ points, exactly N in all,
 * and the spiral's step uses the class size in place of N/2.
 */
export function playground(options: PlaygroundOptions, rng: Rng): DataBundle {
  const set = checkOneOf(WHERE, "set", options.set ?? "circle", PLAYGROUND_SETS);
  const n = checkInt(WHERE, "n", options.n ?? 250, 1, MAX_N);
  const nTest = checkInt(WHERE, "nTest", options.nTest ?? 250, 1, MAX_N);
  const noise = checkNumber(WHERE, "noise", options.noise ?? 0, 0, 0.5);
  const total = n + nTest;
  const gen = rng.fork(`generate:${set}`);
  const points = GENERATORS[set](total, noise, gen);
  rng.fork("shuffle").shuffle(points);
  return {
    train: toDataset(`playground(${set},n=${n},noise=${noise})`, points.slice(0, n)),
    tests: { test: toDataset("test", points.slice(n)) },
  };
}

function toDataset(name: string, points: Point[]): Dataset {
  const n = points.length;
  const x = new Float64Array(2 * n);
  const y = new Float64Array(n);
  points.forEach(([a, b, label], i) => {
    x[2 * i] = a;
    x[2 * i + 1] = b;
    y[i] = label;
  });
  return { name, n, d: 2, x, y };
}

function uniformIn(rng: Rng, a: number, b: number): number {
  return rng.uniform() * (b - a) + a;
}

/** Class sizes: +1 gets ⌈N/2⌉, −1 gets ⌊N/2⌋. */
function halves(total: number): [pos: number, neg: number] {
  return [Math.ceil(total / 2), Math.floor(total / 2)];
}

const GENERATORS: Record<PlaygroundSet, (total: number, noise: number, rng: Rng) => Point[]> = {
  circle(total, noise, rng) {
    const radius = 5;
    const points: Point[] = [];
    const label = (x: number, y: number) => (Math.sqrt(x * x + y * y) < radius * 0.5 ? 1 : -1);
    const [pos, neg] = halves(total);
    const ring = (count: number, rMin: number, rMax: number) => {
      for (let i = 0; i < count; i++) {
        const r = uniformIn(rng, rMin, rMax);
        const angle = uniformIn(rng, 0, 2 * Math.PI);
        const x = r * Math.sin(angle);
        const y = r * Math.cos(angle);
        const noiseX = uniformIn(rng, -radius, radius) * noise;
        const noiseY = uniformIn(rng, -radius, radius) * noise;
        points.push([x, y, label(x + noiseX, y + noiseY)]);
      }
    };
    ring(pos, 0, radius * 0.5); // positives inside the circle
    ring(neg, radius * 0.7, radius); // negatives outside
    return points;
  },

  xor(total, noise, rng) {
    const points: Point[] = [];
    const padding = 0.3;
    for (let i = 0; i < total; i++) {
      let x = uniformIn(rng, -5, 5);
      x += x > 0 ? padding : -padding;
      let y = uniformIn(rng, -5, 5);
      y += y > 0 ? padding : -padding;
      const noiseX = uniformIn(rng, -5, 5) * noise;
      const noiseY = uniformIn(rng, -5, 5) * noise;
      points.push([x, y, (x + noiseX) * (y + noiseY) >= 0 ? 1 : -1]);
    }
    return points;
  },

  gauss(total, noise, rng) {
    // d3.scale.linear().domain([0, 0.5]).range([0.5, 4]) applied to noise.
    const variance = 0.5 + (noise / 0.5) * 3.5;
    const sd = Math.sqrt(variance);
    const points: Point[] = [];
    const [pos, neg] = halves(total);
    const blob = (count: number, cx: number, cy: number, label: number) => {
      for (let i = 0; i < count; i++) points.push([cx + sd * rng.normal(), cy + sd * rng.normal(), label]);
    };
    blob(pos, 2, 2, 1);
    blob(neg, -2, -2, -1);
    return points;
  },

  spiral(total, noise, rng) {
    const points: Point[] = [];
    const [pos, neg] = halves(total);
    const arm = (count: number, deltaT: number, label: number) => {
      for (let i = 0; i < count; i++) {
        const r = (i / count) * 5;
        const t = ((1.75 * i) / count) * 2 * Math.PI + deltaT;
        const x = r * Math.sin(t) + uniformIn(rng, -1, 1) * noise;
        const y = r * Math.cos(t) + uniformIn(rng, -1, 1) * noise;
        points.push([x, y, label]);
      }
    };
    arm(pos, 0, 1);
    arm(neg, Math.PI, -1);
    return points;
  },
};
