/**
 * The first-order gradient-descent error of a mode run along its gradient flow: ∫c² dt, its sum over the
 * stages of a staged run, and the default constant-η horizon of a balanced run. Shared by the claims
 * that compare mode runs with the flow (C2, C6).
 */
import { timeToMargin } from "../../theory/balanced-ei.js";
import { modeGain, simulateMode } from "../../theory/mode-dynamics.js";
import { integrate } from "../../theory/ode.js";
import type { ModeStart } from "./modes.js";
import type { Stage } from "./staged-run.js";

/**
 * ∫₀ᵗ c(s)² ds at each of `times` (ascending), along the gradient flow of one mode, c = r σ(−m) (CE) or
 * r 1[m < 1] (hinge), 0 once the unit is dead. Gradient descent with step η multiplies a² − b² by
 * (1 − η²c²) per step, so the drift of the conserved quantity is, to first order, −η (a0² − b0²) ∫c² dt
 * (P2); and a balanced mode's ln m lags the flow by at most η ∫c² dt (P5, first order, ignoring the
 * self-correcting feedback of σ(−m)).
 */
export function gainSquaredIntegral(
  mode: ModeStart,
  loss: "ce" | "hinge",
  times: readonly number[],
): number[] {
  const params = { r: mode.r, y: mode.y, loss };
  const tEnd = times[times.length - 1];
  const traj = simulateMode(mode.a0, mode.b0, params, [tEnd]);
  const tStop = Math.min(tEnd, traj.frozenAt);
  if (loss === "hinge") return times.map((t) => Math.min(t, tStop) * mode.r * mode.r);
  if (!(tStop > 0)) return times.map(() => 0);
  const inside = times.filter((t) => t <= tStop);
  const res = integrate(
    (_t, s, d) => {
      const m = mode.y * mode.r * s[0] * s[1];
      const c = modeGain(m, params);
      d[0] = mode.y * c * s[1];
      d[1] = mode.y * c * s[0];
      d[2] = c * c;
    },
    [mode.a0, mode.b0, 0],
    0,
    tStop,
    { rtol: 1e-10, atol: 1e-14, outputTimes: inside },
  );
  const values = res.y.map((y) => y[2]);
  while (values.length < times.length) values.push(res.yEnd[2]);
  return values;
}

/**
 * First-order GD error η(t)·∫c² summed over the stages of a staged run (stage s has step η_s on
 * [t_s, t_{s+1}]): the bound on |δ ln m| of a balanced mode (P5) or the relative drift of a² − b² (P2).
 */
export function stagedErrorBound(mode: ModeStart, loss: "ce" | "hinge", stages: readonly Stage[]): number {
  const bounds = [0];
  for (const s of stages) bounds.push(bounds[bounds.length - 1] + s.lr * s.steps);
  const I = gainSquaredIntegral(mode, loss, bounds.slice(1));
  let total = 0;
  let prev = 0;
  stages.forEach((s, i) => {
    total += s.lr * (I[i] - prev);
    prev = I[i];
  });
  return total;
}

/**
 * Default constant-η horizon of a balanced run: twice the CE time for the slowest mode to reach m = 1 (after
 * that σ(−m) < 0.27 and the dynamics slow down like 1/t, so the step can grow), capped at tEnd.
 */
export function defaultSwitch(norms: readonly number[], a0: number, tEnd: number): number {
  const slowest = Math.max(...norms.map((r) => (r * a0 * a0 >= 1 ? 0 : timeToMargin(1, r * a0 * a0, r))));
  return Math.min(tEnd, Math.max(1, 2 * slowest));
}
