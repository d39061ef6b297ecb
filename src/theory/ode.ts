/**
 * Adaptive ODE integration for the theory (THEORY.md §2–7): Dormand–Prince 5(4) with its 4th-order dense
 * output (Hairer, Nørsett & Wanner, "Solving ODEs I", DOPRI5), output at requested times, a terminal event
 * located on the dense output, and a log-time helper for horizons up to t = 1e8 and beyond.
 *
 * Why not the `odex` dependency (Hairer's ODEX): its package ships TypeScript source (`src/odex.ts`) as
 * its entry, without declarations, so importing it makes `tsc` type-check that source under this project's
 * strict settings, where it has six type errors (not silenceable without changing tsconfig); it is also
 * CommonJS-only. DOPRI5 is short, well understood, and gives a dense output for event location.
 *
 * @module
 */

/** Right-hand side `dy/dt = f(t, y)`: write the derivative into `dydt` (same length as `y`). */
export type Rhs = (t: number, y: Float64Array, dydt: Float64Array) => void;

/** Options of {@link integrate}. */
export interface IntegrateOptions {
  /** Relative tolerance per component (default 1e-10). */
  rtol?: number;
  /** Absolute tolerance per component (default 1e-12). */
  atol?: number;
  /** Times (ascending, inside [t0, t1]) at which the state is reported; default `[t1]`. */
  outputTimes?: readonly number[];
  /** Maximum number of steps (accepted + rejected) before giving up with status `maxSteps` (default 1e6). */
  maxSteps?: number;
  /** First trial step; default chosen automatically (Hairer's `hinit`). */
  initialStep?: number;
  /** Largest step allowed (default `t1 − t0`). */
  maxStep?: number;
  /**
   * Terminal event: integration stops at the first time after t0 where `event(t, y)` changes sign
   * (or reaches exactly 0 from a non-zero value). The time is located on the dense output to ~1e-14.
   */
  event?: (t: number, y: Float64Array) => number;
}

/** Result of {@link integrate}. */
export interface IntegrateResult {
  /** Output times actually reached (a prefix of `outputTimes` when stopped early). */
  t: number[];
  /** States at those times. */
  y: number[][];
  /** `done`: reached t1; `event`: the event fired; `maxSteps`: step budget exhausted; `failed`: step size
   * underflow or a non-finite derivative that no smaller step avoids. */
  status: "done" | "event" | "maxSteps" | "failed";
  /** Time at which integration stopped (t1, the event time, or where it failed). */
  tEnd: number;
  /** State at `tEnd`. */
  yEnd: number[];
  /** Event time, when `status === "event"`. */
  eventTime?: number;
  /** Accepted steps. */
  steps: number;
  /** Rejected steps. */
  rejected: number;
}

// Dormand–Prince 5(4) tableau.
const C2 = 1 / 5,
  C3 = 3 / 10,
  C4 = 4 / 5,
  C5 = 8 / 9;
const A21 = 1 / 5;
const A31 = 3 / 40,
  A32 = 9 / 40;
const A41 = 44 / 45,
  A42 = -56 / 15,
  A43 = 32 / 9;
const A51 = 19372 / 6561,
  A52 = -25360 / 2187,
  A53 = 64448 / 6561,
  A54 = -212 / 729;
const A61 = 9017 / 3168,
  A62 = -355 / 33,
  A63 = 46732 / 5247,
  A64 = 49 / 176,
  A65 = -5103 / 18656;
const A71 = 35 / 384,
  A73 = 500 / 1113,
  A74 = 125 / 192,
  A75 = -2187 / 6784,
  A76 = 11 / 84;
const E1 = 71 / 57600,
  E3 = -71 / 16695,
  E4 = 71 / 1920,
  E5 = -17253 / 339200,
  E6 = 22 / 525,
  E7 = -1 / 40;
// Dense output (DOPRI5 contd5).
const D1 = -12715105075 / 11282082432,
  D3 = 87487479700 / 32700410799,
  D4 = -10690763975 / 1880347072;
const D5 = 701980252875 / 199316789632,
  D6 = -1453857185 / 822651844,
  D7 = 69997945 / 29380423;

/**
 * Integrate `y' = f(t, y)` from `t0` to `t1 > t0` with an adaptive Dormand–Prince 5(4) method and report
 * the state at `outputTimes`. Used by every ODE of THEORY.md §2–7 (P2–P13). Never throws on a
 * diverging solution: it returns status `failed` with what it had.
 */
export function integrate(
  f: Rhs,
  y0: readonly number[],
  t0: number,
  t1: number,
  options: IntegrateOptions = {},
): IntegrateResult {
  const rtol = options.rtol ?? 1e-10;
  const atol = options.atol ?? 1e-12;
  const maxSteps = options.maxSteps ?? 1_000_000;
  const outs = options.outputTimes ?? [t1];
  if (!(t1 >= t0)) throw new Error(`integrate: need t1 >= t0, got t0=${t0}, t1=${t1}`);
  for (let i = 0; i < outs.length; i++) {
    if (outs[i] < t0 || outs[i] > t1 || (i > 0 && outs[i] < outs[i - 1])) {
      throw new Error(
        `integrate: outputTimes must be ascending inside [t0, t1]; bad value ${outs[i]} at ${i}`,
      );
    }
  }
  const n = y0.length;
  const hMax = options.maxStep ?? t1 - t0;
  let y = Float64Array.from(y0);
  let yNew = new Float64Array(n);
  const k1 = new Float64Array(n),
    k2 = new Float64Array(n),
    k3 = new Float64Array(n);
  const k4 = new Float64Array(n),
    k5 = new Float64Array(n),
    k6 = new Float64Array(n);
  const k7 = new Float64Array(n);
  const tmp = new Float64Array(n);
  const r1 = new Float64Array(n),
    r2 = new Float64Array(n),
    r3 = new Float64Array(n);
  const r4 = new Float64Array(n),
    r5 = new Float64Array(n);
  const res: IntegrateResult = { t: [], y: [], status: "done", tEnd: t0, yEnd: [], steps: 0, rejected: 0 };

  let oi = 0;
  while (oi < outs.length && outs[oi] === t0) {
    res.t.push(t0);
    res.y.push(Array.from(y));
    oi++;
  }
  const event = options.event;
  let gPrev = event ? event(t0, y) : 0;
  let t = t0;
  if (t1 === t0) {
    res.yEnd = Array.from(y);
    return res;
  }
  f(t, y, k1);
  const scale = (a: number, b: number) => atol + rtol * Math.max(Math.abs(a), Math.abs(b));
  let h = options.initialStep ?? initialStep();
  h = Math.min(h, hMax, t1 - t0);

  const dense = (theta: number, out: Float64Array) => {
    const th1 = 1 - theta;
    for (let i = 0; i < n; i++)
      out[i] = r1[i] + theta * (r2[i] + th1 * (r3[i] + theta * (r4[i] + th1 * r5[i])));
  };
  let facOld = 1e-4;
  let lastRejected = false;
  let nTotal = 0;
  while (t < t1) {
    if (nTotal++ >= maxSteps) {
      res.status = "maxSteps";
      break;
    }
    if (h < 1e-15 * Math.max(1, Math.abs(t))) {
      res.status = "failed";
      break;
    }
    const last = t + h >= t1 || t1 - (t + h) < 1e-12 * h;
    if (last) h = t1 - t;
    // Stages.
    for (let i = 0; i < n; i++) tmp[i] = y[i] + h * A21 * k1[i];
    f(t + C2 * h, tmp, k2);
    for (let i = 0; i < n; i++) tmp[i] = y[i] + h * (A31 * k1[i] + A32 * k2[i]);
    f(t + C3 * h, tmp, k3);
    for (let i = 0; i < n; i++) tmp[i] = y[i] + h * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
    f(t + C4 * h, tmp, k4);
    for (let i = 0; i < n; i++) tmp[i] = y[i] + h * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
    f(t + C5 * h, tmp, k5);
    for (let i = 0; i < n; i++) {
      tmp[i] = y[i] + h * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
    }
    const tNew = last ? t1 : t + h;
    f(tNew, tmp, k6);
    for (let i = 0; i < n; i++) {
      yNew[i] = y[i] + h * (A71 * k1[i] + A73 * k3[i] + A74 * k4[i] + A75 * k5[i] + A76 * k6[i]);
    }
    f(tNew, yNew, k7);
    let err = 0;
    let finite = true;
    for (let i = 0; i < n; i++) {
      const e = h * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i]);
      const q = e / scale(y[i], yNew[i]);
      err += q * q;
      if (!Number.isFinite(yNew[i]) || !Number.isFinite(k7[i])) finite = false;
    }
    err = finite ? Math.sqrt(err / n) : Number.POSITIVE_INFINITY;
    if (!(err <= 1)) {
      // Reject.
      res.rejected++;
      h *= finite ? Math.max(0.2, 0.9 * err ** -0.2) : 0.2;
      lastRejected = true;
      continue;
    }
    // Accept: prepare dense output on [t, tNew].
    for (let i = 0; i < n; i++) {
      const dy = yNew[i] - y[i];
      const bspl = h * k1[i] - dy;
      r1[i] = y[i];
      r2[i] = dy;
      r3[i] = bspl;
      r4[i] = dy - h * k7[i] - bspl;
      r5[i] = h * (D1 * k1[i] + D3 * k3[i] + D4 * k4[i] + D5 * k5[i] + D6 * k6[i] + D7 * k7[i]);
    }
    res.steps++;
    let tStop = tNew;
    let stopped = false;
    if (event) {
      const gNew = event(tNew, yNew);
      const crossed = gPrev === 0 ? false : gNew === 0 || Math.sign(gNew) !== Math.sign(gPrev);
      if (crossed) {
        tStop = locateEvent(event, t, h, gPrev, dense, tmp);
        stopped = true;
      } else if (gPrev === 0) gPrev = gNew;
    }
    while (oi < outs.length && outs[oi] <= tStop) {
      const to = outs[oi];
      if (to === tNew && !stopped) res.y.push(Array.from(yNew));
      else {
        dense((to - t) / h, tmp);
        res.y.push(Array.from(tmp));
      }
      res.t.push(to);
      oi++;
    }
    if (stopped) {
      dense((tStop - t) / h, tmp);
      res.status = "event";
      res.eventTime = tStop;
      res.tEnd = tStop;
      res.yEnd = Array.from(tmp);
      return res;
    }
    // Step-size control (Lund-stabilised, as in DOPRI5).
    const fac11 = err ** 0.17;
    let fac = fac11 / facOld ** 0.04 / 0.9;
    fac = Math.max(0.1, Math.min(5, fac));
    let hNew = h / fac;
    facOld = Math.max(err, 1e-4);
    if (lastRejected) hNew = Math.min(hNew, h);
    lastRejected = false;
    t = tNew;
    [y, yNew] = [yNew, y];
    k1.set(k7); // FSAL: the last stage of this step is the first of the next
    h = Math.min(hNew, hMax);
  }
  res.tEnd = t;
  res.yEnd = Array.from(y);
  if (res.status === "done" && t < t1) res.status = "failed";
  return res;

  function initialStep(): number {
    let d0 = 0;
    let d1 = 0;
    for (let i = 0; i < n; i++) {
      const sk = atol + rtol * Math.abs(y[i]);
      d0 += (y[i] / sk) ** 2;
      d1 += (k1[i] / sk) ** 2;
    }
    d0 = Math.sqrt(d0 / n);
    d1 = Math.sqrt(d1 / n);
    let h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * (d0 / d1);
    h0 = Math.min(h0, hMax, t1 - t0);
    for (let i = 0; i < n; i++) tmp[i] = y[i] + h0 * k1[i];
    f(t0 + h0, tmp, k2);
    let d2 = 0;
    for (let i = 0; i < n; i++) {
      const sk = atol + rtol * Math.abs(y[i]);
      d2 += ((k2[i] - k1[i]) / sk) ** 2;
    }
    d2 = Math.sqrt(d2 / n) / h0;
    const dm = Math.max(d1, d2);
    const h1 = dm <= 1e-15 ? Math.max(1e-6, h0 * 1e-3) : (0.01 / dm) ** 0.2;
    const h = Math.min(100 * h0, h1);
    return Number.isFinite(h) && h > 0 ? h : 1e-6;
  }
}

/** Find the sign change of `g` on [t, t+h] using the dense output (Illinois regula falsi, then bisection). */
function locateEvent(
  g: (t: number, y: Float64Array) => number,
  t: number,
  h: number,
  gLeft: number,
  dense: (theta: number, out: Float64Array) => void,
  buf: Float64Array,
): number {
  let lo = 0;
  let hi = 1;
  let glo = gLeft;
  dense(1, buf);
  let ghi = g(t + h, buf);
  if (ghi === 0) return t + h;
  let side = 0;
  for (let it = 0; it < 200 && hi - lo > 1e-15; it++) {
    let th = (lo * ghi - hi * glo) / (ghi - glo);
    if (!(th > lo && th < hi) || it % 8 === 7) th = 0.5 * (lo + hi);
    dense(th, buf);
    const gm = g(t + th * h, buf);
    if (gm === 0) return t + th * h;
    if (Math.sign(gm) === Math.sign(ghi)) {
      hi = th;
      ghi = gm;
      if (side === -1) glo /= 2;
      side = -1;
    } else {
      lo = th;
      glo = gm;
      if (side === 1) ghi /= 2;
      side = 1;
    }
  }
  return t + hi * h;
}

/** Options of {@link integrateLogTime}. */
export interface LogTimeOptions extends IntegrateOptions {
  /** When `t0 = 0`, integrate in linear time up to this time first, then in `s = ln t` (default 1).
   * In the log-time part `maxStep` and `initialStep` are measured in `s`. */
  linearUntil?: number;
}

/**
 * Integrate `y' = f(t, y)` over a very long horizon (e.g. t = 1e8, THEORY.md §7, P11–P12) in log-time
 * `s = ln t`, where `dy/ds = t·f(t, y)`: solutions that change like `ln t` take a bounded number of steps.
 * If `t0 = 0` the span `[0, linearUntil]` is integrated in linear time first. Output times and the event
 * use the original time `t`.
 */
export function integrateLogTime(
  f: Rhs,
  y0: readonly number[],
  t0: number,
  t1: number,
  options: LogTimeOptions = {},
): IntegrateResult {
  const outs = options.outputTimes ?? [t1];
  if (t0 === 0) {
    const tl = Math.min(options.linearUntil ?? 1, t1);
    const early = outs.filter((x) => x <= tl);
    const first = integrate(f, y0, 0, tl, { ...options, outputTimes: early });
    if (first.status !== "done" || tl === t1) return first;
    const rest = integrateLogTime(f, first.yEnd, tl, t1, {
      ...options,
      outputTimes: outs.filter((x) => x > tl),
      initialStep: undefined,
      maxStep: undefined,
    });
    return {
      ...rest,
      t: first.t.concat(rest.t),
      y: first.y.concat(rest.y),
      steps: first.steps + rest.steps,
      rejected: first.rejected + rest.rejected,
    };
  }
  if (!(t0 > 0)) throw new Error(`integrateLogTime: need t0 >= 0, got ${t0}`);
  const s0 = Math.log(t0);
  const s1 = Math.log(t1);
  const g: Rhs = (s, y, dy) => {
    const t = Math.exp(s);
    f(t, y, dy);
    for (let i = 0; i < dy.length; i++) dy[i] *= t;
  };
  const sOuts = outs.map((x) => Math.min(s1, Math.max(s0, Math.log(x))));
  const ev = options.event;
  const r = integrate(g, y0, s0, s1, {
    ...options,
    outputTimes: sOuts,
    maxStep: options.maxStep,
    event: ev ? (s, y) => ev(Math.exp(s), y) : undefined,
  });
  return {
    ...r,
    t: outs.slice(0, r.t.length),
    tEnd: r.status === "done" ? t1 : Math.exp(r.tEnd),
    eventTime: r.eventTime === undefined ? undefined : Math.exp(r.eventTime),
  };
}
