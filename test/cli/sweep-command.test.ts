import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "./cli-helpers.js";

const SPEC = {
  name: "cli-small",
  base: { data: { kind: "orthogonal", norms: [1, 1] }, model: { hidden: [2] }, train: { steps: 20 } },
  axes: [{ field: "optimizer.lr", values: [0.1, 0.2] }],
  seeds: 2,
  keep: { scalars: ["loss", "error"] },
};

function write(dir: string, name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
}

describe("learndyn sweep / merge / export (built CLI)", () => {
  it("runs, resumes, shards, merges and exports", () => {
    const dir = tempDir();
    const spec = write(dir, "spec.json", SPEC);
    const db = join(dir, "runs.db");
    const first = runCli(["sweep", spec, "--store", db, "--workers", "2", "--json"]);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ stored: 4, skipped: 0, ran: { done: 4 } });
    const again = runCli(["sweep", spec, "--store", db, "--workers", "2", "--json"]);
    expect(JSON.parse(again.stdout)).toMatchObject({ stored: 4, skipped: 4, ran: { done: 0 } });

    const shards = [0, 1].map((i) => join(dir, `s${i}.db`));
    for (let i = 0; i < 2; i++) {
      expect(runCli(["sweep", spec, "--store", shards[i], "--shard", `${i}/2`, "--quiet"]).code).toBe(0);
    }
    const merged = join(dir, "all.db");
    expect(runCli(["merge", ...shards, "-o", merged]).code).toBe(0);
    const a = runCli(["export", db, "--format", "csv"]).stdout;
    const b = runCli(["export", merged, "--format", "csv"]).stdout;
    const strip = (csv: string) =>
      csv
        .trim()
        .split("\n")
        .map((l) => l.split(",").slice(0, -1).join(","));
    expect(strip(b)).toEqual(strip(a));
    expect(a.split("\n")[0]).toBe(
      "run,point_index,optimizer.lr,seed_index,seed,status,steps,loss,error,regime,stop_reason,error_message,seconds",
    );
    expect(a.trim().split("\n")).toHaveLength(5);

    const pq = join(dir, "runs.parquet");
    expect(runCli(["export", db, "--format", "parquet", "-o", pq]).code).toBe(0);
    expect(readFileSync(pq).subarray(0, 4).toString()).toBe("PAR1");
  });

  it("exports kept histories (CSV, Parquet), --json and -q, and refuses what it cannot do (exit 2)", async () => {
    const dir = tempDir();
    const spec = write(dir, "spec.json", { ...SPEC, keep: { scalars: ["loss"], history: { points: 5 } } });
    const db = join(dir, "runs.db");
    expect(runCli(["sweep", spec, "--store", db, "-q"]).code).toBe(0);
    const csv = runCli(["export", db, "--table", "history"]).stdout.trim().split("\n");
    expect(csv[0]).toBe("run,step,t,metric,value");
    expect(csv.length - 1).toBe(4 * 3 * 2); // 4 runs × 3 records (steps 0, 10, 20) × (loss, error)
    const pq = join(dir, "h.parquet");
    const json = runCli(["export", db, "--table", "history", "-f", "parquet", "-o", pq, "--json"]);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      out: pq,
      table: "history",
      format: "parquet",
      rows: 24,
      columns: ["run", "step", "t", "metric", "value"],
    });
    const { readParquetRows } = await import("../../src/node/store/parquet.js");
    const rows = await readParquetRows(readFileSync(pq));
    expect(rows).toHaveLength(24);
    expect(rows.filter((r) => r.metric === "loss").map((r) => `${r.run},${r.step}`)).toHaveLength(12);
    const quiet = runCli(["export", db, "-o", join(dir, "r.csv"), "--json", "-q"]);
    expect([quiet.code, quiet.stdout, quiet.stderr]).toEqual([0, "", ""]);
    const rep = runCli(["report", "--store", db, "-o", join(dir, "rep"), "--no-png", "--json"]);
    expect(JSON.parse(rep.stdout)).toMatchObject({ index: join(dir, "rep", "index.html") });

    const bad = (args: string[], message: string) => {
      const r = runCli(args);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(message);
    };
    bad(["export", db, "--format", "xml"], "Allowed choices are csv, parquet");
    bad(["export", db, "--table", "points"], "Allowed choices are runs, history");
    bad(["export", db, "--json"], "give the CSV a file with -o FILE");
    const noHistory = join(dir, "nh.db");
    expect(runCli(["sweep", write(dir, "nh.json", SPEC), "--store", noHistory, "-q"]).code).toBe(0);
    bad(["export", noHistory, "--table", "history"], "kept no history");
    const unrecorded = write(dir, "u.json", { ...SPEC, keep: { scalars: ["loss", "marginMin"] } });
    bad(["sweep", unrecorded, "--store", join(dir, "u.db")], 'recorded by the probe "margins"');
  });

  it("bad specs and stores get clear errors (exit 2) and stored data is not touched", () => {
    const dir = tempDir();
    const bad = write(dir, "bad.json", { ...SPEC, axes: [{ field: "optimizer.lrate", values: [0.1] }] });
    const r1 = runCli(["sweep", bad, "--store", join(dir, "x.db")]);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toContain('unknown field "lrate" in optimizer');

    const empty = write(dir, "empty.json", {
      ...SPEC,
      axes: [{ field: "optimizer.lr", range: { from: 0.1, to: 1, count: 0 } }],
    });
    expect(runCli(["sweep", empty]).stderr).toContain("empty range");

    const huge = write(dir, "huge.json", {
      ...SPEC,
      axes: [
        { field: "optimizer.lr", range: { from: 0.001, to: 1, count: 1000 } },
        { field: "init.scale", range: { from: 0.001, to: 1, count: 1000 } },
        { field: "optimizer.momentum", range: { from: 0, to: 0.9, count: 1000 } },
      ],
    });
    const r2 = runCli(["sweep", huge, "--store", join(dir, "huge.db")]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain("pass --yes");

    const spec = write(dir, "spec.json", SPEC);
    const db = join(dir, "runs.db");
    expect(runCli(["sweep", spec, "--store", db, "--quiet"]).code).toBe(0);
    const other = write(dir, "other.json", { ...SPEC, seeds: 3 });
    const r3 = runCli(["sweep", other, "--store", db]);
    expect(r3.code).toBe(2);
    expect(r3.stderr).toContain("a store holds one spec");
    const r4 = runCli(["merge", db, join(dir, "nope.db"), "-o", join(dir, "m.db")]);
    expect(r4.code).toBe(2);

    const otherDb = join(dir, "other.db");
    expect(runCli(["sweep", other, "--store", otherDb, "--quiet"]).code).toBe(0);
    const r5 = runCli(["merge", db, otherDb, "-o", join(dir, "m.db")]);
    expect(r5.code).toBe(2);
    expect(r5.stderr).toContain("only shards of the same spec can be merged");

    const corrupt = join(dir, "corrupt.db");
    writeFileSync(corrupt, "garbage ".repeat(1000));
    const r6 = runCli(["sweep", spec, "--store", corrupt]);
    expect(r6.code).toBe(2);
    expect(r6.stderr).toContain("is not a SQLite database");
    expect(readFileSync(corrupt, "utf8")).toBe("garbage ".repeat(1000));
  });
});
