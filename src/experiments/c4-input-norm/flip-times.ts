import { type FlipTimes, measureFlipTimesOf } from "../../kit/measure/flip-times.js";
import { logLogSlope } from "../../math/fit.js";

/** Options of {@link measureFlipTimes}. */
export interface MeasureFlipTimesOptions {
  /** Input norms ‖x_k‖, one point each. */
  norms: readonly number[];
  /** First-layer weight a0 > 0 (same for every point). */
  a0: number;
  /** Output weight b0 with the wrong sign (y·b0 < 0) and |b0| < a0. */
  b0: number;
  /** Label (default +1). */
  y?: 1 | -1;
  /** Loss (default "ce"). */
  loss?: "ce" | "hinge";
  /** GD step (default 0.005). */
  lr?: number;
  /** Hidden activation (default "relu"). */
  activation?: "relu" | "tanh";
}

/** Flip times against the norm, with the fitted log–log slope (P3: −1). */
export interface FlipTimesByNorm extends FlipTimes {
  norms: number[];
  /** Least-squares slope of log t* against log ‖x‖. */
  slope: number;
}

/** P3 (C4) / P4 (C6): flip time of the same wrong-sign start (a0, b0) for many input norms, in one run. */
export function measureFlipTimes(o: MeasureFlipTimesOptions): FlipTimesByNorm {
  const y = o.y ?? 1;
  const res = measureFlipTimesOf(
    o.norms.map((r) => ({ r, y, a0: o.a0, b0: o.b0 })),
    o,
  );
  return { ...res, norms: [...o.norms], slope: logLogSlope(o.norms, res.measured) };
}
