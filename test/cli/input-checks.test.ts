/**
 * The CLI on hostile input (issue #14): devices, FIFOs, prototype keys, absurd sizes, one-class data,
 * sweeps whose base is wrong. Each must end in a clear message and exit 2 (invalid input), quickly.
 */
import { execFileSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "./cli-helpers.js";

describe("CLI input checks", () => {
  const dir = tempDir();

  it("refuses /dev/zero, /dev/urandom and a FIFO as config or data without reading them", () => {
    const fifo = join(dir, "fifo");
    execFileSync("mkfifo", [fifo]);
    const cases = [
      { args: ["train", "--config", "/dev/zero"], message: /config file \/dev\/zero is a character device/ },
      {
        args: ["train", "--set", 'data={"kind":"file","path":"/dev/urandom"}'],
        message: /data file \/dev\/urandom is a character device/,
      },
      { args: ["train", "--config", fifo], message: /is a FIFO \(named pipe\), not a regular file/ },
      { args: ["sweep", fifo], message: /sweep spec .* is a FIFO/ },
    ];
    for (const c of cases) {
      const r = runCli(c.args, dir);
      expect(r.stderr).toMatch(c.message);
      expect(r.code).toBe(2);
    }
  });

  it("refuses __proto__, constructor and prototype in --set, and Object.prototype stays clean", () => {
    for (const path of [
      "__proto__.toString",
      "__proto__.kind",
      "constructor.prototype.x",
      "model.prototype",
    ]) {
      const r = runCli(["train", "--set", `${path}=1`, "--steps", "2", "-q"], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/is not a config field/);
      expect(r.stderr).not.toMatch(/data\.kind|Cannot convert/);
    }
  });

  it("refuses a history too long to keep instead of crashing in the Set of record steps", () => {
    const r = runCli(["train", "--steps", "200000000", "-q"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /probes\.schedule: recording every 10 steps .* set probes\.schedule\.every to at least 101/,
    );
    expect(r.stderr).not.toMatch(/Set maximum size/);
  });

  it("refuses a model larger than the machine with its size, not 'Invalid typed array length'", () => {
    const r = runCli(["train", "--hidden", "100000,100000", "--steps", "1", "--backend", "js", "-q"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /the model has 10,000,500,000 parameters: about \d+\.\d GiB .*make model\.hidden smaller/,
    );
  });

  it("says in words why --out cannot be made", () => {
    const r = runCli(["train", "--out", "/proc/learndyn-out", "--steps", "2", "-q"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /cannot create output folder \/proc\/learndyn-out: it \(or a folder on its path\) does not exist/,
    );
    expect(r.stderr).not.toMatch(/ENOENT|EISDIR/);
  });

  it("warns of one-class data", () => {
    writeFileSync(join(dir, "one.csv"), "x1,x2,y\n1,2,1\n3,4,1\n5,1,1\n");
    const r = runCli(
      ["train", "--set", 'data={"kind":"file","path":"one.csv"}', "--steps", "2", "--out", "o1"],
      dir,
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: every one of the 3 labels of .*one\.csv is \+1 \(one class\)/);
  });

  it("a sweep checks its base before running, and refuses a spec nested 5,000 deep", () => {
    writeFileSync(join(dir, "nob.json"), JSON.stringify({ name: "nob", base: { optimizer: { lr: -1 } } }));
    const bad = runCli(["sweep", "nob.json", "--store", "nob.db", "-q"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /its base .* is not a valid run config:\n\s+- optimizer\.lr: .*from the base config/,
    );
    expect(existsSync(join(dir, "nob.db"))).toBe(false);
    writeFileSync(
      join(dir, "deep.json"),
      `{"name":"deep","base":${'{"a":'.repeat(5000)}1${"}".repeat(5000)}}`,
    );
    const deep = runCli(["sweep", "deep.json", "--store", "deep.db", "-q"], dir);
    expect(deep.code).toBe(2);
    expect(deep.stderr).toMatch(/sweep spec deep\.json: nested more than 64 levels deep/);
    expect(deep.stderr).not.toMatch(/call stack/);
  });

  it("a sweep whose runs fail says why and exits 1, not 0", () => {
    // svd-modes refuses a ReLU net when the trainer is made, so the run fails inside the worker
    writeFileSync(
      join(dir, "probe.json"),
      JSON.stringify({ name: "probe", base: { train: { steps: 5 }, probes: { include: ["svd-modes"] } } }),
    );
    const r = runCli(["sweep", "probe.json", "--store", "probe.db", "--workers", "0", "-q"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/1 run\(s\) failed; the first: probe svd-modes: .*relu.*--retry-failed/s);
  });

  it("a sweep whose largest run exceeds the machine is refused before its store exists", () => {
    writeFileSync(
      join(dir, "big.json"),
      JSON.stringify({ name: "big", base: { model: { hidden: [100000, 100000] }, train: { steps: 1 } } }),
    );
    const r = runCli(["sweep", "big.json", "--store", "big.db", "--workers", "0", "-q"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/its largest run has 10,000,\d{3},\d{3} parameters and needs about .* GiB/);
    expect(existsSync(join(dir, "big.db"))).toBe(false);
  });

  it("a sweep refuses a negative or absurd --commit-ms before its store exists", () => {
    writeFileSync(join(dir, "small.json"), JSON.stringify({ name: "small", base: { train: { steps: 2 } } }));
    for (const ms of ["-5", "NaN", "1e9"]) {
      const r = runCli(["sweep", "small.json", "--store", "small.db", "--commit-ms", ms, "-q"], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--commit-ms "${ms}": expected milliseconds from 0 to 3600000`);
    }
    expect(existsSync(join(dir, "small.db"))).toBe(false);
  });
});
