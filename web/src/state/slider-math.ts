/** The arithmetic of the quick sliders: log scales, and the train/test split of one pool of points. */
import { getAt, type RawConfig } from "./config-edit.js";

/** Slider positions per log-scale range (resolution of a log slider). */
export const LOG_STEPS = 600;

/** A value rounded to 3 significant digits (what a slider writes, so configs stay readable). */
export function round3(v: number): number {
  return Number(v.toPrecision(3));
}

/** A log slider's position for a value in [lo, hi], and back. */
export const logPosition = (v: number, lo: number, hi: number) =>
  Math.round((LOG_STEPS * Math.log(Math.min(hi, Math.max(lo, v)) / lo)) / Math.log(hi / lo));
export const logValue = (p: number, lo: number, hi: number) => round3(lo * (hi / lo) ** (p / LOG_STEPS));

/** Data kinds whose generator draws a test set "test" of nTest points beside the n training points. */
const SPLIT_KINDS = ["playground", "moons", "blobs"];

/** The train/test split of a config's data: n, nTest and the share of points that train, or null. */
export function splitOf(raw: RawConfig): { n: number; nTest: number; ratio: number } | null {
  const kind = String(getAt(raw, ["data", "kind"]));
  if (!SPLIT_KINDS.includes(kind)) return null;
  const n = Number(getAt(raw, ["data", "n"]) ?? (kind === "playground" ? 250 : kind === "moons" ? 300 : 200));
  const nTest = Number(getAt(raw, ["data", "nTest"]) ?? (kind === "playground" ? 250 : n));
  if (!(n > 0 && nTest > 0)) return null;
  return { n, nTest, ratio: n / (n + nTest) };
}

/** n and nTest for a training share `ratio` of the same pool of points. */
export function splitAt(total: number, ratio: number): { n: number; nTest: number } {
  const n = Math.min(total - 2, Math.max(2, Math.round(total * ratio)));
  return { n, nTest: total - n };
}
