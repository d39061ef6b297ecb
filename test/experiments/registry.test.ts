import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { EXPERIMENTS, EXTRA_EXPERIMENTS, selectExperiments } from "../../src/experiments/registry.js";

const SRC = resolve(__dirname, "../../src/experiments");
const TESTS = resolve(__dirname);

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? testFiles(path) : path.endsWith(".test.ts") ? [path] : [];
  });
}

/** The exported name of each registered experiment, from registry.ts's imports ("c1Experiment" → "./c1-…"). */
function registeredNames(): string[] {
  const text = readFileSync(join(SRC, "registry.ts"), "utf8");
  return [...text.matchAll(/import \{ (\w+Experiment) \} from "\.\/[^"]+\.js";/g)].map((m) => m[1]);
}

/**
 * Experiments whose test runs them through a function of their own (it takes reduced settings); that
 * function validates its result like defineClaim does (starvation-cmnist.ts calls validateOutput).
 */
const RUN_BY = { starvationCmnistExperiment: "runStarvationCmnist(" } as Record<string, string>;

describe("the registry", () => {
  it("every registered claim is run by a test, so validateOutput (a basis on every check) sees its checks", () => {
    const names = registeredNames();
    expect(names.length).toBe(EXPERIMENTS.length + EXTRA_EXPERIMENTS.length);
    const tests = testFiles(TESTS).map((f) => readFileSync(f, "utf8"));
    const unrun = names.filter((name) => {
      const calls = RUN_BY[name] ? [RUN_BY[name]] : [`${name}.run(`, `${name}.runWith(`];
      return !tests.some((t) => calls.some((c) => t.includes(c)));
    });
    expect(unrun).toEqual([]);
  });

  it("the worker that runs reproduce validates every result, however the experiment was built", () => {
    const worker = readFileSync(resolve(SRC, "../cli/reproduce-worker.ts"), "utf8");
    expect(worker).toMatch(/validateOutput\(result, experiment\.id\)/);
  });

  it("looks experiments up by id or claim, and names the known ones when it cannot", () => {
    expect(selectExperiments(["C4"])[0].id).toBe("c4");
    expect(selectExperiments([]).length).toBe(EXPERIMENTS.length);
    expect(selectExperiments([], { all: true }).length).toBe(EXPERIMENTS.length + EXTRA_EXPERIMENTS.length);
    expect(() => selectExperiments(["nope"])).toThrow(/unknown experiment "nope"; known: c1 \(C1:/);
  });
});
