import { Matrix, solve } from "ml-matrix";
import { type HardMarginSvm, hardMarginSvm } from "../../math/hard-margin-svm.js";
import { directionTo } from "../../probes/direction.js";
import { linearGd, logSteps, margins, type Separable, separableData } from "./linear-runs.js";
import { type ReluRecords, reluGd } from "./relu-net.js";
import type { ImplicitBiasSettings } from "./settings.js";

/** A linear run seen against the SVM. */
export interface LinearView {
  t: number[];
  loss: number[];
  /** ‖w/‖w‖ − ŵ/‖ŵ‖‖ (NaN at w = 0). */
  gap: number[];
  /** min_i y_i wᵀx_i/‖w‖ (NaN at w = 0). */
  margin: number[];
  /** Smallest unnormalized margin at the last record. */
  minMarginEnd: number;
  steps: number;
}

export interface ImplicitBiasMeasurement {
  data: Separable;
  svm: HardMarginSvm;
  /** Soudry et al.'s residual w̃: y_n x_nᵀw̃ = −ln α_n on the support vectors (min-norm, in their span). */
  wTilde: Float64Array;
  logistic: LinearView;
  /** The theory's gap and loss at the logistic records: w(t) ≈ ŵ ln t + w̃, ℒ ≈ ‖ŵ‖²/t. */
  theoryGap: number[];
  theoryLoss: number[];
  hinge: LinearView;
  relu: ReluRecords;
  /** Smallest margin y_n ŵᵀx_n off the support vectors (> 1): their share of the loss fades like t^{1−m₂}. */
  nextMargin: number;
}

function view(data: Separable, svm: HardMarginSvm, r: ReturnType<typeof linearGd>): LinearView {
  const nonzero = (w: Float64Array) => w.some((v) => v !== 0);
  const last = r.w[r.w.length - 1];
  return {
    t: r.t,
    loss: r.loss,
    gap: r.w.map((w) => (nonzero(w) ? directionTo(w, svm.w).gap : Number.NaN)),
    margin: r.w.map((w) => (nonzero(w) ? Math.min(...margins(data, w)) / Math.hypot(...w) : Number.NaN)),
    minMarginEnd: Math.min(...margins(data, last)),
    steps: r.steps,
  };
}

/** w̃ from the support-vector equations e^{−y_n x_nᵀw̃} = α_n (gradient flow in t = η·step). */
function residual(data: Separable, svm: HardMarginSvm): Float64Array {
  const S = svm.support;
  const Z = new Matrix(
    S.map((i) => Array.from(data.x.subarray(i * data.d, (i + 1) * data.d), (v) => v * data.y[i])),
  );
  const c = Matrix.columnVector(S.map((i) => -Math.log(svm.alpha[i])));
  const lambda = solve(Z.mmul(Z.transpose()), c);
  return Float64Array.from(Z.transpose().mmul(lambda).to1DArray());
}

export function measureImplicitBias(s: ImplicitBiasSettings, seed: number): ImplicitBiasMeasurement {
  const data = separableData(s.points, s.dims, s.gap, seed + s.seed);
  const svm = hardMarginSvm(data.x, data.y, data.n, data.d);
  const wTilde = residual(data, svm);
  const at = logSteps(s.steps, s.perDecade);
  const logistic = view(data, svm, linearGd(data, "logistic", s.lr, s.steps, at));
  const norm2 = svm.w.reduce((a, v) => a + v * v, 0);
  const theoryGap = logistic.t.map((t) => {
    if (t <= 1) return Number.NaN;
    const w = svm.w.map((v, j) => v * Math.log(t) + wTilde[j]);
    return directionTo(w, svm.w).gap;
  });
  const theoryLoss = logistic.t.map((t) => (t > 0 ? norm2 / t : Number.NaN));
  const hinge = view(data, svm, linearGd(data, "hinge", s.lr, s.steps, at));
  const relu = reluGd(data, s.relu, logSteps(s.relu.steps, s.perDecade), seed + s.seed);
  const q = margins(data, svm.w);
  const nextMargin = Math.min(...Array.from(q).filter((_, i) => !svm.support.includes(i)));
  return { data, svm, wTilde, logistic, theoryGap, theoryLoss, hinge, relu, nextMargin };
}
