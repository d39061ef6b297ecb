/** When probes record during training. */
export type ProbeSchedule = { kind: "every"; every: number } | { kind: "log"; perDecade: number };

/**
 * The steps at which a run records, sorted, as a lazy sequence: `at(i)` is the i-th record step. Lazy
 * because a schedule of every step over 10^9 steps has 10^9 entries (a Set or array of them exceeds the
 * engine's limits long before the run would).
 */
export interface RecordSchedule {
  /** How many records the schedule holds. */
  readonly length: number;
  /** The i-th record step (undefined past the end). */
  at(i: number): number | undefined;
}

/**
 * The schedule of steps (within 0..maxSteps) at which to record. Always includes 0 and maxSteps.
 * "every k" is 0, k, 2k, … and maxSteps, computed on demand; "log" places perDecade points per factor
 * of 10 (rounded, deduplicated; at most 9 decades × 1000 points, so kept as a list), since dynamics live
 * on log time.
 */
export function recordSchedule(schedule: ProbeSchedule, maxSteps: number): RecordSchedule {
  if (schedule.kind === "every") {
    const k = schedule.every;
    const multiples = Math.floor(maxSteps / k) + 1;
    const length = multiples + (maxSteps % k === 0 ? 0 : 1);
    return {
      length,
      at: (i) => (i < 0 || i >= length ? undefined : i < multiples ? i * k : maxSteps),
    };
  }
  const steps = new Set<number>([0, maxSteps]);
  const decades = Math.log10(Math.max(1, maxSteps));
  const count = Math.ceil(decades * schedule.perDecade);
  for (let i = 0; i <= count; i++) {
    const s = Math.round(10 ** (i / schedule.perDecade));
    if (s <= maxSteps) steps.add(s);
  }
  const list = [...steps].sort((a, b) => a - b);
  return { length: list.length, at: (i) => list[i] };
}

/** The record steps as a list (for schedules known to be short: tests, previews). */
export function recordSteps(schedule: ProbeSchedule, maxSteps: number): number[] {
  const s = recordSchedule(schedule, maxSteps);
  return Array.from({ length: s.length }, (_, i) => s.at(i) as number);
}
