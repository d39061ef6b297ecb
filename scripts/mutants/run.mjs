#!/usr/bin/env node
// Runs the hand-written mutants of ./mutants.mjs: each is applied to a temporary copy of this tree (never
// to the tree itself), then the science-core unit tests (vitest.mutate.config.ts, the selection
// `npm run mutate` uses) and `learndyn reproduce` (all seven claims, default scale) run against it. A
// mutant is caught by the unit tests when one fails, and by reproduce when a check's verdict changes or a
// claim turns into an error row. Writes docs/MUTANTS.md (which mutant, caught by which test or check).
//
//   npm run build                            # dist/ of the unmutated tree (copied, then patched)
//   node scripts/mutants/run.mjs             # every mutant (≈2 min each on a loaded 2-core box)
//   node scripts/mutants/run.mjs --only saxe-rate-half,p-active-depth --no-write
//   node scripts/mutants/run.mjs --baseline /tmp/base   # reuse a reproduce --out dir of the unmutated tree
//   node scripts/mutants/run.mjs --claims               # which claims each mutant's reproduce runs
//
// Why a copy: other people work in the tree; a mutant left behind by a killed run must not reach them.
// Why patch dist/ too: reproduce runs compiled code. Only the mutated file is transpiled again
// (TypeScript's transpileModule, the project's compiler options), so a mutant costs no full build.
import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { MUTANTS } from "./mutants.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const only = flag("--only")?.split(",");
const write = !args.includes("--no-write");

if (!existsSync(join(ROOT, "dist", "cli"))) {
  console.error(
    "scripts/mutants/run.mjs: dist/ is missing; run `npm run build` first (reproduce runs dist/).",
  );
  process.exit(2);
}
const selected = only ? MUTANTS.filter((m) => only.includes(m.id)) : MUTANTS;
if (only && selected.length !== only.length) {
  const known = new Set(MUTANTS.map((m) => m.id));
  console.error(`unknown mutant id(s): ${only.filter((id) => !known.has(id)).join(", ")}`);
  process.exit(2);
}

// Top-level entries not copied: dependencies (linked instead), git, and outputs of earlier runs.
const SKIP = new Set(["node_modules", ".git", ".stryker-tmp", "reports", "report", "runs", "tmp"]);

/**
 * A copy of the tree (sources, tests, dist/) with node_modules linked. To run mutants while you keep
 * editing, copy the tree once and run this script from the copy: each mutant then starts from that copy.
 */
function copyTree() {
  const dir = mkdtempSync(join(tmpdir(), "learndyn-mutant-"));
  for (const f of readdirSync(ROOT))
    if (!SKIP.has(f)) cpSync(join(ROOT, f), join(dir, f), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  return dir;
}

const compilerOptions = (() => {
  const cfg = ts.readConfigFile(join(ROOT, "tsconfig.build.json"), ts.sys.readFile);
  // transpileModule cannot see package.json's "type": "module", so NodeNext would emit CommonJS here.
  return { ...ts.parseJsonConfigFileContent(cfg.config, ts.sys, ROOT).options, module: ts.ModuleKind.ES2022 };
})();

/** Applies the mutant to src/ and to its compiled twin in dist/. Throws when `find` is not there. */
function applyMutant(dir, m) {
  const path = join(dir, m.file);
  const text = readFileSync(path, "utf8");
  const from = m.anchor ? text.indexOf(m.anchor) : 0;
  if (from < 0)
    throw new Error(`${m.id}: anchor "${m.anchor}" not in ${m.file} (the code moved: update mutants.mjs)`);
  const at = text.indexOf(m.find, from);
  if (at < 0) throw new Error(`${m.id}: "${m.find}" not in ${m.file} (the code changed: update mutants.mjs)`);
  const mutated = text.slice(0, at) + m.replace + text.slice(at + m.find.length);
  writeFileSync(path, mutated);
  const js = ts.transpileModule(mutated, { compilerOptions, fileName: path }).outputText;
  writeFileSync(join(dir, "dist", m.file.replace(/^src\//, "").replace(/\.ts$/, ".js")), js);
}

/** Failing unit tests (file › name), or [] when all pass. */
function unitTests(dir) {
  const out = join(dir, "unit.json");
  const r = spawnSync(
    "npx",
    ["vitest", "run", "-c", "vitest.mutate.config.ts", "--bail=1", "--reporter=json", `--outputFile=${out}`],
    { cwd: dir, encoding: "utf8", env: { ...process.env, CI: "1" } },
  );
  if (r.status === 0) return [];
  if (!existsSync(out)) return [`vitest exited ${r.status}: ${r.stderr.slice(-300)}`];
  const report = JSON.parse(readFileSync(out, "utf8"));
  const failed = [];
  for (const file of report.testResults) {
    const rel = file.name.slice(dir.length + 1);
    const tests = file.assertionResults.filter((a) => a.status === "failed");
    for (const t of tests) failed.push(`${rel} › ${t.fullName}`);
    if (tests.length === 0 && file.status === "failed")
      failed.push(`${rel} (${file.message?.slice(0, 120)})`);
  }
  return failed.length > 0 ? failed : [`vitest exited ${r.status}`];
}

/** The source files `file` imports, transitively (relative imports only), itself included. */
function importClosure(file, seen = new Set()) {
  if (seen.has(file) || !existsSync(join(ROOT, file))) return seen;
  seen.add(file);
  const text = readFileSync(join(ROOT, file), "utf8");
  for (const [, spec] of text.matchAll(/from\s+"(\.{1,2}\/[^"]+)"/g))
    importClosure(join(dirname(file), spec).replace(/\.js$/, ".ts"), seen);
  return seen;
}

/**
 * The default claims whose code imports `file` (through registry.ts's imports): reproduce runs only
 * those, since a module a claim never loads cannot change its numbers. Saves most of a theory mutant's time.
 */
function claimsReaching(file, ids) {
  const registry = readFileSync(join(ROOT, "src/experiments/registry.ts"), "utf8");
  return ids.filter((id) => {
    const entry = [...registry.matchAll(/from\s+"\.\/([^"]+)"/g)].find(
      ([, p]) => p.startsWith(`${id}-`) || p.startsWith(`${id}/`),
    );
    return entry && importClosure(join("src/experiments", entry[1].replace(/\.js$/, ".ts"))).has(file);
  });
}

/** Runs reproduce (default scale, seed 0, one worker) of `claims` in `dir`; returns its results.json. */
function reproduce(dir, out, claims = []) {
  const r = spawnSync(
    "node",
    ["bin/learndyn.js", "reproduce", ...claims, "-w", "1", "--no-png", "-q", "--out", out],
    {
      cwd: dir,
      encoding: "utf8",
    },
  );
  const file = join(out, "results.json");
  if (!existsSync(file)) return { crashed: `exit ${r.status}: ${r.stderr.trim().slice(-200)}`, results: [] };
  return { crashed: false, results: JSON.parse(readFileSync(file, "utf8")) };
}

const verdict = (c) => (c.pass ? "pass" : c.finding ? "finding" : "fail");
const numbers = (e) =>
  JSON.stringify([e.checks.map((c) => [c.predicted, c.measured]), e.limits.map((l) => l.deviation)]);

/** What reproduce saw: changed verdicts, error rows, and whether any claim's numbers changed. */
function compare(base, mut, claims) {
  if (mut.crashed) return { caught: [`reproduce wrote no results.json (${mut.crashed})`], changed: true };
  const caught = [];
  let changed = false;
  for (const b of base.results.filter((x) => claims.includes(x.id))) {
    const m = mut.results.find((x) => x.id === b.id);
    if (!m) {
      caught.push(`${b.claim}: missing`);
      changed = true;
      continue;
    }
    if (m.error) {
      caught.push(`${b.claim}: error row (${m.error.slice(0, 80)})`);
      changed = true;
      continue;
    }
    if (numbers(m) !== numbers(b)) changed = true;
    b.checks.forEach((c, i) => {
      const mc = m.checks[i];
      if (!mc || verdict(mc) !== verdict(c))
        caught.push(
          `${b.claim} ${c.prediction} ${verdict(c)}→${mc ? verdict(mc) : "gone"}: ${c.statement.slice(0, 70)}`,
        );
    });
  }
  return { caught, changed };
}

if (args.includes("--claims")) {
  // Which default claims each mutant's reproduce run covers (no run).
  const ids = ["c1", "c2", "c3", "c4", "c5", "c6", "c7"];
  for (const m of selected) console.log(`${m.id}: ${claimsReaching(m.file, ids).join(" ") || "none"}`);
  process.exit(0);
}

const baseDir = flag("--baseline") ?? join(mkdtempSync(join(tmpdir(), "learndyn-mutant-base-")), "report");
if (!flag("--baseline")) {
  console.error("baseline: reproduce on the unmutated tree…");
  reproduce(ROOT, baseDir);
}
const base = { crashed: false, results: JSON.parse(readFileSync(join(baseDir, "results.json"), "utf8")) };

const rows = [];
for (const m of selected) {
  const started = Date.now();
  const dir = copyTree();
  try {
    applyMutant(dir, m);
    const unit = unitTests(dir);
    const claims = claimsReaching(
      m.file,
      base.results.map((r) => r.id),
    );
    const rep =
      claims.length > 0
        ? compare(base, reproduce(dir, join(dir, "report"), claims), claims)
        : { caught: [], changed: false };
    rows.push({ ...m, unit, claims, reproduce: rep.caught, changesNumbers: rep.changed });
    if (write) save(rows);
    const s = ((Date.now() - started) / 1000).toFixed(0);
    console.error(
      `${m.id}: unit ${unit.length > 0 ? "caught" : "MISSED"}, reproduce ${rep.caught.length > 0 ? "caught" : rep.changed ? "MISSED" : "no change"} (${s} s)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (!write) console.log(JSON.stringify(rows, null, 1));

/** Merges `rows` into docs/mutants.json (a rerun of some mutants keeps the others) and renders the doc. */
function save(rows) {
  const json = join(ROOT, "docs", "mutants.json");
  const previous = existsSync(json) ? JSON.parse(readFileSync(json, "utf8")).rows : [];
  const merged = [...previous.filter((p) => !rows.some((r) => r.id === p.id)), ...rows];
  const order = (r) => MUTANTS.findIndex((m) => m.id === r.id);
  merged.sort((a, b) => order(a) - order(b));
  const date = new Date().toISOString().slice(0, 10);
  writeFileSync(json, `${JSON.stringify({ date, rows: merged }, null, 1)}\n`);
  writeFileSync(join(ROOT, "docs", "MUTANTS.md"), render(merged, date));
}

/** docs/MUTANTS.md: the catch rates, then one row per mutant. */
function render(all, date) {
  const byUnit = all.filter((r) => r.unit.length > 0).length;
  const changing = all.filter((r) => r.changesNumbers);
  const byRep = changing.filter((r) => r.reproduce.length > 0).length;
  const cell = (xs) =>
    xs.length === 0 ? "—" : xs.slice(0, 3).join("<br>") + (xs.length > 3 ? ` (+${xs.length - 3})` : "");
  const esc = (s) => s.replaceAll("|", "\\|");
  return [
    "# Hand-written mutants of the science core: what catches them",
    "",
    `Measured ${date} by \`node scripts/mutants/run.mjs\` (mutants in scripts/mutants/mutants.mjs, each applied`,
    "to a temporary copy of the tree). Unit tests: the science-core selection of vitest.mutate.config.ts",
    "(stopped at the first failure, so one failing test is named). Reproduce: default scale, seed 0, the claims",
    'whose code imports the mutated file ("claims run"); caught when a check\'s verdict changes or a claim',
    "becomes an error row; \"changes numbers\" when a check's predicted/measured value or a limit's text differs",
    "from the unmutated tree's.",
    "",
    `- unit tests catch **${byUnit} of ${all.length}**`,
    `- ${changing.length} of ${all.length} change a claim's numbers; reproduce alone catches **${byRep} of ${changing.length}** of those`,
    "",
    "| mutant | file | the bug | unit test that fails | claims run | reproduce: changed verdicts | numbers change |",
    "|---|---|---|---|---|---|---|",
    ...all.map(
      (r) =>
        `| ${r.id} | ${r.file} | ${esc(r.why)} | ${esc(cell(r.unit))} | ${r.claims.join(" ") || "none"} | ${esc(cell(r.reproduce))} | ${r.changesNumbers ? "yes" : "no"} |`,
    ),
    "",
  ].join("\n");
}
