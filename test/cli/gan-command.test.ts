import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createGanRun } from "../../src/gan/train.js";
import { ganLabConfig } from "../../web/src/gan/gan-session.js";
import { runCli, tempDir } from "./cli-helpers.js";

describe("learndyn gan", () => {
  it("runs the lab's GAN config and writes the same history as the library", () => {
    const config = {
      ...ganLabConfig({ data: "ring", loss: "hinge", optimizer: "adam", seed: 2 }),
      iterations: 100,
    };
    const dir = tempDir();
    const file = join(dir, "gan.json");
    writeFileSync(file, JSON.stringify(config));
    const out = join(dir, "out");
    const r = runCli(["gan", "--config", file, "--set", "seed=2", "--out", out, "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.iterations).toBe(100);
    const lib = createGanRun(config);
    lib.run();
    expect(JSON.parse(readFileSync(join(out, "history.json"), "utf8"))).toEqual(lib.history);
    expect(readFileSync(join(out, "history.csv"), "utf8").split("\n")[0]).toContain("modesCaptured");
  });

  it("explains a bad field and exits 2", () => {
    const r = runCli(["gan", "--set", "loss=wasserstein", "--out", join(tempDir(), "x")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("loss");
  });
});
