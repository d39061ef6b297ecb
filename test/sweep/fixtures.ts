import { planSweep, pointConfig } from "../../src/sweep/expand.js";
import { contentHash } from "../../src/sweep/hash.js";
import type { PointTask } from "../../src/sweep/run-point.js";
import { parseSweepSpec, type SweepSpecInput } from "../../src/sweep/spec.js";

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

/** Every (point, seed) task of a spec, in point order. */
export function tasksOf(input: SweepSpecInput): PointTask[] {
  const plan = planSweep(parseSweepSpec(input));
  const tasks: PointTask[] = [];
  for (let i = 0; i < plan.pointCount; i++) {
    const point = plan.pointAt(i);
    for (let s = 0; s < plan.spec.seeds; s++) {
      const config = pointConfig(plan, point, s);
      tasks.push({
        index: i,
        key: point.key,
        values: point.values,
        seedIndex: s,
        config,
        configHash: contentHash(config),
        keep: plan.spec.keep,
      });
    }
  }
  return tasks;
}

/**
 * smallSpec with a width axis and a momentum axis: three batch signatures (hidden 2, 4) plus runs that
 * cannot be batched (momentum), interleaved in point order.
 */
export function mixedSpec(): SweepSpecInput {
  return smallSpec({
    name: "mixed",
    axes: [
      { field: "optimizer.lr", values: [0.05, 0.2, 1e5] },
      { field: "model.hidden.0", values: [2, 4] },
      { field: "optimizer.momentum", values: [0, 0.9] },
    ],
  });
}
