import type { z } from "zod";
import { type RunConfig, runConfigSchema } from "./run-config.js";

/** A config error with every problem listed as "path: message". */
export class ConfigError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`invalid config${source ? ` in ${source}` : ""}:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Formats zod issues as "field.path: what is wrong (what is allowed)". */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const path = issue.path.length ? issue.path.map(String).join(".") : "(top level)";
    let message = issue.message;
    if (issue.code === "unrecognized_keys")
      message = `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(", ")}; check the spelling (see \`learndyn schema\`)`;
    if (issue.code === "invalid_union" && "errors" in issue && issue.errors.length) {
      const inner = issue.errors.flat().map((e) => `${e.path.join(".") || "value"}: ${e.message}`);
      message = `${message} (${[...new Set(inner)].slice(0, 4).join("; ")})`;
    }
    return `${path}: ${message}`;
  });
}

/** Validates a run config, filling defaults; throws ConfigError naming every bad field. */
export function parseRunConfig(input: unknown, source = ""): RunConfig {
  const result = runConfigSchema.safeParse(input);
  if (!result.success) throw new ConfigError(source, describeIssues(result.error.issues));
  return result.data;
}
