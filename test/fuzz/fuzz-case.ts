/**
 * One fuzz case: an input given to a library entry the CLI uses (a run config, a sweep spec, a data file),
 * and what came of it. An input is accepted, or rejected with an Error whose message names the field (or
 * the file) and the fix; anything else is a crash: a value thrown that is not an Error, an internal error
 * (TypeError, RangeError, …), a message of the engine's innards ("Cannot read properties", "Invalid typed
 * array length", a stack trace). Used by test/fuzz/fuzz.test.ts and scripts/fuzz.mjs (10^4 cases, hangs
 * caught by a watchdog there).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { checkJsonShape } from "../../src/config/safe-input.js";
import { parseRunConfig } from "../../src/config/validate.js";
import { readDataFile } from "../../src/node/load-config.js";
import { CONFIRM_ABOVE_RUNS, checkAxisValues, planSweep, pointConfig } from "../../src/sweep/expand.js";
import { checkRunMemory, checkSweepMemory, dataShape } from "../../src/sweep/run-memory.js";
import { parseSweepSpec } from "../../src/sweep/spec.js";
import { runTraining } from "../../src/train/run.js";

/** What is fuzzed. */
export type FuzzTarget = "run-config" | "sweep-spec" | "data-file";

/** A data file's name ending and bytes. */
export interface DataFileInput {
  ext: ".csv" | ".json" | ".txt";
  bytes: Uint8Array;
}

/** The result of one case. */
export interface FuzzOutcome {
  outcome: "accepted" | "rejected" | "crash";
  /** The error's message (rejected, crash). */
  message?: string;
  /** Why a rejection's message is not good enough (absent when it names the field or file and a fix). */
  problem?: string;
  ms: number;
}

/** Memory the checks assume (a small machine: absurd sizes are refused, not allocated). */
const MACHINE = 8 * 2 ** 30;
/** Accepted configs at most this large (points × inputs, parameters) are also trained a few steps. */
const TRAIN_BELOW = 20_000;

/** Runs one case of `target`; `dir` is a folder for data files. */
export function runFuzzCase(target: FuzzTarget, input: unknown, dir: string, id = 0): FuzzOutcome {
  const started = performance.now();
  const done = (o: Omit<FuzzOutcome, "ms">): FuzzOutcome => ({ ...o, ms: performance.now() - started });
  try {
    if (target === "run-config") runConfigCase(input);
    else if (target === "sweep-spec") sweepSpecCase(input);
    else dataFileCase(input as DataFileInput, join(dir, `case-${id}${(input as DataFileInput).ext}`));
    return done({ outcome: "accepted" });
  } catch (e) {
    const crash = crashOf(e);
    if (crash) return done({ outcome: "crash", message: crash });
    const message = (e as Error).message;
    const problem = rejectionProblem(target, message, id);
    return done({ outcome: "rejected", message, ...(problem ? { problem } : {}) });
  }
}

function runConfigCase(input: unknown): void {
  checkJsonShape(input, "config file fuzz.json");
  const config = parseRunConfig(input, "fuzz.json");
  const shape = dataShape(config.data, config.inputs);
  checkRunMemory(config, shape, MACHINE);
  const hidden = config.model.hidden.reduce((a, b) => a + b, 0);
  const small = shape.n * shape.d <= TRAIN_BELOW && hidden * (shape.d + 1) <= TRAIN_BELOW && shape.n > 0;
  if (small) runTraining({ ...config, train: { ...config.train, steps: Math.min(config.train.steps, 3) } });
}

function sweepSpecCase(input: unknown): void {
  checkJsonShape(input, "sweep spec fuzz.json");
  const spec = parseSweepSpec(input, "fuzz.json");
  const plan = planSweep(spec);
  // As runSweep: more runs than this need --yes (refused before the values are checked), and checking
  // the values of such a sweep takes seconds (up to 10^5 values per axis; see docs/FUZZ.md).
  if (plan.runCount <= CONFIRM_ABOVE_RUNS) checkAxisValues(plan);
  checkSweepMemory(plan, 1, MACHINE);
  if (plan.pointCount > 0) pointConfig(plan, plan.pointAt(0), 0);
}

function dataFileCase(input: DataFileInput, path: string): void {
  writeFileSync(path, input.bytes);
  const data = readDataFile(path);
  if (!(data.n >= 0 && data.x.length === data.n * data.d && data.y.length === data.n))
    throw new TypeError(`readDataFile gave an inconsistent data set: n ${data.n}, d ${data.d}`);
}

/** Errors JavaScript throws for a program's own faults (a user's input never should cause them). */
const INTERNAL = new Set([
  "TypeError",
  "RangeError",
  "ReferenceError",
  "SyntaxError",
  "EvalError",
  "URIError",
]);
/** Messages of the engine's innards, never a user's words. */
const INNARDS = [
  /Cannot read propert/,
  /is not a function/,
  /is not iterable/,
  /Maximum call stack/,
  /Invalid (typed )?array length/,
  /Set maximum size/,
  /out of memory/i,
  /\n\s+at .+:\d+:\d+/,
  /\[object Object\]/,
];

/** Why `e` is a crash, or null when it is a rejection (an Error in words). */
export function crashOf(e: unknown): string | null {
  if (!(e instanceof Error)) return `threw a ${typeof e}, not an Error: ${String(e)}`;
  if (INTERNAL.has(e.name)) return `${e.name}: ${e.message}`;
  const innard = INNARDS.find((re) => re.test(e.message));
  return innard ? `message of the innards (${innard}): ${e.message}` : null;
}

/** Field names a message may name (top level of a run config or a sweep spec). */
const FIELDS =
  /\b(data|model|init|loss|optimizer|train|probes|schedules|inputs|regularization|seed|secondOrder|axes|base|keep|seeds|name|combine|figures|hints|--set|config|axis)\b|\(root\)/;
/** Words of a fix: what to do or what is expected instead. */
const FIX =
  /\b(expected|must|check|quote|fix|use|set|give|pass|choose|at least|at most|one of|remove|add|make|should|allowed|shrink|try|instead|save|convert|needs?|only|between|list|name|rename|split|smaller|larger|fewer|Did you mean|is not (a|an|one)|has no|not allowed|unknown|invalid)\b/i;

/** Why a rejection's message is not enough (null when it names the field or file and a fix). */
export function rejectionProblem(target: FuzzTarget, message: string, id: number): string | null {
  const names = target === "data-file" ? message.includes(`case-${id}.`) : FIELDS.test(message);
  if (!names) return target === "data-file" ? "does not name the file" : "names no field";
  if (!FIX.test(message)) return "says no fix";
  return null;
}
