/** A GAN run's results as one hash (the golden-hash and checkpoint tests compare them). */
import { createHash } from "node:crypto";
import type { GanRun } from "../../src/gan/train.js";

function bytesOf(a: Float64Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

/** SHA-256 of what a run leaves behind: status, history (NaN spelled out), both nets' weights, samples. */
export function runHash(run: GanRun): string {
  const h = createHash("sha256");
  h.update(`${run.status === "diverged" ? "diverged" : "ok"} ${run.iteration}\n`);
  h.update(
    JSON.stringify(run.history, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? String(v) : v)),
  );
  h.update(bytesOf(run.generator.params));
  h.update(bytesOf(run.discriminator.params));
  h.update(bytesOf(run.samples()));
  return h.digest("hex");
}
