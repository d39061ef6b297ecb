/**
 * A GAN run's checkpoint: everything that decides the rest of the run, as plain data — both nets'
 * parameters, both optimizers' states (Adam's moments or the momentum buffer, and the step count), the
 * noise and data streams, the last measurements (a record after the next generator update still shows
 * the last discriminator update's numbers) and the history. Init and evaluation noise follow from the
 * config. A run resumed from the checkpoint of step k gives the bits of the run that never stopped.
 *
 * As JSON ({@link ganCheckpointToJson}), every float64 keeps its bits: arrays as little-endian base64,
 * numbers JSON cannot spell (NaN, ±Infinity, −0) as strings.
 */
import type { OptimizerState } from "../engine/optimizer.js";
import type { RngState } from "../engine/rng.js";
import type { GanMeasurements } from "./gan-steps.js";
import type { GanRecord } from "./train.js";

export const GAN_CHECKPOINT_FORMAT = "learndyn-gan/1";

/** See the module comment. */
export interface GanCheckpoint {
  /** Format marker, for a clear error on something else. */
  format: "learndyn-gan/1";
  /** The parsed config as JSON (a resume with another config is refused). */
  config: string;
  /** Generator updates taken. */
  iteration: number;
  status: "running" | "done" | "diverged";
  generator: Float64Array;
  discriminator: Float64Array;
  generatorOptimizer: OptimizerState;
  discriminatorOptimizer: OptimizerState;
  noiseRng: RngState;
  dataRng: RngState;
  last: GanMeasurements;
  history: GanRecord[];
}

const SPELLED: Record<string, number> = {
  NaN: Number.NaN,
  Infinity: Infinity,
  "-Infinity": -Infinity,
  "-0": -0,
};

/** The checkpoint as JSON text, bit for bit (see the module comment). */
export function ganCheckpointToJson(ck: GanCheckpoint): string {
  return JSON.stringify(ck, (_key, value) => {
    if (value instanceof Float64Array) return { float64: toBase64(value) };
    if (Object.is(value, -0)) return "-0";
    if (typeof value === "number" && !Number.isFinite(value)) return String(value);
    return value;
  });
}

/** Reads {@link ganCheckpointToJson}'s text back (throws a clear error on anything else). */
export function ganCheckpointFromJson(text: string): GanCheckpoint {
  let ck: GanCheckpoint;
  try {
    ck = JSON.parse(text, (_key, value) => {
      if (typeof value === "string" && value in SPELLED) return SPELLED[value];
      if (
        value &&
        typeof value === "object" &&
        typeof value.float64 === "string" &&
        Object.keys(value).length === 1
      )
        return fromBase64(value.float64);
      return value;
    });
  } catch (e) {
    throw new Error(`not a learndyn GAN checkpoint: the text is not JSON (${(e as Error).message})`);
  }
  if (ck?.format !== GAN_CHECKPOINT_FORMAT)
    throw new Error(
      `not a learndyn GAN checkpoint (format ${JSON.stringify(ck?.format)}); start the run over`,
    );
  return ck;
}

/** Throws a clear error when `ck` cannot continue a run of `configJson` with nets of these sizes. */
export function checkGanResumable(
  ck: GanCheckpoint,
  configJson: string,
  sizes: { G: number; D: number },
): void {
  if (ck.format !== GAN_CHECKPOINT_FORMAT)
    throw new Error(`not a learndyn GAN checkpoint (format ${JSON.stringify(ck.format)})`);
  if (ck.config !== configJson) {
    const a = JSON.parse(ck.config) as Record<string, unknown>;
    const b = JSON.parse(configJson) as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    const differ = keys.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
    throw new Error(
      `the GAN checkpoint was made with another config (differs in: ${differ.join(", ")}); resume with the same config or start over`,
    );
  }
  if (ck.generator.length !== sizes.G || ck.discriminator.length !== sizes.D)
    throw new Error(
      `the GAN checkpoint holds ${ck.generator.length} + ${ck.discriminator.length} parameters, the nets ${sizes.G} + ${sizes.D}`,
    );
}

function toBase64(a: Float64Array): string {
  const view = new DataView(new ArrayBuffer(a.length * 8));
  for (let i = 0; i < a.length; i++) view.setFloat64(8 * i, a[i], true);
  const bytes = new Uint8Array(view.buffer);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Float64Array {
  const binary = atob(text);
  if (binary.length % 8 !== 0)
    throw new Error("not a learndyn GAN checkpoint: a float64 array's length is not a multiple of 8 bytes");
  const view = new DataView(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) view.setUint8(i, binary.charCodeAt(i));
  const out = new Float64Array(binary.length / 8);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat64(8 * i, true);
  return out;
}
