import { integrate } from "../../theory/ode.js";
import type { EosSettings } from "./settings.js";
import { type EosNet, eosNet } from "./workload.js";

/** One GD run at step size η. */
export interface EosRun {
  eta: number;
  /** Records: step, t = η·step, loss, λ_max. */
  t: number[];
  loss: number[];
  sharpness: number[];
  /** First record index with λ_max ≥ 2/η, or −1 when sharpness never got there. */
  crossing: number;
  /** Median of λ_max·η/2 over the records after the crossing (NaN without one). */
  medianRatio: number;
  /** Loss increases between consecutive records before and after the crossing. */
  risesBefore: number;
  risesAfter: number;
  /** Gradient-flow shadow from GD's state `shadow` before the crossing: times and λ_max (empty without one). */
  flow: { t: number[]; sharpness: number[] };
}

/** Everything the study reports. */
export interface EosMeasurement {
  /** λ_max at init. */
  lambda0: number;
  runs: EosRun[];
}

function median(v: number[]): number {
  if (!v.length) return Number.NaN;
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Full-batch GD at η, recording loss and λ_max every `every` steps; keeps the parameters at each record. */
function gdRun(net: EosNet, eta: number, s: EosSettings): EosRun & { states: Float64Array[] } {
  const theta = Float64Array.from(net.initial);
  const grad = new Float64Array(theta.length);
  const steps = Math.round(s.time / eta);
  const run = {
    eta,
    t: [] as number[],
    loss: [] as number[],
    sharpness: [] as number[],
    states: [] as Float64Array[],
  };
  for (let k = 0; k <= steps; k++) {
    const loss = net.lossAndGradient(theta, grad);
    if (k % s.every === 0 || k === steps) {
      run.t.push(eta * k);
      run.loss.push(loss);
      run.sharpness.push(net.sharpness(theta));
      run.states.push(Float64Array.from(theta));
    }
    if (!Number.isFinite(loss)) break;
    for (let i = 0; i < theta.length; i++) theta[i] -= eta * grad[i];
  }
  const crossing = run.sharpness.findIndex((l) => l * eta >= 2);
  const after = crossing < 0 ? [] : run.sharpness.slice(crossing).map((l) => (l * eta) / 2);
  const rises = (from: number, to: number) => {
    let n = 0;
    for (let i = Math.max(1, from); i < to; i++) if (run.loss[i] > run.loss[i - 1]) n++;
    return n;
  };
  const cut = crossing < 0 ? run.loss.length : crossing;
  return {
    ...run,
    crossing,
    medianRatio: median(after),
    risesBefore: rises(1, cut),
    risesAfter: crossing < 0 ? 0 : rises(crossing + 1, run.loss.length),
    flow: { t: [], sharpness: [] },
  };
}

/** The gradient flow θ' = −∇L from GD's state `shadow` before its crossing, to `shadow` after it. */
function shadowFlow(net: EosNet, run: EosRun & { states: Float64Array[] }, shadow: number): EosRun["flow"] {
  if (run.crossing < 0) return { t: [], sharpness: [] };
  const tc = run.t[run.crossing];
  let i0 = run.crossing;
  while (i0 > 0 && run.t[i0] > tc - shadow) i0--;
  const t0 = run.t[i0];
  const times = Array.from({ length: 13 }, (_, j) => t0 + ((tc + shadow - t0) * j) / 12);
  const g = new Float64Array(run.states[i0].length);
  const theta = new Float64Array(g.length);
  const rhs = (_t: number, y: Float64Array, dy: Float64Array) => {
    theta.set(y);
    net.lossAndGradient(theta, g);
    for (let i = 0; i < g.length; i++) dy[i] = -g[i];
  };
  const r = integrate(rhs, Array.from(run.states[i0]), t0, times[times.length - 1], {
    outputTimes: times,
    rtol: 1e-7,
    atol: 1e-9,
  });
  return { t: r.t, sharpness: r.y.map((y) => net.sharpness(Float64Array.from(y))) };
}

/** The study: λ_max at init, then a GD run and its flow shadow per step size of the grid. */
export function measureEos(s: EosSettings, seed: number): EosMeasurement {
  const net = eosNet(s.workload, seed + s.seed);
  const lambda0 = net.sharpness(net.initial);
  const runs = s.factors.map((f) => {
    const run = gdRun(net, 2 / (f * lambda0), s);
    const flow = shadowFlow(net, run, s.shadow);
    const { states: _states, ...kept } = run;
    return { ...kept, flow };
  });
  return { lambda0, runs };
}
