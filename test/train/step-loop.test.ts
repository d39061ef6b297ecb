import { describe, expect, it } from "vitest";
import type { RunStatus } from "../../src/train/history.js";
import { createStepLoop } from "../../src/train/step-loop.js";

/** A run of `total` steps that logs what the loop called; it stops itself at `stopAt`. */
function countingRun(total: number, stopAt = Number.POSITIVE_INFINITY) {
  const calls: string[] = [];
  let step = 0;
  let status: RunStatus = "running";
  const loop = createStepLoop({
    get step() {
      return step;
    },
    get status() {
      return status;
    },
    total,
    oneStep() {
      calls.push(`step ${step}`);
      step++;
      if (step >= stopAt) status = "stopped";
    },
    finish() {
      calls.push("finish");
      status = "done";
    },
  });
  return { loop, calls, step: () => step };
}

describe("createStepLoop", () => {
  it("advance(k) takes k steps, the end once all are taken, and nothing after it", () => {
    const r = countingRun(5);
    expect(r.loop.advance(2)).toBe("running");
    expect(r.step()).toBe(2);
    expect(r.loop.advance(3)).toBe("done");
    expect(r.calls).toEqual(["step 0", "step 1", "step 2", "step 3", "step 4", "finish"]);
    expect(r.loop.advance(10)).toBe("done");
    expect(r.calls.length).toBe(6);
  });

  it("a run that ends itself is not finished, and run() goes to the end", () => {
    const stopped = countingRun(10, 3);
    expect(stopped.loop.run()).toBe("stopped");
    expect(stopped.calls).toEqual(["step 0", "step 1", "step 2"]);
    const whole = countingRun(4);
    expect(whole.loop.run()).toBe("done");
    expect(whole.calls.at(-1)).toBe("finish");
  });

  it("advanceFor takes at least one step, at most maxSteps, and the same steps however it is cut", () => {
    const r = countingRun(1000);
    expect(r.loop.advanceFor(0)).toBeGreaterThanOrEqual(1);
    const at = r.step();
    expect(r.loop.advanceFor(1e9, 7)).toBe(7);
    expect(r.step()).toBe(at + 7);
    while (r.loop.advance(0) === "running") r.loop.advanceFor(1);
    expect(r.calls).toEqual([...Array.from({ length: 1000 }, (_, i) => `step ${i}`), "finish"]);
    expect(r.loop.advanceFor(5)).toBe(0);
  });
});
