import { defineConfig } from "vitest/config";

/**
 * The test selection `npm run mutate` (stryker.config.mjs) runs against each mutant of the science core:
 * the tests of src/theory, src/engine/loss.ts, the optimizers (update rules, state and schedules; golden
 * trajectories against PyTorch and the wasm-vs-js kernel tests) and src/probes. Of the golden tests only the js-backend trajectories run: the
 * mutated code (losses, optimizer rules of the JS reference) runs the same on every backend or only on js,
 * and the worker-thread tests run compiled dist/, which Stryker does not mutate. This cuts a mutant's
 * golden tests from 81 to 15.
 */
export default defineConfig({
  test: {
    include: [
      "test/theory/**/*.test.ts",
      "test/engine/loss.test.ts",
      "test/engine/optimizer.test.ts",
      "test/engine/backend-wasm.test.ts",
      "test/golden/golden.test.ts",
      "test/probes/**/*.test.ts",
    ],
    testNamePattern: /^(?!.*(in a worker thread|\((wasm|native)\)$|wasm equals js|native backend))/,
    testTimeout: 60_000,
  },
});
