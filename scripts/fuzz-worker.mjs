// Worker of scripts/fuzz.mjs: makes the cases of one target (fast-check, a fixed seed) and runs them from
// `from` on, posting each outcome.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import fc from "fast-check";

const { build, target, cases, seed, from } = workerData;
const { runFuzzCase } = await import(join(build, "test/fuzz/fuzz-case.js"));
const inputs = await import(join(build, "test/fuzz/inputs.js"));
const arbitrary = {
  "run-config": inputs.runConfigInput,
  "sweep-spec": inputs.sweepSpecInput,
  "data-file": inputs.dataFileInput,
}[target];
const values = fc.sample(arbitrary, { seed, numRuns: cases });
const dir = mkdtempSync(join(tmpdir(), "learndyn-fuzz-"));
for (let i = from; i < cases; i++) {
  const o = runFuzzCase(target, values[i], dir, i);
  parentPort.postMessage({ i, ...o });
}
