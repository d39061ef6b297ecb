import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Every file package.json promises (main, types, each exports condition) exists after `npm run build`
 * (issue 12): the entry points live at dist/index.* and dist/node/index.*, emitted by
 * `tsc -p tsconfig.build.json`. The root tsconfig.json is that same emitting config (src only, rootDir
 * src, outDir dist), so a bare `tsc` or `tsc -b` at the root also builds the entry points; the type-check
 * of src, test and bench has its own tsconfig.check.json (no emit). npm test builds first.
 */
const ROOT = join(import.meta.dirname, "..");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  main: string;
  types: string;
  exports: Record<string, string | Record<string, string>>;
  scripts: Record<string, string>;
};

function promisedPaths(): string[] {
  const out = [pkg.main, pkg.types];
  for (const target of Object.values(pkg.exports)) {
    if (typeof target === "string") out.push(target);
    else out.push(...Object.values(target));
  }
  return out;
}

describe("package.json's entry points", () => {
  it("names only files that exist after the build", () => {
    const paths = promisedPaths();
    expect(paths).toContain("./dist/node/index.js");
    const missing = paths.filter((p) => !existsSync(join(ROOT, p)));
    expect(missing, `missing after the build: ${missing.join(", ")}; run npm run build`).toEqual([]);
  });

  // npm runs `prepare` on install from git and on `npm pack`, so one script covers both (a `prepack`
  // beside it would build twice per pack).
  it("builds before packing and runs tsc with the emitting config in the build", () => {
    expect(pkg.scripts.prepare).toBe("npm run build");
    expect(pkg.scripts.build).toContain("tsc -p tsconfig.build.json");
  });

  it("makes a bare tsc at the root build the entry points, and the type-check of tests emit nothing", () => {
    const read = (name: string) =>
      JSON.parse(readFileSync(join(ROOT, name), "utf8")) as {
        compilerOptions: { noEmit?: boolean; outDir?: string; rootDir?: string };
        include: string[];
      };
    const root = read("tsconfig.json");
    expect(root.compilerOptions.noEmit).not.toBe(true);
    expect([root.compilerOptions.rootDir, root.compilerOptions.outDir, root.include]).toEqual([
      "src",
      "dist",
      ["src"],
    ]);
    const check = read("tsconfig.check.json");
    expect(check.compilerOptions.noEmit).toBe(true);
    expect(check.include).toEqual(["src", "test", "bench"]);
    expect(pkg.scripts.typecheck).toContain("tsc -p tsconfig.check.json");
  });
});
