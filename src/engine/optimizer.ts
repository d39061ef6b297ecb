import type { Backend } from "./backend.js";
import { adamStep, momentumStep, sgdStep } from "./kernels-js.js";

/**
 * Optimizers, with PyTorch's update rules so trajectories can be compared with it step for step.
 * Weight decay is coupled L2 (g += λ·θ), as in torch.optim.SGD/Adam `weight_decay`.
 */
export type OptimizerKind = "gd" | "sgd" | "adam";

export const OPTIMIZERS: readonly OptimizerKind[] = ["gd", "sgd", "adam"];

export interface OptimizerSpec {
  /** "gd": full-batch gradient descent; "sgd": minibatches; "adam": Adam (full batch unless batchSize). */
  kind: OptimizerKind;
  /** Learning rate η (> 0). */
  lr: number;
  /** Heavy-ball momentum μ ∈ [0, 1) for gd/sgd (0 = none). */
  momentum: number;
  /** Nesterov momentum (needs momentum > 0). */
  nesterov: boolean;
  /** Minibatch size for sgd/adam; null = the whole data set. */
  batchSize: number | null;
  /** Adam β1. */
  beta1: number;
  /** Adam β2. */
  beta2: number;
  /** Adam ε. */
  eps: number;
  /** Coupled L2 weight decay λ ≥ 0. */
  weightDecay: number;
}

/**
 * The hyperparameters of one step, when a schedule changes them over the run (default: the spec's). The
 * update uses exactly these numbers, so a constant schedule gives the same bits as none.
 */
export interface StepHyper {
  /** Learning rate η of this step. */
  lr: number;
  /** Coupled L2 weight decay λ of this step. */
  weightDecay: number;
}

/**
 * Everything an optimizer carries from one step to the next, as plain data (a checkpoint saves it; a
 * stage that keeps its optimizer passes it on). `buffers` holds the momentum buffer ("momentum", gd/sgd
 * with μ > 0) or Adam's moments ("m", "v"); none for plain gd/sgd.
 */
export interface OptimizerState {
  /** "adam", or "sgd" for gd and sgd (the same update rule). */
  rule: "sgd" | "adam";
  /** Steps taken (Adam's bias correction and the first momentum step depend on it). */
  steps: number;
  /** Named state vectors, each as long as the parameters. */
  buffers: Record<string, Float64Array>;
}

/** Updates parameters in place from a gradient; holds its own state, allocated once. */
export interface Optimizer {
  step(params: Float64Array, grad: Float64Array, hyper?: StepHyper): void;
  /** Number of steps taken. */
  readonly steps: number;
  /** A copy of the state. */
  state(): OptimizerState;
  /** Continues from a state taken from an optimizer of the same rule and size (throws otherwise). */
  restore(state: OptimizerState): void;
}

export function createOptimizer(spec: OptimizerSpec, size: number, backend: Backend): Optimizer {
  return spec.kind === "adam" ? createAdam(spec, size, backend) : createSgd(spec, size, backend);
}

/** Copies `state` into the live buffers after checking that it fits (a clear error otherwise). */
function restoreInto(
  rule: OptimizerState["rule"],
  buffers: Record<string, Float64Array>,
  state: OptimizerState,
): void {
  if (state.rule !== rule)
    throw new Error(
      `optimizer state is for ${state.rule}, this optimizer is ${rule}: resume with the same kind`,
    );
  const names = Object.keys(buffers).sort().join(",");
  if (Object.keys(state.buffers).sort().join(",") !== names)
    throw new Error(
      `optimizer state holds buffers [${Object.keys(state.buffers)}], this optimizer needs [${Object.keys(buffers)}] (momentum on/off must match)`,
    );
  for (const [name, live] of Object.entries(buffers)) {
    if (state.buffers[name].length !== live.length)
      throw new Error(
        `optimizer state buffer ${name} has ${state.buffers[name].length} entries, the model ${live.length}`,
      );
    live.set(state.buffers[name]);
  }
}

const copies = (buffers: Record<string, Float64Array>) =>
  Object.fromEntries(Object.entries(buffers).map(([k, v]) => [k, Float64Array.from(v)]));

function createSgd(spec: OptimizerSpec, size: number, backend: Backend): Optimizer {
  const { momentum: mu, nesterov } = spec;
  const buf = mu > 0 ? backend.alloc(size) : null;
  const buffers: Record<string, Float64Array> = buf ? { momentum: buf } : {};
  let steps = 0;
  return {
    get steps() {
      return steps;
    },
    step(params, grad, hyper) {
      const lr = hyper?.lr ?? spec.lr;
      const wd = hyper?.weightDecay ?? spec.weightDecay;
      if (!buf) {
        if (backend.sgdStep) backend.sgdStep(params, grad, size, lr, wd);
        else sgdStep(params, grad, size, lr, wd);
      } else if (backend.momentumStep) {
        backend.momentumStep(params, grad, buf, size, lr, wd, mu, steps === 0, nesterov);
      } else momentumStep(params, grad, buf, size, lr, wd, mu, steps === 0, nesterov);
      steps++;
    },
    state: () => ({ rule: "sgd", steps, buffers: copies(buffers) }),
    restore(state) {
      restoreInto("sgd", buffers, state);
      steps = state.steps;
    },
  };
}

function createAdam(spec: OptimizerSpec, size: number, backend: Backend): Optimizer {
  const { beta1, beta2, eps } = spec;
  const m = backend.alloc(size);
  const v = backend.alloc(size);
  let steps = 0;
  return {
    get steps() {
      return steps;
    },
    step(params, grad, hyper) {
      const lr = hyper?.lr ?? spec.lr;
      const wd = hyper?.weightDecay ?? spec.weightDecay;
      steps++;
      const bc1 = 1 - beta1 ** steps;
      const bc2Sqrt = Math.sqrt(1 - beta2 ** steps);
      const stepSize = lr / bc1;
      if (backend.adamStep)
        backend.adamStep(params, grad, m, v, size, beta1, beta2, stepSize, bc2Sqrt, eps, wd);
      else adamStep(params, grad, m, v, size, beta1, beta2, stepSize, bc2Sqrt, eps, wd);
    },
    state: () => ({ rule: "adam", steps, buffers: copies({ m, v }) }),
    restore(state) {
      restoreInto("adam", { m, v }, state);
      steps = state.steps;
    },
  };
}
