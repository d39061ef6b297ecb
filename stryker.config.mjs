// @ts-check
/**
 * Mutation testing of the science core (`npm run mutate`; not in CI: it takes ~15 min on 2 cores).
 * StrykerJS 9 (the last major that runs on Node 20) with its vitest runner; the tests it runs are those of
 * vitest.mutate.config.ts. The score and every surviving mutant go to reports/mutation/ (HTML, JSON, and
 * the clear-text table on stdout).
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutate.config.ts", related: false },
  plugins: ["@stryker-mutator/vitest-runner"],
  mutate: [
    "src/theory/**/*.ts",
    "!src/theory/index.ts",
    "src/engine/loss.ts",
    "src/engine/optimizer.ts",
    // the optimizer update rules of the JS reference backend (sgdStep, momentumStep, adamStep)
    "src/engine/kernels-js.ts:48-107",
    "src/probes/**/*.ts",
  ],
  // Error messages are text for people; a mutated message changes no number.
  mutator: { excludedMutations: ["StringLiteral"] },
  // Static mutants (module-level constants) would re-run every test each: they are few and costly.
  ignoreStatic: true,
  coverageAnalysis: "perTest",
  // The machine is shared (2 cores): two test-runner processes at most.
  concurrency: 2,
  timeoutMS: 5_000,
  // The first, unmutated run of all selected tests takes ~1 min alone but >5 (Stryker's default limit)
  // when the shared machine is loaded.
  dryRunTimeoutMinutes: 30,
  timeoutFactor: 2,
  // event-recorder writes each tested mutant to reports/mutation/events/ as it finishes, so a run that
  // cannot be waited for (shared machine) still shows its survivors so far.
  reporters: ["clear-text", "html", "json", "progress", "event-recorder"],
  eventReporter: { baseDir: "reports/mutation/events" },
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  // Kept out of the sandbox copy: nothing the selected tests read.
  ignorePatterns: ["/dist", "/report", "/runs", "/web", "/bench", "/docs", "/native/build", "/tmp"],
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
};
