/**
 * What a lab run sends from its worker to the page: per-record measurements, facts about the data and
 * model, new records, weights and the decision grid (plain data, structured-clone safe).
 */
import type { HistoryRecord, RegimeVerdict, RunStatus } from "../../../src/index.js";

/** Most points whose margins are kept per record (the per-point view). */
export const MAX_POINT_SERIES = 256;
/** Most (a, b) unit pairs kept per record (the phase portrait). */
export const MAX_UNITS = 128;
/** Resolution of the decision-boundary grid (cells per side). */
export const GRID_SIZE = 56;

/** What the views measure at a recorded step, beside the history record. */
export interface LabExtra {
  step: number;
  t: number;
  /** Per-point margins y·f(x) (data sets of at most MAX_POINT_SERIES points). */
  margin?: number[];
  /** 2-layer nets: per unit k (paired with point k), a = w_k·x_k/‖x_k‖ and y_k·b_k (y = −1 mirrored). */
  a?: number[];
  yb?: number[];
  /** Response f(u_j) along each known feature direction. */
  response?: number[];
  /** Frobenius norm of each layer's weights. */
  weightNorm?: number[];
  /** Norm of all parameters. */
  paramNorm?: number;
  /** Largest drift of a conserved balance ‖w_in‖² − ‖w_out‖² from step 0 (when the probe exists). */
  balanceDrift?: number;
  /** Orthogonal data: largest |W₁[k][i]|, k ≠ i (unit k off its own point's coordinate; C2). */
  offDiagonal?: number;
  /** Mean loss per point on the training set and on the test set "test" (when the data has one). */
  trainMean?: number;
  testMean?: number;
  /** Error on the test set "test". */
  testError?: number;
  /** All parameters at this record (nets of at most MAX_SCRUB_PARAMS): scrubbing, the diagram, unit views. */
  params?: number[];
}

/** Most parameters of a net whose parameters are kept at every record (history scrubbing, unit views). */
export const MAX_SCRUB_PARAMS = 5_000;

/** Most parameters of a net whose weights are sent to the page (network diagram, weight matrix, scrubbing). */
export const MAX_SNAPSHOT_PARAMS = 20_000;

/** The net's weights at a step, per layer: W (outputs × inputs, row-major) and b (or null). */
export interface WeightSnapshot {
  step: number;
  layers: { inputs: number; outputs: number; W: number[]; b: number[] | null }[];
}

/** Facts about the data and model that the views need once. */
export interface DataInfo {
  name: string;
  n: number;
  d: number;
  /** Labels ±1. */
  labels: number[];
  /** ‖x_i‖ per point (first MAX_POINT_SERIES points). */
  norms: number[];
  /** Names of known feature directions (features/orthogonal data), else []. */
  featureNames: string[];
  /** The inputs when d = 2 (for the decision-boundary view), else null. */
  points2d: { x: number[]; y: number[] } | null;
  /** The test set "test" in the plane when the data is 2-D: points and labels ±1; else null. */
  test2d: { x: number[]; y: number[]; labels: number[] } | null;
  /** Input features the network sees of the 2-D points (config `inputs`), else null (the coordinates). */
  inputs: string[] | null;
  /** Names of the network's input coordinates (features, CSV columns, or x1…xd). */
  inputNames: string[];
  /** Names of the test sets. */
  testNames: string[];
  /** Number of weight layers. */
  layers: number;
  /**
   * 2-layer nets on orthogonal data: each unit's (a, y·b) at step 0, so the phase portrait is laid out
   * and drawn before training starts (not while the first records stream in); else null.
   */
  units0: { a: number[]; yb: number[] } | null;
}

/** New records since the last drain. */
export interface Progress {
  step: number;
  status: RunStatus;
  stopReason: string;
  records: HistoryRecord[];
  extras: LabExtra[];
  /** The kernel backend, e.g. "wasm", and its threads: configured, and running now (helpers start lazily). */
  backend: { name: string; threads: number; running: number };
  /**
   * Whether the theory's assumptions hold (src/regime): from the config and the initial weights while the
   * run goes, with the end-of-run checks (mode fates, off-diagonal growth) once it has ended.
   */
  regime: RegimeVerdict;
}

/** The model's logit on a grid over the input plane (2-D data only). values[j * nx + i] at (x[i], y[j]). */
export interface DecisionGrid {
  step: number;
  x: number[];
  y: number[];
  values: number[];
}
