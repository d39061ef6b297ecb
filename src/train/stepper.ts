import type { RunConfig } from "../config/run-config.js";
import type { Backend } from "../engine/backend.js";
import {
  createOptimizer,
  type OptimizerSpec,
  type OptimizerState,
  type StepHyper,
} from "../engine/optimizer.js";
import { type ValueSchedule, valueAt } from "./value-schedule.js";

/**
 * The trainer's lowest level: one set of parameters, its optimizer, and the schedules of the step's
 * hyperparameters. Whoever computes the gradient (the trainer, each net of a GAN) hands it to `apply`.
 */
export interface Stepper {
  /** Updates taken. */
  readonly steps: number;
  /** The learning rate and weight decay at step `at` of the schedules (default: the updates taken). */
  hyper(at?: number): StepHyper;
  /**
   * One optimizer update of the parameters from `grad` (a buffer of the backend, as long as them), with
   * the hyperparameters of schedule step `at` (default: the updates taken; the trainer passes its step).
   */
  apply(grad: Float64Array, at?: number): void;
  /** The optimizer's state (buffers copied): plain data for a checkpoint. */
  state(): OptimizerState;
  /** Continues from a state of the same optimizer kind and size. */
  restore(state: OptimizerState): void;
}

/** Schedules of the update itself (the loss-term weights are the objective's). */
export type StepSchedules = Pick<NonNullable<RunConfig["schedules"]>, "lr" | "weightDecay">;

/** A stepper for `params` (the backend's buffer, updated in place). */
export function createStepper(
  params: Float64Array,
  spec: OptimizerSpec,
  backend: Backend,
  schedules: StepSchedules = {},
): Stepper {
  const optimizer = createOptimizer(spec, params.length, backend);
  const lr = schedules.lr as ValueSchedule | undefined;
  const wd = schedules.weightDecay as ValueSchedule | undefined;
  const hyper = (at = optimizer.steps): StepHyper => ({
    lr: lr ? valueAt(lr, at) : spec.lr,
    weightDecay: wd ? valueAt(wd, at) : spec.weightDecay,
  });
  return {
    get steps() {
      return optimizer.steps;
    },
    hyper,
    apply(grad, at) {
      optimizer.step(params, grad, lr || wd ? hyper(at) : undefined);
    },
    state: () => optimizer.state(),
    restore: (state) => optimizer.restore(state),
  };
}
