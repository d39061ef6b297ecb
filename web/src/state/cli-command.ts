/**
 * The CLI command equivalent to a lab config: `npx learndyn train` with one `--set field=JSON` per field
 * that differs from the defaults. Objects whose parts cannot be set one by one (a data set, an init, a
 * probe schedule, a plateau rule: they need their `kind` or all their fields) are set whole.
 */
import { runConfigSchema } from "../../../src/index.js";

/** Paths that are set as one JSON value. */
const WHOLE = new Set(["data", "init", "probes.schedule", "train.stop.plateau", "probes.include"]);

/** `path=JSON` assignments that turn the empty config into `config`. */
export function configAssignments(config: unknown): string[] {
  const defaults = runConfigSchema.parse({}) as unknown;
  const out: string[] = [];
  const walk = (value: unknown, base: unknown, path: string[]): void => {
    const key = path.join(".");
    if (key === "$schema") return;
    if (
      !WHOLE.has(key) &&
      value !== null &&
      typeof value === "object" &&
      !Array.isArray(value) &&
      base !== null &&
      typeof base === "object" &&
      !Array.isArray(base)
    ) {
      for (const k of Object.keys(value)) walk((value as never)[k], (base as never)[k], [...path, k]);
      return;
    }
    if (value === undefined) return;
    if (JSON.stringify(value) !== JSON.stringify(base)) out.push(`${key}=${JSON.stringify(value)}`);
  };
  walk(config, defaults, []);
  return out;
}

/** Quotes a word for a POSIX shell when it needs it. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_./:=,+-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

/** `npx learndyn train --set …` for a config (a valid, defaults-filled config gives the shortest command). */
export function cliCommand(config: unknown, extra: readonly string[] = []): string {
  const sets = configAssignments(config).flatMap((a) => ["--set", shellQuote(a)]);
  return ["npx", "learndyn", "train", ...sets, ...extra].join(" ");
}

/** Splits a command written by {@link cliCommand} back into words (single quotes only). */
export function shellWords(command: string): string[] {
  const words: string[] = [];
  let word = "";
  let inWord = false;
  for (let i = 0; i < command.length; i++) {
    const c = command[i];
    if (c === "'") {
      const end = command.indexOf("'", i + 1);
      if (end < 0) throw new Error("unterminated quote");
      word += command.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (c === "\\" && i + 1 < command.length) {
      word += command[++i];
      inWord = true;
    } else if (c === " ") {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}
