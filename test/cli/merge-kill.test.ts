import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Rng } from "../../src/engine/rng.js";
import { openStore } from "../../src/node/store/store.js";
import { comparable, storeOfRuns, tempPath } from "../node/store/helpers.js";
import { runCli } from "./cli-helpers.js";

const root = new URL("../../", import.meta.url).pathname;

function merge(inputs: string[], out: string): ChildProcess {
  return spawn(process.execPath, [join(root, "bin/learndyn.js"), "merge", ...inputs, "-o", out, "--quiet"], {
    stdio: "ignore",
  });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((r) => child.on("exit", (code) => r(code)));

describe("merge killed with SIGKILL (built CLI)", () => {
  it("20 kill -9 at random moments, then the same merge: every run once, equal to an uninterrupted merge", async () => {
    runCli(["--version"]); // builds dist/ if missing
    const a = tempPath("a.db");
    const b = tempPath("b.db");
    storeOfRuns(a, 1500);
    storeOfRuns(b, 2000); // overlaps a's first 1500 keys
    const reference = tempPath("reference.db");
    const t0 = performance.now();
    expect(await exited(merge([a, b], reference))).toBe(0);
    const full = performance.now() - t0;

    const out = tempPath("killed.db");
    const rng = new Rng(7);
    let completed = 0;
    for (let k = 0; k < 20; k++) {
      const child = merge([a, b], out);
      const done = exited(child);
      await new Promise((r) => setTimeout(r, rng.uniform() * full));
      child.kill("SIGKILL");
      if ((await done) === 0) completed++;
    }
    expect(await exited(merge([a, b], out))).toBe(0);
    const got = openStore(out);
    const want = openStore(reference);
    try {
      const runs = got.runs();
      expect(runs).toHaveLength(2000);
      expect(new Set(runs.map((r) => r.pointKey)).size).toBe(2000);
      expect(comparable(runs)).toEqual(comparable(want.runs()));
      // Most kills landed before the merge was done (else this test shows nothing).
      expect(completed, `merges that finished before their kill: ${completed} of 20`).toBeLessThan(15);
    } finally {
      got.close();
      want.close();
    }
  }, 300_000);
});
