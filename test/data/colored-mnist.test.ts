import { beforeAll, describe, expect, it } from "vitest";
import {
  COLORED_MNIST_DIM,
  type ColoredMnist,
  coloredMnist,
  concatDatasets,
} from "../../src/data/colored-mnist.js";
import { type MnistSet, mnistFromIdx } from "../../src/data/mnist-idx.js";
import { Rng } from "../../src/engine/rng.js";
import { readMnistTrainFiles } from "../../src/node/experiment-io.js";

let mnist: MnistSet;
let cm: ColoredMnist;
beforeAll(() => {
  const b = readMnistTrainFiles();
  mnist = mnistFromIdx(b.images, b.labels);
  cm = coloredMnist(mnist, { perEnvironment: 10000, testSize: 10000 }, new Rng(3));
});

/** Element-wise equality (vitest's deep equality is slow on millions of numbers). */
function same(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** |observed − p| within 4.5 binomial standard deviations. */
function expectRate(hits: number, n: number, p: number): void {
  const sd = Math.sqrt((p * (1 - p)) / n);
  expect(Math.abs(hits / n - p)).toBeLessThan(4.5 * sd);
}

describe("colored MNIST", () => {
  it("colour flips at 0.2, 0.1 (train) and 0.9 (test); label noise 0.25 everywhere", () => {
    for (const env of [...cm.train, cm.test]) {
      const n = env.data.n;
      let colorFlips = 0;
      let labelFlips = 0;
      for (let i = 0; i < n; i++) {
        const label = env.data.y[i] > 0 ? 1 : 0;
        if (env.color[i] !== label) colorFlips++;
        if (label !== (env.digit[i] < 5 ? 1 : 0)) labelFlips++;
        expect(env.labelFlipped[i]).toBe(label !== (env.digit[i] < 5 ? 1 : 0) ? 1 : 0);
      }
      expectRate(colorFlips, n, env.colorFlip);
      expectRate(labelFlips, n, 0.25);
    }
    expect(cm.train.map((e) => e.colorFlip)).toEqual([0.2, 0.1]);
    expect(cm.test.colorFlip).toBe(0.9);
  });

  it("the image sits in the colour's channel (the other is 0), subsampled [::2, ::2], scaled to [0, 1]", () => {
    const env = cm.train[0];
    expect(env.data.d).toBe(COLORED_MNIST_DIM);
    for (let p = 0; p < 50; p++) {
      const row = env.data.x.subarray(p * 392, (p + 1) * 392);
      const c = env.color[p];
      const other = row.subarray((1 - c) * 196, (2 - c) * 196);
      expect(other.every((v) => v === 0)).toBe(true);
      expect(Math.max(...row)).toBeLessThanOrEqual(1);
    }
    // The test environment is images 50000…: its first image, pixel (2r, 2q) = row r, column q.
    const t0 = cm.test.data.x.subarray(0, 392);
    const ch = cm.test.color[0] * 196;
    for (const [r, q] of [
      [5, 7],
      [7, 7],
      [10, 3],
    ]) {
      expect(t0[ch + r * 14 + q]).toBe(mnist.images[50000 * 784 + 2 * r * 28 + 2 * q] / 255);
    }
    expect(cm.test.digit[0]).toBe(mnist.labels[50000]);
  });

  it("the two training environments are disjoint halves of a shuffle of images 0–49999; same rng, same data", () => {
    const again = coloredMnist(mnist, { perEnvironment: 10000, testSize: 10000 }, new Rng(3));
    expect(same(again.train[1].data.x, cm.train[1].data.x)).toBe(true);
    const other = coloredMnist(mnist, { perEnvironment: 100, testSize: 10 }, new Rng(4));
    expect(same(other.train[0].data.x, cm.train[0].data.x.subarray(0, 100 * 392))).toBe(false);
    const both = concatDatasets("train", [cm.train[0].data, cm.train[1].data]);
    expect(both.n).toBe(20000);
    expect(both.y[10000]).toBe(cm.train[1].data.y[0]);
  });

  it("rejects bad options by name", () => {
    expect(() => coloredMnist(mnist, { perEnvironment: 30000 }, new Rng(0))).toThrow(/perEnvironment/);
    expect(() => coloredMnist(mnist, { testColorFlip: 2 }, new Rng(0))).toThrow(/testColorFlip/);
  });
});
