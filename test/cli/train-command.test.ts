import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { skipNative } from "../engine/native-helpers.js";
import { issueCaseInput } from "../regime/issue-case.js";
import { runCli, tempDir } from "./cli-helpers.js";

/** A short `learndyn train` on `backend` into `out`, with a JSON summary; `extra` adds flags. */
function trainArgs(backend: string, out: string, extra: string[] = []): string[] {
  return [
    "train",
    "--steps",
    "150",
    "--hidden",
    "7,5",
    ...extra,
    "--backend",
    backend,
    "--out",
    out,
    "--json",
  ];
}

describe("learndyn train", () => {
  it("--backend js and --backend wasm write the same bits, and the backend is not part of the config", () => {
    const runs = ["js", "wasm"].map((backend) => {
      const out = join(tempDir(), backend);
      expect(runCli(trainArgs(backend, out)).code).toBe(0);
      return {
        history: readFileSync(join(out, "history.json"), "utf8"),
        weights: readFileSync(join(out, "weights.json"), "utf8"),
        config: readFileSync(join(out, "config.json"), "utf8"),
      };
    });
    expect(runs[1].history).toBe(runs[0].history);
    expect(runs[1].weights).toBe(runs[0].weights);
    expect(runs[1].config).toBe(runs[0].config);
    expect(runs[0].config).not.toMatch(/backend/);
    const bad = runCli(["train", "--backend", "gpu", "--steps", "1", "--out", join(tempDir(), "x")]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/js, wasm, native/);
  });

  it("--threads 1 and --threads 2 write the same bits; a bad count is refused with the fix", () => {
    const outs = ["1", "2"].map((threads) => {
      const out = join(tempDir(), `threads-${threads}`);
      const data = ["--data", "blobs", "--set", "data.n=400", "--set", "data.d=64", "--lr", "1e-4"];
      const r = runCli([
        "train",
        ...data,
        "--hidden",
        "64,64",
        "--steps",
        "400",
        "--threads",
        threads,
        "--out",
        out,
        "--json",
      ]);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).threads).toBe(Number(threads));
      return (
        readFileSync(join(out, "history.json"), "utf8") + readFileSync(join(out, "weights.json"), "utf8")
      );
    });
    expect(outs[1]).toBe(outs[0]);
    const bad = runCli(["train", "--threads", "0", "--steps", "1", "--out", join(tempDir(), "x")]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--threads: expected an integer from 1 to 64, got "0"/);
  });

  it.skipIf(skipNative)(
    "--backend native trains close to wasm (not bit-identical) and says which kernel ran",
    () => {
      const run = (backend: string) => {
        const out = join(tempDir(), backend);
        // Products of 200×64×32 and up: large enough for the addon (tiny ones stay in wasm).
        const data = ["--data", "blobs", "--set", "data.d=32", "--hidden", "64,64", "--lr", "1e-4"];
        const r = runCli(trainArgs(backend, out, data));
        expect(r.code).toBe(0);
        expect(r.stderr).toBe("");
        const history = JSON.parse(readFileSync(join(out, "history.json"), "utf8")) as { loss: number }[];
        return { summary: JSON.parse(r.stdout), loss: history.map((h) => h.loss) };
      };
      const wasm = run("wasm");
      const native = run("native");
      expect(wasm.summary.backend).toBe("wasm");
      expect(native.summary.backend).toMatch(/^native \((avx512|avx2|sse2)\)$/);
      expect(native.loss.length).toBe(wasm.loss.length);
      const worst = Math.max(
        ...native.loss.map((l, i) => Math.abs(l - wasm.loss[i]) / Math.abs(wasm.loss[i])),
      );
      expect(worst).toBeLessThanOrEqual(1e-12);
      // The addon's kernels ran: with fused multiply-adds the rounding differs somewhere (SSE2 has none).
      if (!native.summary.backend.includes("sse2")) expect(worst).toBeGreaterThan(0);
    },
  );

  it("--backend native without a loadable addon: one line on stderr, then trains on wasm", () => {
    // An unknown forced kernel makes the addon refuse to load (as a missing build would).
    process.env.LEARNDYN_NATIVE_ISA = "none";
    try {
      const out = join(tempDir(), "fallback");
      const r = runCli(["train", "--steps", "20", "--backend", "native", "--out", out, "--json"]);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/^learndyn: native backend unavailable \(.+\); using wasm\n$/);
      expect(JSON.parse(r.stdout).backend).toBe("wasm");
    } finally {
      delete process.env.LEARNDYN_NATIVE_ISA;
    }
  });

  it("trains the default config and writes history, weights and a rerunnable config", () => {
    const out = join(tempDir(), "run");
    const r = runCli(["train", "--steps", "200", "--out", out, "--json"]);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.status).toBe("done");
    expect(summary.steps).toBe(200);
    const history = JSON.parse(readFileSync(join(out, "history.json"), "utf8"));
    expect(history[0].step).toBe(0);
    expect(history[history.length - 1].step).toBe(200);
    expect(history[history.length - 1].loss).toBeLessThan(history[0].loss);
    const csv = readFileSync(join(out, "history.csv"), "utf8").split("\n");
    expect(csv[0]).toBe("step,t,loss,error");
    // The written config reruns to the same numbers, with the final weights usable as an init file.
    const again = join(tempDir(), "again");
    const r2 = runCli(["train", "--config", join(out, "config.json"), "--out", again, "--json"]);
    expect(r2.code).toBe(0);
    expect(readFileSync(join(again, "history.json"), "utf8")).toBe(
      readFileSync(join(out, "history.json"), "utf8"),
    );
    const fromWeights = runCli([
      "train",
      "--steps",
      "0",
      "--set",
      "init.scheme=explicit",
      "--set",
      `init.file=${join(out, "weights.json")}`,
      "--json",
      "--out",
      join(tempDir(), "w"),
    ]);
    expect(fromWeights.code).toBe(0);
    expect(JSON.parse(fromWeights.stdout).loss).toBe(summary.loss);
  });

  it("names every bad field of a broken config and exits 2", () => {
    const dir = tempDir();
    const config = join(dir, "bad.json");
    writeFileSync(
      config,
      JSON.stringify({ model: { hidden: [0], activaton: "relu" }, optimizer: { lr: -1 } }),
    );
    const r = runCli(["train", "--config", config]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(config);
    expect(r.stderr).toMatch(/model\.hidden\.0/);
    expect(r.stderr).toMatch(/unknown field\(s\) "activaton"/);
    expect(r.stderr).toMatch(/optimizer\.lr/);
  });

  it("reports a JSON syntax error in the config file", () => {
    const config = join(tempDir(), "broken.json");
    writeFileSync(config, '{"seed": 1,,}');
    const r = runCli(["train", "--config", config]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not valid JSON/);
  });

  it("names the file, line and column of a broken CSV", () => {
    const dir = tempDir();
    const csv = join(dir, "points.csv");
    writeFileSync(csv, "x1,x2,y\n1,2,1\n3,oops,-1\n");
    const r = runCli(["train", "--data", "file", "--set", `data.path=${csv}`, "--out", join(dir, "o")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("points.csv");
    expect(r.stderr).toMatch(/line 3/);
    expect(r.stderr).toMatch(/x2/);
  });

  it("trains on a CSV file", () => {
    const dir = tempDir();
    const csv = join(dir, "points.csv");
    writeFileSync(csv, "x1,x2,label\n1,0,1\n0,1,0\n2,0,1\n0,2,0\n");
    const r = runCli([
      "train",
      "--data",
      "file",
      "--set",
      `data.path=${csv}`,
      "--steps",
      "300",
      "--lr",
      "0.1",
      "--json",
      "--out",
      join(dir, "o"),
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).data).toEqual({ name: expect.any(String), n: 4, d: 2 });
  });

  it("ends a run whose loss explodes as diverged (exit 3), keeping its history", () => {
    const out = join(tempDir(), "div");
    const args = ["--data", "blobs", "--loss", "squared", "--scale", "1", "--lr", "5", "--steps", "500"];
    const r = runCli(["train", ...args, "--json", "--out", out]);
    expect(r.code).toBe(3);
    const summary = JSON.parse(r.stdout);
    expect(summary.status).toBe("diverged");
    expect(summary.steps).toBeLessThan(500);
    expect(summary.stopReason).toMatch(/loss .* at step/);
    const history = JSON.parse(readFileSync(join(out, "history.json"), "utf8"));
    expect(history.length).toBeGreaterThanOrEqual(2);
  });

  it("prints help that lists data kinds and examples", () => {
    const r = runCli(["train", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Data kinds:/);
    expect(r.stdout).toMatch(/moons/);
    expect(r.stdout).toMatch(/Examples:/);
    // every data kind and probe stands in one column, its description after at least one space
    for (const section of [/Data kinds:\n([\s\S]*?)\n\n/, /Probes \(.*\n([\s\S]*?)\n\n/]) {
      const lines = (r.stdout.match(section)?.[1] ?? "").split("\n");
      expect(lines.length).toBeGreaterThan(5);
      const starts = lines.map((l) => l.match(/^ {2}\S+ +/)?.[0].length);
      expect(starts.every((s) => s !== undefined && s === starts[0])).toBe(true);
    }
  });

  it("prints a JSON Schema for configs", () => {
    const r = runCli(["schema"]);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.properties.optimizer).toBeDefined();
    const kinds = (schema.properties.data.oneOf ?? schema.properties.data.anyOf).map(
      (b: { properties: { kind: { const: string } } }) => b.properties.kind.const,
    );
    expect(kinds).toEqual(expect.arrayContaining(["lms", "two-point-toy"]));
  });

  it("trains the lms and two-point-toy data of a JSON config; a bad field exits 2 naming it and the fix", () => {
    const dir = tempDir();
    const run = (name: string, data: object, model: object) => {
      const config = join(dir, `${name}.json`);
      writeFileSync(config, JSON.stringify({ data, model, train: { steps: 20 } }));
      return runCli(["train", "--config", config, "--out", join(dir, name), "--json"]);
    };
    const lms = run("lms", { kind: "lms", n: 200, nTest: 100, slabs: 4 }, { hidden: [8] });
    expect(lms.code, lms.stderr).toBe(0);
    const saved = JSON.parse(readFileSync(join(dir, "lms", "config.json"), "utf8"));
    expect(saved.data).toMatchObject({ kind: "lms", n: 200, slabs: 4, k: 5, slabMargin: 0.1 });
    expect(JSON.parse(lms.stdout).data).toEqual({ name: "lms-5(slabs=4)", n: 200, d: 5 });
    const toy = run("toy", { kind: "two-point-toy", strength1: 6 }, { hidden: [], bias: false });
    expect(toy.code, toy.stderr).toBe(0);
    expect(JSON.parse(toy.stdout).data).toMatchObject({ n: 2, d: 2 });
    const bad = run("bad", { kind: "lms", slabMargin: 0.25 }, { hidden: [8] });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/data\.slabMargin: must be below 0\.25 when k = 5 .*use e\.g\. 0\.1/);
  });
  it("says which assumption of the theory breaks (the issue's η·‖x‖ = 6 case), in words and in --json", () => {
    const dir = tempDir();
    const config = issueCaseInput(6, 200);
    writeFileSync(join(dir, "run.json"), JSON.stringify(config));
    const text = runCli(["train", "-c", join(dir, "run.json"), "--out", join(dir, "a")]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^done: 200 steps/);
    expect(text.stdout).toMatch(/theory's assumptions break: flowStep \(η·max‖x‖ = 6 > 1\); stability/);
    expect(text.stdout).toMatch(
      /✗ fates: GD changed the fate of 1 of 2 live modes: 1 that gradient flow keeps or recovers were killed/,
    );
    const json = runCli(["train", "-c", join(dir, "run.json"), "--out", join(dir, "b"), "--json"]);
    const regime = JSON.parse(json.stdout).regime;
    expect(regime.breaks).toEqual(["flowStep", "stability", "fates"]);
    expect(JSON.parse(readFileSync(join(dir, "b", "summary.json"), "utf8")).regime).toEqual(regime);
    const slow = runCli([
      "train",
      "-c",
      join(dir, "run.json"),
      "--lr",
      "0.5",
      "--steps",
      "100",
      "--out",
      join(dir, "c"),
      "--json",
    ]);
    expect(JSON.parse(slow.stdout).regime.holds).toBe(true);
  });
});
