#!/usr/bin/env node
// The learndyn command. The TypeScript sources are compiled to dist/ by `npm install` (prepare) or `npm run build`.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { constants } from "node:os";

const entry = new URL("../dist/cli/main.js", import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    "learndyn: dist/ is missing; run `npm install` (which builds) or `npm run build` first\n",
  );
  process.exit(1);
}

/** The process's address-space limit in bytes (`ulimit -v`), Infinity when there is none. */
function addressSpaceLimit() {
  try {
    const m = /^Max address space\s+(\S+)/m.exec(readFileSync("/proc/self/limits", "utf8"));
    return m && m[1] !== "unlimited" ? Number(m[1]) : Number.POSITIVE_INFINITY;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

// V8 guards every WebAssembly memory with ~10 GB of reserved address space so that bounds checks are
// free (the "trap handler"). Under a `ulimit -v` that fails every memory (the wasm kernels', SQLite's).
// Without the trap handler a memory reserves only its own size, for explicit bounds checks (a little
// slower, still far faster than the js backend), so under any finite limit learndyn restarts itself so.
const FLAG = "--disable-wasm-trap-handler";
if (
  addressSpaceLimit() < 2 ** 40 &&
  !process.execArgv.includes(FLAG) &&
  process.allowedNodeEnvironmentFlags.has(FLAG)
) {
  const child = spawn(process.execPath, [...process.execArgv, FLAG, ...process.argv.slice(1)], {
    stdio: "inherit",
  });
  // A terminal's Ctrl-C reaches both processes (one process group); a signal sent to this one only is
  // passed on. Either way this process waits for the child, so its exit status is the child's.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => {
      if (signal !== "SIGINT") child.kill(signal);
    });
  }
  const [code, signal] = await new Promise((done) => child.on("exit", (c, s) => done([c, s])));
  process.exit(code ?? 128 + (constants.signals[signal] ?? 0));
}
const { main } = await import(entry.href);
await main(process.argv);
