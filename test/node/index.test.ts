import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import * as front from "../../src/index.js";
import { historyTable, loadConfig, loadData, tableToCsv } from "../../src/node/index.js";

const ROOT = join(import.meta.dirname, "..", "..");

/** Relative import specifiers of `file` resolved to repository paths (.js → .ts). */
function localImports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  return [...text.matchAll(/\bfrom\s*["'](\.[^"']+)["']/g)].map((m) =>
    resolve("/", dirname(file), m[1]).slice(1).replace(/\.js$/, ".ts"),
  );
}

describe("learndyn/node (src/node/index.ts)", () => {
  it("loads a config file and its data, then writes a history table", () => {
    const dir = mkdtempSync(join(tmpdir(), "learndyn-node-entry-"));
    const path = join(dir, "run.json");
    const config = { data: { kind: "orthogonal", norms: [1, 2] }, train: { steps: 10 } };
    writeFileSync(path, JSON.stringify(config));
    const loaded = loadConfig(path, []);
    const run = front.runTraining(loaded.config, { data: loadData(loaded) });
    expect(run.history.at(-1)?.step).toBe(10);
    const csv = tableToCsv(historyTable([]));
    expect(csv.split("\n")[0]).toMatch(/run/);
  });

  it("the main entry reaches nothing in src/node/ (it is what the browser lab bundles)", () => {
    const seen = new Set<string>();
    const queue = ["src/index.ts"];
    while (queue.length) {
      const f = queue.pop() as string;
      if (seen.has(f)) continue;
      seen.add(f);
      queue.push(...localImports(f).filter((g) => g.startsWith("src/")));
    }
    expect(seen.size).toBeGreaterThan(50);
    expect([...seen].filter((f) => f.startsWith("src/node/") || f.startsWith("src/cli/"))).toEqual([]);
  });
});
