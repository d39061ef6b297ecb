import { describe, expect, it } from "vitest";
import {
  type EosWorkload,
  eosNet,
  workloadName,
} from "../../../src/experiments/edge-of-stability/workload.js";

describe("edge-of-stability workloads", () => {
  it("builds each kind's net with its parameter count, and names it", () => {
    const cheb: EosWorkload = { kind: "chebyshev", hidden: [5], degree: 3, points: 7 };
    const lin: EosWorkload = { kind: "deep-linear", depth: 3, width: 4, points: 4 };
    const relu: EosWorkload = {
      kind: "relu-ce",
      dim: 3,
      points: 8,
      hidden: 6,
      initScale: 1,
      outputScale: 0.1,
    };
    expect(eosNet(cheb, 0).initial.length).toBe(5 + 5 + 5 + 1);
    expect(eosNet(lin, 0).initial.length).toBe(3 * 16);
    expect(eosNet(relu, 0).initial.length).toBe(3 * 6 + 6);
    expect(workloadName(cheb)).toBe("tanh 1→5→1, chebyshev-3-7");
    expect(workloadName(lin)).toBe("deep linear 3 × 4²");
    expect(workloadName(relu)).toBe("ReLU 3→6→1, CE, random labels n = 8");
  });
});
