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

/** Updates parameters in place from a gradient; holds its own state, allocated once. */
export interface Optimizer {
  step(params: Float64Array, grad: Float64Array): void;
  /** Number of steps taken. */
  readonly steps: number;
}

export function createOptimizer(spec: OptimizerSpec, size: number, backend: Backend): Optimizer {
  return spec.kind === "adam" ? createAdam(spec, size, backend) : createSgd(spec, size, backend);
}

function createSgd(spec: OptimizerSpec, size: number, backend: Backend): Optimizer {
  const { lr, momentum: mu, nesterov, weightDecay: wd } = spec;
  const buf = mu > 0 ? backend.alloc(size) : null;
  let steps = 0;
  return {
    get steps() {
      return steps;
    },
    step(params, grad) {
      if (!buf) {
        if (backend.sgdStep) backend.sgdStep(params, grad, size, lr, wd);
        else sgdStep(params, grad, size, lr, wd);
      } else if (backend.momentumStep) {
        backend.momentumStep(params, grad, buf, size, lr, wd, mu, steps === 0, nesterov);
      } else momentumStep(params, grad, buf, size, lr, wd, mu, steps === 0, nesterov);
      steps++;
    },
  };
}

function createAdam(spec: OptimizerSpec, size: number, backend: Backend): Optimizer {
  const { lr, beta1, beta2, eps, weightDecay: wd } = spec;
  const m = backend.alloc(size);
  const v = backend.alloc(size);
  let steps = 0;
  return {
    get steps() {
      return steps;
    },
    step(params, grad) {
      steps++;
      const bc1 = 1 - beta1 ** steps;
      const bc2Sqrt = Math.sqrt(1 - beta2 ** steps);
      const stepSize = lr / bc1;
      if (backend.adamStep)
        backend.adamStep(params, grad, m, v, size, beta1, beta2, stepSize, bc2Sqrt, eps, wd);
      else adamStep(params, grad, m, v, size, beta1, beta2, stepSize, bc2Sqrt, eps, wd);
    },
  };
}
