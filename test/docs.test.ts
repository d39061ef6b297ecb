import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The API documentation (`npm run docs`, TypeDoc over the JSDoc) builds from both public entry points
 * without an error or a warning: every type a public function takes or returns is exported and so
 * documented, and every {@link} resolves. Run with `--emit none` (checks everything, writes nothing).
 */
const ROOT = join(import.meta.dirname, "..");

interface TypedocJson {
  entryPoints: string[];
  treatWarningsAsErrors: boolean;
}

describe("npm run docs", () => {
  it("documents exactly the package's public entry points", () => {
    const options = JSON.parse(readFileSync(join(ROOT, "typedoc.json"), "utf8")) as TypedocJson;
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
      exports: Record<string, { import?: string }>;
      scripts: Record<string, string>;
    };
    // Each `exports` entry's dist/…/x.js comes from src/…/x.ts (tsconfig.build.json: rootDir src).
    const sources = Object.values(pkg.exports)
      .map((e) => e.import)
      .filter((f): f is string => f !== undefined)
      .map((f) => f.replace(/^\.\/dist\//, "src/").replace(/\.js$/, ".ts"));
    expect(options.entryPoints.sort()).toEqual(sources.sort());
    expect(options.treatWarningsAsErrors).toBe(true);
    expect(pkg.scripts.docs).toBe("typedoc");
  });

  it("builds without errors or warnings", { timeout: 400_000 }, () => {
    const typedoc = join(ROOT, "node_modules", "typedoc", "bin", "typedoc");
    const r = spawnSync(process.execPath, [typedoc, "--emit", "none"], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 390_000,
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
    });
    const out = `${r.stdout}${r.stderr}`;
    expect(out).not.toMatch(/\[(warning|error)\]/);
    expect(r.status, out).toBe(0);
  });
});
