/**
 * C2's runs: mixed starts under CE, hinge and a linear hidden layer (P1), the drift of a² − b² at several
 * η (P2), balanced modes at every η of the run (P5), and the limit runs (linear layer, dense init).
 */
import { maxOf } from "../../kit/measure/modes.js";
import {
  type BalancedResult,
  type DriftResult,
  type IndependenceResult,
  measureBalanceDrift,
  measureBalancedMargins,
  measureIndependence,
} from "./measurements.js";
import { type C2Settings, mixedModes } from "./settings.js";

/** Everything C2 measured. */
export interface C2Measurement {
  /** Number of mixed starts. */
  mixedCount: number;
  /** P1 under cross-entropy, hinge, and with a linear hidden layer (contrast). */
  indCE: IndependenceResult;
  indHinge: IndependenceResult;
  indLinear: IndependenceResult;
  /** P2: drift of a² − b² vs η under each loss. */
  driftCE: DriftResult;
  driftHinge: DriftResult;
  /** P5: balanced margins at every learning rate run (ascending). */
  lrRows: { lr: number; result: BalancedResult }[];
  /** The row at the reference learning rate. */
  ref: BalancedResult;
  /** Balanced margins with a linear hidden layer (limit). */
  linearBalanced: BalancedResult;
  /** Balanced margins with off-diagonal init noise δ (limit). */
  dense: { delta: number; result: BalancedResult }[];
}

/** Largest relative error of m(t) against the Ei solution over the modes of `b`. */
export function worst(b: BalancedResult): number {
  return maxOf(b.modes.map((m) => m.maxRelError));
}

/** Runs every C2 simulation with settings `s` from `seed`. */
export function measureC2(s: C2Settings, seed: number): C2Measurement {
  const mixed = mixedModes();
  const horizon = { tEnd: s.tEnd, tSwitch: s.tSwitch, lr: s.lr };
  // P1: exactly zero off-diagonal weights, for CE and hinge, from mixed starts; linear-layer contrast.
  const indCE = measureIndependence({ modes: mixed, loss: "ce", ...horizon });
  const indHinge = measureIndependence({ modes: mixed, loss: "hinge", ...horizon });
  const indLinear = measureIndependence({ modes: mixed, loss: "ce", activation: "linear", ...horizon });
  // P2: drift of a² − b² vs η (both losses; the dead unit has c = 0 and does not drift).
  const driftCE = measureBalanceDrift({ modes: mixed, lrs: s.driftLrs, tEnd: s.driftT, loss: "ce" });
  const driftHinge = measureBalanceDrift({ modes: mixed, lrs: s.driftLrs, tEnd: s.driftT, loss: "hinge" });
  // P5: balanced modes against the Ei solution, at the reference η and at the drift η's (O(η) error).
  const lrRows = [...new Set([...s.driftLrs, s.lr, ...s.largeLrs])]
    .sort((x, y) => x - y)
    .map((lr) => ({ lr, result: measureBalancedMargins({ norms: s.norms, a0: s.a0, ...horizon, lr }) }));
  const ref = lrRows.find((row) => row.lr === s.lr)!.result;
  // Limits: linear hidden layer, dense (off-diagonal) init.
  const linearBalanced = measureBalancedMargins({
    norms: s.norms,
    a0: s.a0,
    ...horizon,
    activation: "linear",
  });
  const dense = s.deltas.map((delta) => ({
    delta,
    result: measureBalancedMargins({ norms: s.norms, a0: s.a0, ...horizon, offDiagonalStd: delta, seed }),
  }));
  const mixedCount = mixed.length;
  return { mixedCount, indCE, indHinge, indLinear, driftCE, driftHinge, lrRows, ref, linearBalanced, dense };
}
