import { describe, expect, it } from "vitest";
import { parseRunConfig } from "../../../src/config/validate.js";
import { ceGradientAndBound, type LossSpec } from "../../../src/engine/loss.js";
import { quietPass, quietSteps } from "../../../src/train/batched/quiet-steps.js";

describe("quietPass", () => {
  it("gives each fast run ceGradientAndBound's gradient and bound; leaves the others to the per-run path", () => {
    const n = 3;
    const B = 5;
    const configs = [
      parseRunConfig({ loss: { kind: "ce", reduction: "sum" } }),
      parseRunConfig({ loss: { kind: "ce", reduction: "mean" } }),
      parseRunConfig({ loss: { kind: "hinge" } }), // not CE: never fast
      parseRunConfig({ train: { stop: { targetError: 0 } } }), // a target: never fast
      parseRunConfig({ train: { stop: { divergeAbove: 1 } } }), // its bound fails below
    ];
    const losses: LossSpec[] = configs.map(
      (c) => ({ kind: c.loss.kind, reduction: c.loss.reduction }) as LossSpec,
    );
    const labels = configs.map(() => Float64Array.of(1, -1, 1));
    const q = quietSteps(configs, losses, labels, n);
    const logits = Float64Array.from({ length: n * B }, (_, k) => Math.sin(k) * 3);
    const dLogits = new Float64Array(n * B);
    const live = new Uint8Array(B).fill(1);
    quietPass(q, live, 5, logits, dLogits);
    expect([...q.fast]).toEqual([1, 1, 0, 0, 0]);
    for (const r of [0, 1]) {
      const own = Float64Array.from({ length: n }, (_, i) => logits[i * B + r]);
      const grad = new Float64Array(n);
      const bound = ceGradientAndBound(losses[r].reduction, own, labels[r], n, grad);
      expect(q.bounds[r] * q.scale[r]).toBe(bound);
      expect(Array.from({ length: n }, (_, i) => dLogits[i * B + r])).toEqual([...grad]);
    }
    // A record due at this step, or a dead run, is not fast either.
    q.nextDue[0] = 6;
    live[1] = 0;
    quietPass(q, live, 6, logits, dLogits);
    expect([...q.fast]).toEqual([0, 0, 0, 0, 0]);
  });
});
