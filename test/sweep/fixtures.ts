import type { SweepSpecInput } from "../../src/sweep/spec.js";

/** A small, fast sweep: 2-layer ReLU net on orthogonal points, lr × init scale, 2 seeds. */
export function smallSpec(overrides: Partial<SweepSpecInput> = {}): SweepSpecInput {
  return {
    name: "small",
    base: {
      data: { kind: "orthogonal", norms: [1, 1, 1, 1] },
      model: { hidden: [4] },
      loss: { kind: "squared" },
      train: { steps: 60 },
      probes: { schedule: { kind: "every", every: 20 }, include: ["margins"] },
    },
    axes: [
      { field: "optimizer.lr", values: [0.05, 0.2, 1e5] },
      { name: "scale", field: "init.scale", range: { from: 0.01, to: 1, count: 3, scale: "log" } },
    ],
    seeds: 2,
    keep: { scalars: ["loss", "error", "marginMin", "steps"], history: { points: 3 } },
    ...overrides,
  };
}
