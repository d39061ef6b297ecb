import type { RunConfigInput } from "../../config/run-config.js";
import { flipTimeCE, flipTimeExact, flipTimeHinge } from "../../theory/flip-time.js";
import { exactSettingConfig } from "./exact-setting.js";
import { elementSeries, firstCrossing } from "./history-series.js";
import type { ModeStart } from "./modes.js";
import { runConfig } from "./run.js";

/** Flip times of a set of wrong-sign starts, simulated and predicted. */
export interface FlipTimes {
  /** The starts (one orthogonal point each). */
  starts: ModeStart[];
  /** Simulated flip times: first time margin_k crosses 0 (linear interpolation between steps). */
  measured: number[];
  /** Small-init closed form: CE ln((a0+|b0|)/(a0−|b0|))/r (P3), hinge half of it (P4). */
  closedForm: number[];
  /** Exact gradient-flow flip time for any init scale (quadrature; hinge = closed form). */
  exact: number[];
  /** max_k |measured − closedForm| / closedForm. */
  maxRelErrorClosed: number;
  /** max_k |measured − exact| / exact. */
  maxRelErrorExact: number;
  /** The config run. */
  config: RunConfigInput;
  /** "diverged" if the run blew up. */
  status: string;
}

/**
 * Simulates wrong-sign starts (y·b0 < 0 < a0, |b0| < a0) in the exact setting, one point each, under `loss`
 * with GD step `lr`, recording every step, and measures each point's flip time t* (margin crosses 0).
 * The run lasts `horizon` × the slowest exact flip time.
 */
export function measureFlipTimesOf(
  starts: readonly ModeStart[],
  o: {
    /** Loss (default "ce"). */
    loss?: "ce" | "hinge";
    /** GD step (default 0.005); probes record every step. */
    lr?: number;
    /** Run length as a multiple of the slowest predicted flip time (default 1.25). */
    horizon?: number;
    /**
     * Hidden activation (default "relu"). "tanh" is odd with tanh′(0) = 1: at small init each mode moves
     * as the ReLU one up to a relative O((r a)²), so the same predictions apply within that (layer 0 is
     * then kept diagonal: tanh′(0) ≠ 0 would couple the points through the off-diagonal weights).
     */
    activation?: "relu" | "tanh";
  },
): FlipTimes {
  const loss = o.loss ?? "ce";
  const lr = o.lr ?? 0.005;
  for (const s of starts) {
    if (!(s.a0 > 0 && s.y * s.b0 < 0 && Math.abs(s.b0) < s.a0)) {
      throw new Error(
        `flip times: need a wrong-sign start that recovers (a0 > 0, y·b0 < 0, |b0| < a0), got a0 = ${s.a0}, b0 = ${s.b0}, y = ${s.y}`,
      );
    }
  }
  const closedForm = starts.map((s) =>
    loss === "hinge" ? flipTimeHinge(s.a0, s.b0, s.r, s.y) : flipTimeCE(s.a0, s.b0, s.r, s.y),
  );
  const exact = starts.map((s) => flipTimeExact(s.a0, s.b0, { r: s.r, y: s.y, loss }));
  const tMax = Math.max(...exact, ...closedForm) * (o.horizon ?? 1.25);
  const config = exactSettingConfig({
    norms: starts.map((s) => s.r),
    labels: starts.map((s) => s.y),
    a: starts.map((s) => s.a0),
    b: starts.map((s) => s.b0),
    loss,
    activation: o.activation ?? "relu",
    lr,
    steps: Math.ceil(tMax / lr) + 2,
    every: 1,
    probes: ["margins"],
  });
  // tanh′(0) = 1 gives the off-diagonal weights a gradient (ReLU′(0) = 0 does not): keep layer 0 diagonal
  // so the points stay independent modes, as THEORY.md §2 assumes.
  if (o.activation === "tanh") config.model = { ...config.model, diagonalLayers: [0] };
  const run = runConfig(config);
  const measured = starts.map((_, k) => firstCrossing(elementSeries(run.history, "margin", k), 0));
  const rel = (x: number[], ref: number[]) => Math.max(...x.map((v, k) => Math.abs(v - ref[k]) / ref[k]));
  return {
    starts: [...starts],
    measured,
    closedForm,
    exact,
    maxRelErrorClosed: rel(measured, closedForm),
    maxRelErrorExact: rel(measured, exact),
    config,
    status: run.status,
  };
}
