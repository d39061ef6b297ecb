import { describe, expect, it } from "vitest";
import { parseRunConfig } from "../../src/config/validate.js";
import { jsBackend } from "../../src/engine/backend-js.js";
import { createMlp, importWeights } from "../../src/engine/mlp.js";
import { balances } from "../../src/probes/conserved.js";
import { PROBES, resolveProbes } from "../../src/probes/registry.js";
import { runTraining } from "../../src/train/run.js";

/** THEORY.md's exact setting: orthogonal points, diagonal half-normal init, 2-layer ReLU net, no bias. */
const exact = {
  data: { kind: "orthogonal", norms: [1, 2, 0.5, 1.5], labels: [1, -1, 1, -1] },
  model: { hidden: [4], activation: "relu", bias: false },
  init: {
    scheme: "gaussian",
    scale: 0.1,
    layers: [
      { scheme: "diagonal", scale: 0.1 },
      { scheme: "gaussian", scale: 0.1 },
    ],
  },
  optimizer: { kind: "gd", lr: 0.01 },
  train: { steps: 2000 },
  probes: {
    schedule: { kind: "every", every: 500 },
    include: ["diagonal-modes", "conserved", "feature-responses", "margins", "dead-units", "weight-norms"],
  },
};

describe("probes", () => {
  it("P1: off-diagonal weights stay exactly zero; feature responses equal a·b, and f(−u) = relu(−a)·b", () => {
    const r = runTraining(parseRunConfig(exact));
    for (const rec of r.history) {
      expect(rec.offDiagonalMax).toBe(0);
      const a = rec.a as number[];
      const b = rec.b as number[];
      const response = rec.response as number[];
      const responseNeg = rec.responseNeg as number[];
      for (let k = 0; k < 4; k++) {
        expect(response[k]).toBeCloseTo(Math.max(a[k], 0) * b[k], 14);
        // f(−u_k): the unit sees −a_k, so a ReLU unit with a_k > 0 answers 0 there (and a_k ≠ 0 here).
        expect(a[k]).not.toBe(0);
        expect(responseNeg[k]).toBeCloseTo(Math.max(-a[k], 0) * b[k], 14);
      }
    }
  });

  it("P2: a² − b² drifts by O(η): halving the step halves the drift", () => {
    const drift = (lr: number) => {
      const r = runTraining(
        parseRunConfig({ ...exact, optimizer: { kind: "gd", lr }, train: { steps: Math.round(20 / lr) } }),
      );
      return r.history[r.history.length - 1].balanceDrift as number;
    };
    const d1 = drift(0.02);
    const d2 = drift(0.01);
    expect(d1).toBeGreaterThan(0);
    expect(d1 / d2).toBeGreaterThan(1.8);
    expect(d1 / d2).toBeLessThan(2.2);
  });

  it("margins per point match the logits; min and mean are consistent", () => {
    const r = runTraining(parseRunConfig(exact));
    const last = r.history[r.history.length - 1];
    const margin = last.margin as number[];
    expect(last.marginMin).toBe(Math.min(...margin));
    expect(last.marginMean).toBeCloseTo(margin.reduce((s, m) => s + m, 0) / margin.length, 14);
  });

  it("counts a unit with a ≤ 0 as dead", () => {
    const config = {
      ...exact,
      init: {
        scheme: "explicit",
        weights: [
          {
            W: [
              [-0.1, 0, 0, 0],
              [0, 0.1, 0, 0],
              [0, 0, 0.1, 0],
              [0, 0, 0, 0.1],
            ],
          },
          { W: [[0.1, 0.1, 0.1, 0.1]] },
        ],
      },
    };
    const r = runTraining(parseRunConfig(config));
    expect(r.history[0].deadUnits).toBe(1);
    expect(r.history[r.history.length - 1].deadUnits).toBe(1);
    expect(r.history[0].deadFraction).toBe(0.25);
    // Step 0: f_k = b_k·relu(a_k r_k), so margin_k = y_k·0.1·relu(a_k r_k) (0 for the dead unit).
    const norms = exact.data.norms;
    const labels = exact.data.labels;
    const a = [-0.1, 0.1, 0.1, 0.1];
    const expected = norms.map((rk, k) => labels[k] * 0.1 * Math.max(a[k] * rk, 0));
    for (const [k, m] of (r.history[0].margin as number[]).entries()) expect(m).toBeCloseTo(expected[k], 15);
    expect(r.history[0].marginMin).toBeCloseTo(Math.min(...expected), 15);
  });

  it("dead units: counts every hidden layer of a deeper net, and records nothing for tanh", () => {
    const deep = {
      ...exact,
      model: { hidden: [4, 2], activation: "relu", bias: false },
      init: {
        scheme: "explicit",
        weights: [
          {
            W: [
              [-0.1, 0, 0, 0],
              [0, 0.1, 0, 0],
              [0, 0, 0.1, 0],
              [0, 0, 0, -0.1],
            ],
          },
          // unit 0 of layer 2 sees only dead or negative inputs: dead; unit 1 sees unit 1 (alive on point 1)
          {
            W: [
              [1, -1, -1, 1],
              [0, 1, 0, 0],
            ],
          },
          { W: [[0.1, 0.1]] },
        ],
      },
      train: { steps: 1 },
    };
    const r = runTraining(parseRunConfig(deep));
    expect(r.history[0].deadUnits).toBe(3);
    expect(r.history[0].deadFraction).toBe(0.5);
    const tanh = runTraining(parseRunConfig({ ...exact, model: { ...exact.model, activation: "tanh" } }));
    expect(tanh.history[0].deadUnits).toBeUndefined();
  });

  it("every probe declares exactly the fields it records", () => {
    // svd-modes and direction need an end-to-end matrix (they refuse ReLU nets): a linear net records them.
    const linearOnly = ["svd-modes", "direction"];
    const lastRecord = (activation: "relu" | "linear", include: string[]) =>
      runTraining(
        parseRunConfig({
          ...exact,
          data: { kind: "features", n: 20 },
          model: { hidden: [2], activation, bias: false },
          train: { steps: 10 },
          probes: { schedule: { kind: "every", every: 5 }, include },
        }),
      ).history.at(-1)!;
    const names = PROBES.map((p) => p.name);
    const last = {
      ...lastRecord(
        "relu",
        names.filter((n) => !linearOnly.includes(n)),
      ),
      ...lastRecord("linear", linearOnly),
    };
    const recorded = Object.keys(last).filter((k) => !["step", "t", "loss", "error"].includes(k));
    const declared = PROBES.flatMap((p) => p.fields ?? []);
    const matches = (f: string, k: string) => (f.endsWith("*") ? k.startsWith(f.slice(0, -1)) : f === k);
    for (const k of recorded)
      expect(
        declared.some((f) => matches(f, k)),
        k,
      ).toBe(true);
    for (const f of declared)
      expect(
        recorded.some((k) => matches(f, k)),
        f,
      ).toBe(true);
  });

  it("rejects an unknown probe name, listing the known ones", () => {
    expect(() => resolveProbes(["margin"])).toThrow(/unknown probe "margin".*margins/);
  });
});

describe("conserved probe with biases", () => {
  it("counts a unit's incoming bias in ‖w_in‖² (the balance the flow conserves with biases)", () => {
    const mlp = createMlp(
      { inputDim: 2, hidden: [2], activation: "relu", bias: true, leakySlope: 0 },
      jsBackend,
    );
    // layer 0: W = [[1, 2], [3, 4]], b = [0.5, -1]; layer 1: W = [[2, -3]], b = [7]
    importWeights(mlp, [
      {
        W: [
          [1, 2],
          [3, 4],
        ],
        b: [0.5, -1],
      },
      { W: [[2, -3]], b: [7] },
    ]);
    expect(balances(mlp, mlp.params)).toEqual([[1 + 4 + 0.25 - 4, 9 + 16 + 1 - 9]]);
  });
});
