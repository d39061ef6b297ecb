/** The svd-modes, direction and normalized-margin probes through the trainer, each against its theory. */
import { describe, expect, it } from "vitest";
import { parseRunConfig } from "../../src/config/validate.js";
import { hardMarginSvm } from "../../src/math/hard-margin-svm.js";
import { resolveProbes } from "../../src/probes/registry.js";
import { saxeStrength } from "../../src/theory/saxe.js";
import { runTraining } from "../../src/train/run.js";

const last = <T>(xs: readonly T[]) => xs[xs.length - 1];

describe("svd-modes probe", () => {
  // Four orthogonal points of norm 2 in R⁴: (1/n)Σ x xᵀ = I (whitened), Σ_yx = (±½, …), s = 1.
  // A 1-unit linear net a = ε v, b = ε starts on the mode with u0 = ε², so u(t) is Saxe's sigmoid exactly
  // under gradient flow; GD's Euler error is O(η s).
  const eps = 0.1;
  const v = [0.5, -0.5, 0.5, -0.5];
  const config = (lr: number) =>
    parseRunConfig({
      data: { kind: "orthogonal", norms: [2, 2, 2, 2], labels: "alternating" },
      model: { hidden: [1], activation: "linear", bias: false },
      init: { scheme: "explicit", weights: [{ W: [v.map((c) => eps * c)] }, { W: [[eps]] }] },
      loss: { kind: "squared", reduction: "mean" },
      optimizer: { kind: "gd", lr },
      train: { steps: Math.round(8 / lr) },
      probes: { schedule: { kind: "every", every: Math.round(0.5 / lr) }, include: ["svd-modes"] },
    });

  it("follows the Saxe sigmoid u(t) = s/(1 + (s/u0 − 1)e^{−2st}) to within the step's O(η) error", () => {
    const worst = (lr: number) => {
      const r = runTraining(config(lr));
      expect(r.history[0].svdValue).toEqual([expect.closeTo(1, 14)]);
      expect((r.history[0].svdStrength as number[])[0]).toBeCloseTo(eps * eps, 14);
      return Math.max(
        ...r.history.map((h) =>
          Math.abs((h.svdStrength as number[])[0] - saxeStrength(h.t, { s: 1, u0: eps ** 2 })),
        ),
      );
    };
    const e1 = worst(0.02);
    const e2 = worst(0.01);
    expect(e1).toBeLessThan(0.03);
    // Halving η halves the error: the gap is the Euler step's, not a wrong formula.
    expect(e1 / e2).toBeGreaterThan(1.8);
    expect(e1 / e2).toBeLessThan(2.2);
  });

  it("refuses a ReLU net with a message naming the fix", () => {
    const c = parseRunConfig({
      model: { hidden: [2], activation: "relu" },
      probes: { include: ["svd-modes"] },
    });
    expect(() => runTraining(c)).toThrow(/svd-modes.*model\.activation "linear"/);
  });
});

describe("direction probe", () => {
  // Non-orthogonal separable points: the SVM direction is not the mean direction, so turning to it is news.
  const x = [
    [1, 0.2],
    [0.6, 1],
    [-1, -0.1],
    [-0.3, -1],
  ];
  const y = [1, 1, -1, -1];
  const run = (loss: "ce" | "hinge", steps: number) =>
    runTraining(
      parseRunConfig({
        data: { kind: "inline", x, y },
        model: { hidden: [], bias: false },
        init: { scheme: "gaussian", scale: 0.01 },
        loss: { kind: loss, reduction: "sum" },
        optimizer: { kind: "gd", lr: 0.1 },
        train: { steps },
        probes: { schedule: { kind: "log", perDecade: 5 }, include: ["direction"] },
      }),
    );

  it("logistic GD turns back towards the hard-margin SVM late, slowly (the 1/ln t of Soudry et al.)", () => {
    const r = run("ce", 20000);
    const gaps = r.history.map((h) => h.directionGap as number);
    // Early GD overshoots past ŵ (the gap dips, then grows to a peak near step 2,500); from there on it
    // must shrink record after record, and slowly: far from a 1/t decay.
    const peak = gaps.indexOf(Math.max(...gaps.slice(5)));
    expect(peak).toBeLessThan(gaps.length - 4);
    for (let i = peak + 1; i < gaps.length; i++) expect(gaps[i]).toBeLessThan(gaps[i - 1]);
    expect(last(gaps) / gaps[peak]).toBeGreaterThan(0.8);
    const h = last(r.history);
    expect(Math.cos(h.directionAngle as number)).toBeCloseTo(h.directionCosine as number, 12);
  });

  it("records the same gap as directionTo on the end weights (the reference is the exact SVM)", () => {
    const r = run("ce", 200);
    const w = r.weights[0].W[0];
    const svm = hardMarginSvm(x.flat(), y, 4, 2).w;
    const nw = Math.hypot(w[0], w[1]);
    const ns = Math.hypot(svm[0], svm[1]);
    const gap = Math.hypot(w[0] / nw - svm[0] / ns, w[1] / nw - svm[1] / ns);
    expect(last(r.history).directionGap as number).toBeCloseTo(gap, 12);
  });

  it("refuses biases and non-separable data with what to change", () => {
    const withBias = parseRunConfig({
      data: { kind: "inline", x, y },
      model: { hidden: [], bias: true },
      probes: { include: ["direction"] },
    });
    expect(() => runTraining(withBias)).toThrow(/model\.bias false/);
    const mixed = parseRunConfig({
      data: { kind: "inline", x: [[1], [2]], y: [1, -1] },
      model: { hidden: [], bias: false },
      probes: { include: ["direction"] },
    });
    expect(() => runTraining(mixed)).toThrow(/not linearly separable.*separable through the origin/);
  });
});

describe("normalized-margin probe", () => {
  it("on a bias-free 2-layer ReLU net: γ = min margin/‖θ‖², the smoothed margin below it and rising late", () => {
    const r = runTraining(
      parseRunConfig({
        data: { kind: "blobs", n: 40, d: 2, margin: 0.5 },
        model: { hidden: [20], activation: "relu", bias: false },
        init: { scheme: "gaussian", scale: 0.1 },
        loss: { kind: "ce", reduction: "sum" },
        optimizer: { kind: "gd", lr: 0.01 },
        train: { steps: 4000 },
        probes: { schedule: { kind: "log", perDecade: 5 }, include: ["normalized-margin", "margins"] },
      }),
    );
    const h = last(r.history);
    let norm2 = 0;
    for (const layer of r.weights) for (const row of layer.W) for (const v of row) norm2 += v * v;
    expect(h.normalizedMargin as number).toBeCloseTo((h.marginMin as number) / norm2, 12);
    const smoothed = r.history.map((k) => k.smoothedMargin as number).filter((s) => Number.isFinite(s));
    expect(smoothed.length).toBeGreaterThan(3);
    for (let i = 1; i < smoothed.length; i++)
      expect(smoothed[i]).toBeGreaterThanOrEqual(smoothed[i - 1] - 1e-9);
    expect(last(smoothed)).toBeLessThanOrEqual(h.normalizedMargin as number);
  });

  it("refuses a net with biases", () => {
    const c = parseRunConfig({
      model: { hidden: [2], bias: true },
      probes: { include: ["normalized-margin"] },
    });
    expect(() => runTraining(c)).toThrow(/positively homogeneous.*model\.bias false/);
  });

  it("is in the registry with its declared fields", () => {
    const names = ["svd-modes", "direction", "normalized-margin"];
    expect(resolveProbes(names).map((p) => p.fields)).toEqual([
      ["svdStrength", "svdValue"],
      ["directionGap", "directionAngle", "directionCosine"],
      ["normalizedMargin", "smoothedMargin"],
    ]);
  });
});
