import type { EosNet } from "./net-on-data.js";

/** GD's records: times and the parameters there (states[0] is the init). */
export interface GdTrace {
  t: number[];
  states: Float64Array[];
}

/** How many of the flow's records get a λ_max (Lanczos is the cost; distances are cheap). */
const SHARPNESS_POINTS = 16;

function norm(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2;
  return Math.sqrt(s);
}

/** Classical Runge–Kutta on θ' = −∇L(θ), fixed step: y advanced by h in place. */
function rk4Stepper(net: EosNet) {
  const p = net.initial.length;
  const [k1, k2, k3, k4, tmp] = Array.from({ length: 5 }, () => new Float64Array(p));
  const slope = (y: Float64Array, out: Float64Array) => {
    net.lossAndGradient(y, out);
    for (let i = 0; i < p; i++) out[i] = -out[i];
  };
  return (y: Float64Array, h: number) => {
    slope(y, k1);
    for (let i = 0; i < p; i++) tmp[i] = y[i] + 0.5 * h * k1[i];
    slope(tmp, k2);
    for (let i = 0; i < p; i++) tmp[i] = y[i] + 0.5 * h * k2[i];
    slope(tmp, k3);
    for (let i = 0; i < p; i++) tmp[i] = y[i] + h * k3[i];
    slope(tmp, k4);
    for (let i = 0; i < p; i++) y[i] += (h / 6) * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
  };
}

/**
 * The gradient flow θ' = −∇L from GD's own init, by classical Runge–Kutta with the fixed step `h`
 * (an adaptive solver stalls on ReLU nets: every unit switching on a point is a kink of ∇L, which error
 * control resolves with ever smaller steps; Cohen et al.'s flow.py also integrates with a fixed RK4 step),
 * reported at GD's record times up to tEnd: at each, ‖θ_GD − θ_GF‖ / ‖θ_GF − θ_0‖ (GD's distance from the
 * flow relative to how far the flow has travelled; 0 at t = 0), and λ_max of the flow at up to 16 evenly
 * spread of them. RK4 is stable for h·λ_max < 2.78: the study takes h = η/2, so up to λ_max·η/2 = 2.78.
 */
export function flowShadow(net: EosNet, gd: GdTrace, tEnd: number, h: number) {
  const last = gd.t.findLastIndex((t) => t <= tEnd + 1e-12);
  const step = rk4Stepper(net);
  const y = Float64Array.from(net.initial);
  const t: number[] = [];
  const distance: number[] = [];
  const states: Float64Array[] = [];
  let now = 0;
  for (let k = 0; k <= last; k++) {
    while (now < gd.t[k] - 1e-9 * h) {
      const dt = Math.min(h, gd.t[k] - now);
      step(y, dt);
      now += dt;
    }
    if (!y.every(Number.isFinite)) break;
    const travelled = norm(net.initial, y);
    t.push(gd.t[k]);
    distance.push(travelled > 0 ? norm(gd.states[k], y) / travelled : 0);
    states.push(Float64Array.from(y));
  }
  const stride = Math.max(1, Math.ceil(t.length / SHARPNESS_POINTS));
  const sharpnessT: number[] = [];
  const sharpness: number[] = [];
  for (let k = 0; k < t.length; k += stride) {
    sharpnessT.push(t[k]);
    sharpness.push(net.sharpness(states[k]));
  }
  return { t, distance, sharpnessT, sharpness };
}
