import { Command, CommanderError } from "commander";
import { ConfigError } from "../config/validate.js";
// Lets `--backend native` load the optional addon (Node only; nothing loads until it is asked for).
import "../node/native-addon.js";
import { ganCommand } from "./gan-command.js";
import { labCommand } from "./lab-command.js";
import { reproduceCommand } from "./reproduce-command.js";
import { schemaCommand } from "./schema-command.js";
import { exportCommand, mergeCommand, storeReportCommand } from "./store-commands.js";
import { sweepCommand } from "./sweep-command.js";
import { trainCommand } from "./train-command.js";

export function buildProgram(): Command {
  const program = new Command("learndyn")
    .description(
      "a float64 lab for the learning dynamics of deep networks: train, watch, check against theory",
    )
    .version("0.1.0")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();
  program.addCommand(reproduceCommand());
  program.addCommand(trainCommand());
  program.addCommand(ganCommand());
  program.addCommand(schemaCommand());
  program.addCommand(sweepCommand());
  program.addCommand(mergeCommand());
  program.addCommand(exportCommand());
  program.addCommand(storeReportCommand());
  program.addCommand(labCommand());
  // addCommand does not pass exitOverride on: without it a subcommand's option error (an unknown
  // option, a bad choice, a missing argument) would exit 1 from inside commander instead of 2.
  for (const command of program.commands) inheritErrorHandling(command);
  return program;
}

function inheritErrorHandling(command: Command): void {
  command.exitOverride().showHelpAfterError("(run with --help for usage)");
  for (const sub of command.commands) inheritErrorHandling(sub);
}

/** Runs the CLI; prints errors as one clear message (no stack trace) and sets the exit status. */
export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      process.exitCode = e.exitCode === 0 ? 0 : 2;
      return;
    }
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`learndyn: ${message}\n`);
    process.exitCode = e instanceof ConfigError || isInputError(e) ? 2 : 1;
    if (process.env.LEARNDYN_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
  }
}

/** Errors about the user's input (bad files, fields) rather than bugs. */
function isInputError(e: unknown): boolean {
  return (
    e instanceof Error &&
    !(e instanceof TypeError) &&
    !(e instanceof RangeError) &&
    !(e instanceof ReferenceError)
  );
}
