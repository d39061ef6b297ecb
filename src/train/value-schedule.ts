/**
 * Schedules of a number over optimizer steps: the learning rate and the weights of the loss terms
 * (weight decay, spectral decoupling λ, the data term's weight). A schedule names values at steps;
 * `valueAt` reads it at a step. The config's field `schedules` holds them (see run-config.ts).
 */

/** A number that changes over steps. */
export type ValueSchedule =
  /** Piecewise constant: `values[i]` from step `from[i]` on (from[0] = 0, increasing). */
  | { kind: "piecewise"; from: number[]; values: number[] }
  /**
   * Piecewise linear through the points (at[i], values[i]) (at[0] = 0, increasing), constant after the
   * last point: a warm-up is `{ at: [0, 100], values: [0, 0.1] }`.
   */
  | { kind: "linear"; at: number[]; values: number[] };

/** The schedule's value at `step` (≥ 0). */
export function valueAt(schedule: ValueSchedule, step: number): number {
  const points = schedule.kind === "piecewise" ? schedule.from : schedule.at;
  const { values } = schedule;
  // The last point at or before `step` (points[0] = 0 ≤ step).
  let i = 0;
  while (i + 1 < points.length && points[i + 1] <= step) i++;
  if (schedule.kind === "piecewise" || i + 1 === points.length || points[i] === step) return values[i];
  const f = (step - points[i]) / (points[i + 1] - points[i]);
  return values[i] + f * (values[i + 1] - values[i]);
}

/**
 * Why `schedule` is malformed, or null: the points start at 0 and increase, one value per point. The
 * config schema runs this, so a bad schedule is a config error naming the field.
 */
export function scheduleProblem(schedule: ValueSchedule): string | null {
  const points = schedule.kind === "piecewise" ? schedule.from : schedule.at;
  const name = schedule.kind === "piecewise" ? "from" : "at";
  if (points.length === 0) return `${name} needs at least one step (the first is 0)`;
  if (points.length !== schedule.values.length)
    return `${name} has ${points.length} steps but values has ${schedule.values.length}: give one value per step`;
  if (points[0] !== 0) return `${name}[0] must be 0 (the value at the start), got ${points[0]}`;
  for (let i = 1; i < points.length; i++)
    if (!(points[i] > points[i - 1]))
      return `${name} must increase: ${name}[${i}] = ${points[i]} after ${points[i - 1]}`;
  return null;
}
