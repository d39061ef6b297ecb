import { Command } from "commander";
import { z } from "zod";
import { runConfigSchema } from "../config/run-config.js";

/** JSON Schema of the run config, for editors (`"$schema": "./learndyn.schema.json"`). */
export function runConfigJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(runConfigSchema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
}

export function schemaCommand(): Command {
  return new Command("schema")
    .description("print the JSON Schema of run configs (for editor completion and validation)")
    .action(() => {
      process.stdout.write(`${JSON.stringify(runConfigJsonSchema(), null, 2)}\n`);
    });
}
