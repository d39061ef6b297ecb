import { describe, expect, it } from "vitest";
import { parseRunConfig } from "../../src/config/validate.js";
import type { ProbeContext } from "../../src/probes/probe.js";
import { dueNow, secondOrderState } from "../../src/probes/second-order-state.js";
import { buildData } from "../../src/train/build-data.js";
import { createTrainer } from "../../src/train/trainer.js";

function context(secondOrder?: Record<string, unknown>): ProbeContext {
  const config = parseRunConfig({ probes: secondOrder ? { secondOrder } : {} });
  const trainer = createTrainer(config, buildData(config));
  const data = trainer.data.train;
  return {
    mlp: trainer.mlp,
    params: trainer.mlp.params,
    initialParams: trainer.mlp.params,
    data,
    logits: new Float64Array(data.n),
    loss: { kind: "ce", reduction: "sum", margin: 1 },
    tests: {},
    evaluate: () => new Float64Array(0),
    step: 0,
    config,
  };
}

describe("second-order probe state", () => {
  it("is made once per run, with the schema's defaults when the config has no secondOrder", () => {
    const ctx = context();
    const a = secondOrderState(ctx);
    expect(secondOrderState(ctx)).toBe(a);
    expect(a.options.every).toBe(1);
    expect(a.backend.name).toBe("js");
    expect(secondOrderState(context())).not.toBe(a);
  });

  it("counts records per probe name for `every`", () => {
    const s = secondOrderState(context({ every: 3 }));
    const seen = [0, 1, 2, 3, 4, 5, 6].map(() => dueNow(s, "a"));
    expect(seen).toEqual([true, false, false, true, false, false, true]);
    expect(dueNow(s, "b")).toBe(true);
  });

  it("rejects bad options with the field named", () => {
    expect(() => parseRunConfig({ probes: { secondOrder: { topK: 0 } } })).toThrow(/topK/);
    expect(() => parseRunConfig({ probes: { secondOrder: { ntkPoint: 3 } } })).toThrow(/ntkPoint/);
  });
});
