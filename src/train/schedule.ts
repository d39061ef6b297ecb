/** When probes record during training. */
export type ProbeSchedule = { kind: "every"; every: number } | { kind: "log"; perDecade: number };

/**
 * The sorted steps (within 0..maxSteps) at which to record. Always includes 0 and maxSteps.
 * "log" places perDecade points per factor of 10 (rounded, deduplicated), since dynamics live on log time.
 */
export function recordSteps(schedule: ProbeSchedule, maxSteps: number): number[] {
  const steps = new Set<number>([0, maxSteps]);
  if (schedule.kind === "every") {
    for (let s = 0; s <= maxSteps; s += schedule.every) steps.add(s);
  } else {
    const decades = Math.log10(Math.max(1, maxSteps));
    const count = Math.ceil(decades * schedule.perDecade);
    for (let i = 0; i <= count; i++) {
      const s = Math.round(10 ** (i / schedule.perDecade));
      if (s <= maxSteps) steps.add(s);
    }
  }
  return [...steps].sort((a, b) => a - b);
}
