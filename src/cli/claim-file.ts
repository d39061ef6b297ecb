/**
 * A user's claim file for `learndyn reproduce ./my-claim.js`: an ES module whose default export (or
 * export named `claim`) is what `defineClaim` returns. Loaded by dynamic import in the main thread (to
 * fail early with a clear message) and again in the worker that runs it.
 */
import { existsSync, statSync } from "node:fs";
import { extname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Experiment } from "../experiments/experiment.js";
import { ClaimShapeError, validateExperiment } from "../kit/validate.js";

/** Extensions Node 20 imports as ES modules without a loader (.ts needs a build step, see below). */
const LOADABLE = [".js", ".mjs"];

/** True when a `reproduce` argument names a file rather than a built-in experiment ("c4", "C4"). */
export function isClaimPath(arg: string): boolean {
  return /[\\/]/.test(arg) || /\.(m?[jt]s|cjs|cts)$/i.test(arg);
}

/** A claim file that cannot be used: missing, not loadable, or without a valid claim export. */
export class ClaimFileError extends Error {
  override name = "ClaimFileError";
}

/** Imports a claim file and returns its validated claim; every problem says what is wrong and the fix. */
export async function loadClaimFile(path: string): Promise<Experiment> {
  const file = resolve(path);
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new ClaimFileError(
      `claim file "${path}" does not exist (looked at ${file}); give the path of a .js or .mjs file that exports a claim`,
    );
  }
  const ext = extname(file).toLowerCase();
  if (!LOADABLE.includes(ext)) {
    throw new ClaimFileError(
      `claim file "${path}" has extension "${ext}"; Node 20 imports only ES modules (.js in a "type": "module" package, or .mjs). ` +
        "For TypeScript, compile it first (npx tsc my-claim.ts --module nodenext --target es2022) and pass the .js",
    );
  }
  let mod: Record<string, unknown>;
  try {
    mod = await import(pathToFileURL(file).href);
  } catch (e) {
    throw new ClaimFileError(
      `claim file "${path}" could not be loaded: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  const value = mod.default ?? mod.claim;
  if (value === undefined) {
    const names = Object.keys(mod);
    throw new ClaimFileError(
      `claim file "${path}" has no claim export (its exports: ${names.length ? names.join(", ") : "none"}); ` +
        "add `export default defineClaim({ ... })` (or `export const claim = defineClaim({ ... })`)",
    );
  }
  try {
    validateExperiment(value, `the claim exported by "${path}"`);
  } catch (e) {
    if (e instanceof ClaimShapeError) throw new ClaimFileError(e.message);
    throw e;
  }
  return value;
}
