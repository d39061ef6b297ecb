#!/usr/bin/env node
// Builds the optional native backend (native/*.cpp → native/build/learndyn-native.node) with the system
// C++ compiler. Run by `npm run build` (so by `npm install` / `npm ci` through prepare).
//
// It never fails the install: without a compiler, headers or a working build it prints one line and
// exits 0, and learndyn uses the wasm backend. LEARNDYN_NATIVE=0 skips it. Up-to-date outputs (newer than
// every source and this script) are kept. LEARNDYN_NATIVE_OUT=<dir> builds into another directory (tests).
//
// Why not node-gyp: it downloads Node's headers from nodejs.org unless given --nodedir, and needs Python
// and make. Node-API needs only node_api.h, which every Node install ships in <prefix>/include/node, and
// the addon is four C++ files: one compiler call each, then a link.
import { execFileSync, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { arch, platform } from "node:os";
import { delimiter, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const SRC = join(ROOT, "native");
const OUT_DIR = process.env.LEARNDYN_NATIVE_OUT || join(SRC, "build");
const OUT = join(OUT_DIR, "learndyn-native.node");
const INFO = join(OUT_DIR, "build.json");
const FALLBACK = "learndyn uses the wasm backend";

const SKIPPED = join(OUT_DIR, "skipped.txt");

/**
 * Says why the addon is not built, once per install: `npm install` runs this script twice (the install
 * script, then prepare's build), so the same reason said less than two minutes ago is not repeated.
 */
function skip(reason) {
  const line = `learndyn: native backend not built (${reason}); ${FALLBACK}\n`;
  let said = false;
  try {
    said = readFileSync(SKIPPED, "utf8") === line && Date.now() - statSync(SKIPPED).mtimeMs < 120_000;
  } catch {}
  if (!said) process.stdout.write(line);
  try {
    mkdirSync(OUT_DIR, { recursive: true });
    writeFileSync(SKIPPED, line);
  } catch {}
  process.exit(0);
}

/** The first of $CXX, c++, g++, clang++ that runs, as [command, version line]. */
function findCompiler() {
  const candidates = process.env.CXX ? [process.env.CXX] : ["c++", "g++", "clang++"];
  for (const cxx of candidates) {
    if (!process.env.CXX && !onPath(cxx)) continue;
    const r = spawnSync(cxx, ["--version"], { encoding: "utf8" });
    if (r.status === 0) return [cxx, (r.stdout.split("\n")[0] ?? "").trim()];
  }
  return null;
}

function onPath(cmd) {
  return (process.env.PATH ?? "").split(delimiter).some((dir) => dir && existsSync(join(dir, cmd)));
}

function main() {
  if (process.env.LEARNDYN_NATIVE === "0") skip("LEARNDYN_NATIVE=0");
  if (platform() === "win32") skip("Windows builds are not supported yet");
  const sources = readdirSync(SRC)
    .filter((f) => /\.(cpp|h|inc)$/.test(f))
    .map((f) => join(SRC, f));
  const inputs = [...sources, fileURLToPath(import.meta.url)];
  if (existsSync(OUT) && existsSync(INFO)) {
    const built = Math.min(statSync(OUT).mtimeMs, statSync(INFO).mtimeMs);
    if (inputs.every((f) => statSync(f).mtimeMs < built)) return;
  }
  const include = join(dirname(process.execPath), "..", "include", "node");
  if (!existsSync(join(include, "node_api.h"))) skip(`Node's headers not found: no node_api.h in ${include}`);
  const found = findCompiler();
  if (!found)
    skip(
      process.env.CXX
        ? `the compiler CXX=${process.env.CXX} does not run`
        : "no C++ compiler found: install g++ or set CXX",
    );
  const [cxx, version] = found;
  const x86 = arch() === "x64";
  // One object per kernel with its own instruction-set flags; the addon picks one at run time.
  const units = [
    { file: "addon.cpp", flags: [] },
    { file: "kernel-sse2.cpp", flags: [] },
    ...(x86
      ? [
          { file: "kernel-avx2.cpp", flags: ["-mavx2", "-mfma"] },
          { file: "kernel-avx512.cpp", flags: ["-mavx512f", "-mavx512dq", "-mfma"] },
        ]
      : []),
  ];
  const common = ["-O3", "-fPIC", "-std=c++17", "-pthread", "-fvisibility=hidden", `-I${include}`];
  const tmp = join(OUT_DIR, `tmp-${process.pid}`);
  mkdirSync(tmp, { recursive: true });
  try {
    const objects = [];
    for (const u of units) {
      const obj = join(tmp, u.file.replace(/\.cpp$/, ".o"));
      run(cxx, [...common, ...u.flags, "-c", join(SRC, u.file), "-o", obj]);
      objects.push(obj);
    }
    const linkFlags = ["-shared", "-pthread"];
    if (platform() === "darwin") linkFlags.push("-undefined", "dynamic_lookup");
    const out = join(tmp, "learndyn-native.node");
    run(cxx, [...linkFlags, ...objects, "-o", out]);
    renameSync(out, OUT);
    writeFileSync(
      INFO,
      `${JSON.stringify(
        {
          compiler: cxx,
          version,
          flags: common.filter((f) => !f.startsWith("-I")),
          units: Object.fromEntries(units.map((u) => [u.file, u.flags])),
          node: process.version,
          platform: `${platform()}-${arch()}`,
          date: new Date().toISOString(),
        },
        null,
        2,
      )}\n`,
    );
    process.stdout.write(`learndyn: native backend built with ${version} (${relative(ROOT, OUT)})\n`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function run(cmd, args) {
  try {
    execFileSync(cmd, args, { stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  } catch (e) {
    const detail = `${e.stderr ?? ""}`.split("\n").find((l) => /error/i.test(l)) ?? e.message.split("\n")[0];
    throw new BuildError(`${cmd} failed: ${detail.trim()}`);
  }
}

class BuildError extends Error {}

try {
  main();
} catch (e) {
  skip(e instanceof BuildError ? e.message : `unexpected error: ${e instanceof Error ? e.message : e}`);
}
