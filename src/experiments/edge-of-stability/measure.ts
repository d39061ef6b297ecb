import { flowShadow } from "./flow-shadow.js";
import type { EosNet } from "./net-on-data.js";
import type { EosCase, EosSettings } from "./settings.js";
import { eosNet, workloadName } from "./workload.js";

/** One GD run at step size η and its gradient-flow shadow. */
export interface EosRun {
  eta: number;
  /** Records every `every` steps: t = η·step, loss, λ_max. */
  t: number[];
  loss: number[];
  sharpness: number[];
  /** First record index with λ_max ≥ 2/η, or −1 when sharpness never got there. */
  crossing: number;
  /** One past the last record of the edge window: the end, or (CE) where the loss fell below lossFraction × its value at the crossing. */
  windowEnd: number;
  /** Median of λ_max·η/2 over the edge window [crossing, windowEnd) (NaN without a crossing). */
  medianRatio: number;
  /** Quartiles of λ_max·η/2 over the edge window (its measured spread). */
  windowQuartiles: [number, number];
  /** Median of λ_max·η/2 over every record after the crossing, window or not. */
  medianAllAfter: number;
  /** Loss increases between consecutive steps (every step, not only records) before and after the crossing's record. */
  risesBefore: number;
  risesAfter: number;
  /**
   * The gradient flow θ' = −∇L from the same init, at GD's record times up to the crossing + shadow:
   * λ_max on a subset of them (`sharpnessAt` indexes t) and ‖θ_GD − θ_GF‖/‖θ_GF − θ_0‖ at each.
   */
  flow: { t: number[]; distance: number[]; sharpnessT: number[]; sharpness: number[] };
  /** First record where GD's distance from the flow exceeds the departure threshold (−1: never in the shadow). */
  departure: number;
}

/** One workload's runs. */
export interface EosCaseResult {
  name: string;
  /** λ_max at init. */
  lambda0: number;
  runs: EosRun[];
}

/** Everything the study reports. */
export interface EosMeasurement {
  cases: EosCaseResult[];
}

/** The q-quantile by linear interpolation between order statistics (NaN of an empty list). */
export function quantile(v: number[], q: number): number {
  if (!v.length) return Number.NaN;
  const s = [...v].sort((a, b) => a - b);
  const h = (s.length - 1) * q;
  const lo = Math.floor(h);
  return lo + 1 < s.length ? s[lo] + (h - lo) * (s[lo + 1] - s[lo]) : s[lo];
}

const median = (v: number[]) => quantile(v, 0.5);

/** Full-batch GD at η, recording loss and λ_max every `every` steps; keeps the parameters at each record. */
function gdRun(net: EosNet, eta: number, c: EosCase) {
  const theta = Float64Array.from(net.initial);
  const grad = new Float64Array(theta.length);
  const steps = Math.round(c.time / eta);
  const run = {
    t: [] as number[],
    loss: [] as number[],
    sharpness: [] as number[],
    states: [] as Float64Array[],
    stepLoss: [] as number[],
  };
  for (let k = 0; k <= steps; k++) {
    const loss = net.lossAndGradient(theta, grad);
    run.stepLoss.push(loss);
    if (k % c.every === 0 || k === steps) {
      run.t.push(eta * k);
      run.loss.push(loss);
      run.sharpness.push(net.sharpness(theta));
      run.states.push(Float64Array.from(theta));
    }
    if (!Number.isFinite(loss)) break;
    for (let i = 0; i < theta.length; i++) theta[i] -= eta * grad[i];
  }
  return run;
}

/** Loss rises between consecutive entries in [from, to). */
function rises(loss: number[], from: number, to: number): number {
  let n = 0;
  for (let i = Math.max(1, from); i < to; i++) if (loss[i] > loss[i - 1]) n++;
  return n;
}

/** The edge window's end: the record count, or the first record after the crossing under lossFraction × the crossing's loss. */
function edgeWindowEnd(loss: number[], crossing: number, c: EosCase): number {
  if (crossing < 0 || c.lossFraction === undefined) return loss.length;
  const floor = c.lossFraction * loss[crossing];
  const i = loss.findIndex((l, k) => k > crossing && l < floor);
  return i < 0 ? loss.length : i;
}

/** GD at η with its flow shadow, summarized. */
function eosRun(net: EosNet, eta: number, c: EosCase): EosRun {
  const run = gdRun(net, eta, c);
  const ratio = run.sharpness.map((l) => (l * eta) / 2);
  const crossing = ratio.findIndex((r) => r >= 1);
  const windowEnd = edgeWindowEnd(run.loss, crossing, c);
  const tEnd = crossing < 0 ? run.t[run.t.length - 1] : run.t[crossing] + c.shadow;
  const flow = flowShadow(net, run, tEnd, eta / 2);
  const departure = flow.distance.findIndex((d) => d > c.departure);
  const window = crossing < 0 ? [] : ratio.slice(crossing, windowEnd);
  const crossStep = crossing < 0 ? run.stepLoss.length : Math.round(run.t[crossing] / eta);
  const { states: _states, stepLoss, ...kept } = run;
  return {
    eta,
    ...kept,
    crossing,
    windowEnd,
    medianRatio: median(window),
    windowQuartiles: [quantile(window, 0.25), quantile(window, 0.75)],
    medianAllAfter: crossing < 0 ? Number.NaN : median(ratio.slice(crossing)),
    risesBefore: rises(stepLoss, 1, crossStep),
    risesAfter: crossing < 0 ? 0 : rises(stepLoss, crossStep + 1, stepLoss.length),
    flow,
    departure,
  };
}

/** The study: per workload, λ_max at init, then a GD run and its flow shadow per step size of the grid. */
export function measureEos(s: EosSettings, seed: number): EosMeasurement {
  return {
    cases: s.cases.map((c) => {
      const net = eosNet(c.workload, seed + c.seed);
      const lambda0 = net.sharpness(net.initial);
      const runs = c.factors.map((f) => eosRun(net, 2 / (f * lambda0), c));
      return { name: workloadName(c.workload), lambda0, runs };
    }),
  };
}
