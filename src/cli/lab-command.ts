import { Command } from "commander";
import { isLoopback } from "./lab-headers.js";
import { startLabServer } from "./lab-server.js";

/** `learndyn lab`: serves the browser lab built into the package (no dev server needed). */
export function labCommand(): Command {
  return new Command("lab")
    .description("open the browser lab: train a network live and compare it with the theory")
    .option("-p, --port <port>", "port to listen on (0 = any free port)", parsePort, 4178)
    .option("--host <host>", "interface to listen on (127.0.0.1 = this machine only)", "127.0.0.1")
    .addHelpText(
      "after",
      "\nThe lab runs entirely in your browser; the server only hands out the built files (dist/web).\n" +
        "Every run in the lab is a run config: its link, its 'copy CLI command' and its config download\n" +
        "all reproduce it with `learndyn train`. Stop the server with Ctrl-C.",
    )
    .action(async (flags: { port: number; host: string }) => {
      const lab = await startLabServer({ port: flags.port, host: flags.host });
      process.stdout.write(`learndyn lab: open ${lab.url} in your browser (Ctrl-C to stop)\n`);
      if (!isLoopback(flags.host)) {
        process.stderr.write(
          `learndyn lab: warning: --host ${flags.host} makes the lab reachable from the network (anyone who can reach this machine can load it); use --host 127.0.0.1 to keep it on this machine\n`,
        );
      }
      // close() ends idle and half-sent connections after a short grace, so Ctrl-C stops the lab at once;
      // a second Ctrl-C exits without waiting at all.
      const stop = () => {
        process.once("SIGINT", () => process.exit(130));
        void lab.close().then(() => process.exit(0));
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      await new Promise<void>((done) => lab.server.once("close", () => done()));
    });
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new Error(`--port must be an integer from 0 to 65535, got "${value}"`);
  }
  return n;
}
