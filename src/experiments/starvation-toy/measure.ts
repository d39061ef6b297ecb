import { type TwoPointToy, twoPointToy } from "../../data/two-point-toy.js";
import {
  type ToyPenalty,
  type ToyTrajectory,
  toyFixedPoint,
  toyGradientDescent,
} from "../../theory/starvation-toy.js";
import type { ToySettings } from "./settings.js";

/** One (strength, penalty) run: GD's trajectory in z, its fixed point, and where the paper's step count leaves it. */
export interface ToyRun {
  strength: number;
  penalty: ToyPenalty;
  trajectory: ToyTrajectory;
  /** The minimiser z* (theory). */
  fixedPoint: [number, number];
  /** GD's z after `steps`. */
  last: [number, number];
  /** GD's z after the paper's step count. */
  atPaperSteps: [number, number];
}

/** Every strength × penalty, from θ = 0. */
export interface ToyMeasurement {
  runs: ToyRun[];
  /** z₂* on a fine grid of strengths over the swept range, per penalty index (the theory curve). */
  curve: { strength: number[]; z2: number[][] };
}

const lastOf = (t: ToyTrajectory): [number, number] => [t.z1[t.z1.length - 1], t.z2[t.z2.length - 1]];

/** Runs GD for each strength and penalty and solves each fixed point. */
export function measureToy(s: ToySettings): ToyMeasurement {
  if (s.strengths.length < 2 || s.strengths.some((l, i) => i > 0 && l <= s.strengths[i - 1]))
    throw new Error(
      `starvation-toy: strengths must be at least two increasing numbers, got [${s.strengths.join(", ")}]`,
    );
  const make = (l: number): TwoPointToy =>
    twoPointToy({ strength1: l, strength2: s.strength2, coupling: s.coupling });
  const runs: ToyRun[] = [];
  for (const l of s.strengths) {
    const toy = make(l);
    for (const penalty of s.penalties) {
      const trajectory = toyGradientDescent(toy, penalty, { lr: s.lr, steps: s.steps });
      const n = trajectory.step.length - 1;
      runs.push({
        strength: l,
        penalty,
        trajectory,
        fixedPoint: toyFixedPoint(toy, penalty),
        last: [trajectory.z1[n], trajectory.z2[n]],
        atPaperSteps: lastOf(
          toyGradientDescent(toy, penalty, { lr: s.lr, steps: s.paperSteps, every: s.paperSteps }),
        ),
      });
    }
  }
  const lo = s.strengths[0];
  const hi = s.strengths[s.strengths.length - 1];
  const grid = Array.from({ length: 61 }, (_, i) => lo + ((hi - lo) * i) / 60);
  const z2 = s.penalties.map((p) => grid.map((l) => toyFixedPoint(make(l), p)[1]));
  return { runs, curve: { strength: grid, z2 } };
}
