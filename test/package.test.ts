import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * learndyn as a new user meets it (issue 12 item 2): the README's "Use from Node" example runs as written,
 * and the packed tarball installs into an empty folder, imports from plain ESM JavaScript and type-checks a
 * TypeScript file. Both use the built dist/ (npm test builds first).
 */
const ROOT = join(import.meta.dirname, "..");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
};

function run(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

/** The first ```js block after the heading `## Use from Node` in README.md. */
function readmeExample(): string {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Use from Node"));
  const m = /```js\n([\s\S]*?)```/.exec(section);
  if (!m) throw new Error('README.md has no ```js block under "## Use from Node"');
  return m[1];
}

describe("the package as a user gets it", () => {
  it("runs the README's 'Use from Node' example as written", () => {
    // Inside the package folder, `import "learndyn"` resolves to this package (self-reference by name).
    const dir = mkdtempSync(join(ROOT, ".readme-example-"));
    try {
      const file = join(dir, "example.mjs");
      writeFileSync(file, readmeExample());
      const r = run(process.execPath, [file], ROOT);
      expect(r.out).toMatch(/^done after \d+ steps: loss [\d.]+, error /);
      expect(r.code, r.out).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("packs, installs into an empty folder, imports from JavaScript and type-checks TypeScript", () => {
    const dir = mkdtempSync(join(tmpdir(), "learndyn-pack-"));
    try {
      // --ignore-scripts: prepare would rebuild; dist/ is already built.
      const pack = run("npm", ["pack", "--ignore-scripts", "--silent", "--pack-destination", dir], ROOT);
      expect(pack.code, pack.out).toBe(0);
      const tarball = join(dir, pack.out.trim().split("\n").at(-1) as string);
      const app = join(dir, "app");
      const installed = join(app, "node_modules", "learndyn");
      mkdirSync(installed, { recursive: true });
      writeFileSync(
        join(app, "package.json"),
        JSON.stringify({ name: "app", private: true, type: "module" }),
      );
      expect(run("tar", ["-xzf", tarball, "-C", installed, "--strip-components=1"], dir).code).toBe(0);
      // No network: the dependencies are linked from this checkout's node_modules (what `npm ci` filled);
      // npm install --offline cannot work, npm ci caches tarballs but not the registry's package documents.
      for (const dep of Object.keys(pkg.dependencies)) {
        mkdirSync(dirname(join(app, "node_modules", dep)), { recursive: true });
        symlinkSync(join(ROOT, "node_modules", dep), join(app, "node_modules", dep));
      }
      const files = readFileSync(join(installed, "package.json"), "utf8");
      expect(JSON.parse(files).exports["."].types).toBe("./dist/index.d.ts");

      writeFileSync(
        join(app, "main.mjs"),
        [
          'import { parseRunConfig, runTraining, theory } from "learndyn";',
          'import { loadConfig } from "learndyn/node";',
          'const config = parseRunConfig({ data: { kind: "orthogonal", norms: [1, 2] }, train: { steps: 30 } });',
          "const run = runTraining(config);",
          "console.log(run.status, run.history.at(-1).step, typeof theory, typeof loadConfig);",
        ].join("\n"),
      );
      const js = run(process.execPath, ["main.mjs"], app);
      expect(js.out.trim(), js.out).toBe("done 30 object function");

      writeFileSync(
        join(app, "main.ts"),
        [
          'import { parseRunConfig, runTraining, type RunConfig, type RunConfigInput } from "learndyn";',
          'import { openStore, type SweepStore } from "learndyn/node";',
          'const input: RunConfigInput = { data: { kind: "orthogonal", norms: [1, 2] } };',
          "const config: RunConfig = parseRunConfig(input);",
          "const steps: number = runTraining(config).history.length;",
          "export const open: (path: string) => SweepStore = openStore;",
          "export { steps };",
          "// @ts-expect-error: a wrong option type must fail the check",
          'export const bad: RunConfigInput = { train: { steps: "many" } };',
        ].join("\n"),
      );
      const tsc = run(
        process.execPath,
        [
          join(ROOT, "node_modules", "typescript", "bin", "tsc"),
          "--noEmit",
          "--strict",
          "--module",
          "nodenext",
          "--moduleResolution",
          "nodenext",
          "--target",
          "es2022",
          "--skipLibCheck",
          "--types",
          "node",
          "--typeRoots",
          join(ROOT, "node_modules", "@types"),
          "main.ts",
        ],
        app,
      );
      expect(tsc.out, tsc.out).toBe("");
      expect(tsc.code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
