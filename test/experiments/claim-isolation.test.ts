import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "../../src/experiments");
/** Files of src/experiments that belong to no claim: the shared types and the registry (imports them all). */
const SHARED = new Set(["experiment.ts", "experiment-io.ts", "registry.ts"]);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith(".ts") ? [path] : [];
  });
}

/** The claim a path of src/experiments belongs to ("c4-input-norm/measure.ts" → "c4"), or null if shared. */
function claimOf(path: string): string | null {
  const rel = relative(ROOT, path);
  if (rel.startsWith("..") || SHARED.has(rel)) return null;
  const head = rel.split(/[\\/]/)[0].replace(/\.ts$/, "");
  return /^c\d/.test(head) ? head.slice(0, 2) : head.replace(/-bench$/, "");
}

/** Relative imports of a source file, resolved to .ts paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/from "(\.{1,2}\/[^"]+)\.js"/g)].map((m) => resolve(dirname(file), `${m[1]}.ts`));
}

describe("claim folders", () => {
  it("no claim imports another claim (shared pieces live in the kit)", () => {
    const crossings: string[] = [];
    for (const file of filesUnder(ROOT)) {
      const own = claimOf(file);
      if (own === null) continue;
      for (const target of importsOf(file)) {
        const other = claimOf(target);
        if (other !== null && other !== own)
          crossings.push(`${relative(ROOT, file)} → ${relative(ROOT, target)}`);
      }
    }
    expect(crossings).toEqual([]);
  });

  it("tells claims apart by their folder (the rule the test above applies)", () => {
    expect(claimOf(join(ROOT, "c4-input-norm/measure.ts"))).toBe("c4");
    expect(claimOf(join(ROOT, "c6-ce-vs-hinge/claim.ts"))).toBe("c6");
    expect(claimOf(join(ROOT, "gan-bench/claim.ts"))).toBe("gan");
    expect(claimOf(join(ROOT, "registry.ts"))).toBeNull();
    expect(claimOf(resolve(ROOT, "../kit/measure/modes.ts"))).toBeNull();
  });
});
