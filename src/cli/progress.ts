import cliProgress from "cli-progress";
import { formatCompact as fmt } from "../math/format.js";

/** A progress bar on stderr: step, loss, error, rate and ETA. Silent when stderr is not a terminal. */
export function createProgress(total: number): {
  update(step: number, loss: number, error: number): void;
  stop(): void;
} {
  if (!process.stderr.isTTY) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      format:
        "{bar} {value}/{total} steps | loss {loss} | error {error} | {rate} steps/s | ETA {eta_formatted}",
      stream: process.stderr,
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  bar.start(total, 0, { loss: "-", error: "-", rate: "-" });
  return {
    update(step, loss, error) {
      const rate = step / ((performance.now() - started) / 1000);
      bar.update(step, { loss: fmt(loss), error: fmt(error, 3), rate: fmt(rate, 3) });
    },
    stop() {
      bar.stop();
    },
  };
}
