import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { crashOf, type FuzzTarget, rejectionProblem, runFuzzCase } from "./fuzz-case.js";
import { dataFileInput, runConfigInput, sweepSpecInput } from "./inputs.js";

/** Cases per target here (scripts/fuzz.mjs runs 10^4 and more; see docs/FUZZ.md). */
const RUNS = 150;
/** A case slower than this counts as a hang (the slowest seen in 10^4 cases is in docs/FUZZ.md). */
const CASE_MS = 5_000;

function fuzz(target: FuzzTarget, input: fc.Arbitrary<unknown>, seed: number) {
  const dir = mkdtempSync(join(tmpdir(), "learndyn-fuzz-"));
  let id = 0;
  const seen = { accepted: 0, rejected: 0 };
  fc.assert(
    fc.property(input, (value) => {
      const o = runFuzzCase(target, value, dir, id++);
      expect(o.outcome, o.message).not.toBe("crash");
      expect(o.problem, o.message).toBeUndefined();
      expect(o.ms).toBeLessThan(CASE_MS);
      seen[o.outcome as "accepted" | "rejected"]++;
    }),
    { numRuns: RUNS, seed },
  );
  return seen;
}

describe("fuzzed inputs: accepted, or rejected naming the field (or file) and the fix; never a crash or a hang", () => {
  it("run configs", () => {
    const seen = fuzz("run-config", runConfigInput, 14);
    // The edits keep some configs valid, so both sides are exercised.
    expect(seen.accepted).toBeGreaterThan(5);
    expect(seen.rejected).toBeGreaterThan(5);
  }, 120_000);

  it("sweep specs", () => {
    const seen = fuzz("sweep-spec", sweepSpecInput, 14);
    expect(seen.accepted).toBeGreaterThan(5);
    expect(seen.rejected).toBeGreaterThan(5);
  }, 120_000);

  it("data files", () => {
    const seen = fuzz("data-file", dataFileInput, 14);
    expect(seen.accepted).toBeGreaterThan(5);
    expect(seen.rejected).toBeGreaterThan(5);
  }, 120_000);
});

describe("the fuzz's judge", () => {
  it("calls internal errors and messages of the innards crashes, words rejections", () => {
    expect(crashOf(new TypeError("x is undefined"))).toMatch(/^TypeError/);
    expect(crashOf(new Error("Cannot read properties of undefined (reading 'n')"))).toMatch(/innards/);
    expect(crashOf("a string")).toMatch(/not an Error/);
    expect(crashOf(new Error("optimizer.lr: expected a number"))).toBeNull();
  });

  it("wants the field (or file) and a fix named", () => {
    expect(
      rejectionProblem("run-config", "invalid config:\n  - optimizer.lr: expected a number", 0),
    ).toBeNull();
    expect(rejectionProblem("run-config", "something went wrong", 0)).toBe("names no field");
    expect(rejectionProblem("run-config", "model.hidden broke", 0)).toBe("says no fix");
    expect(rejectionProblem("data-file", "data file /tmp/case-3.csv: row 2 must have 3 cells", 3)).toBeNull();
    expect(rejectionProblem("data-file", "row 2 must have 3 cells", 3)).toBe("does not name the file");
  });
});
