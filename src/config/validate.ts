import { describeIssues } from "./describe-issues.js";
import { type RunConfig, runConfigSchema } from "./run-config.js";

export { describeIssues };

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

/** Validates a run config, filling defaults; throws ConfigError naming every bad field. */
export function parseRunConfig(input: unknown, source = ""): RunConfig {
  const result = runConfigSchema.safeParse(input, { reportInput: true });
  if (!result.success) throw new ConfigError(source, describeIssues(result.error.issues));
  return result.data;
}
