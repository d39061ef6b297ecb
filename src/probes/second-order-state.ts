import { type SecondOrderOptions, secondOrderSchema } from "../config/second-order-spec.js";
import type { Backend } from "../engine/backend.js";
import { jsBackend } from "../engine/backend-js.js";
import { type HessianOperator, hessianOperator } from "../engine/hvp.js";
import type { Mlp } from "../engine/mlp.js";
import { lossObjective } from "../engine/output-curvature.js";
import type { ProbeContext } from "./probe.js";

/**
 * What the second-order probes keep between records of one run: operators whose buffers are allocated
 * once (a backend with its own memory frees nothing until the run ends, so nothing may be allocated per
 * record), the last top eigenvector (to warm-start Lanczos) and how many records each probe has seen
 * (for `every`). Keyed by the run's model object, so it is dropped with the run.
 */
export interface SecondOrderState {
  options: SecondOrderOptions;
  backend: Backend;
  /** The Hessian of the training objective (data loss + spectral decoupling) over the training set. */
  hessian: HessianOperator;
  /** Coupled weight decay λ of the optimizer: the objective GD descends has Hessian H + λI. */
  weightDecay: number;
  /** Records seen per probe name. */
  seen: Map<string, number>;
  /** Per-probe scratch kept across records (warm starts, NTK operator, eigenvector signs). */
  scratch: Map<string, unknown>;
}

const states = new WeakMap<Mlp, SecondOrderState>();

/** This run's state, made at the first record. */
export function secondOrderState(ctx: ProbeContext): SecondOrderState {
  let state = states.get(ctx.mlp);
  if (!state) {
    const options = secondOrderSchema.parse(ctx.config?.probes.secondOrder ?? {});
    const backend = ctx.backend ?? jsBackend;
    const objective = lossObjective(ctx.loss, ctx.data.y, {
      spectralDecoupling: ctx.config?.regularization.spectralDecoupling ?? 0,
    });
    const hessian = hessianOperator(ctx.mlp, ctx.data.x, ctx.data.n, objective, backend);
    const weightDecay = ctx.config?.optimizer.weightDecay ?? 0;
    state = { options, backend, hessian, weightDecay, seen: new Map(), scratch: new Map() };
    states.set(ctx.mlp, state);
  }
  return state;
}

/** Whether probe `name` measures at this record: the first, then every `every`-th. Counts the record. */
export function dueNow(state: SecondOrderState, name: string): boolean {
  const count = state.seen.get(name) ?? 0;
  state.seen.set(name, count + 1);
  return count % state.options.every === 0;
}
