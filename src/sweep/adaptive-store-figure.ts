import type { StoredRun } from "../node/store/store.js";
import type { AdaptiveCell, AdaptiveGridResult } from "./adaptive.js";
import { adaptiveFigure, adaptiveResidualFigure } from "./adaptive-figure.js";
import { adaptivePlan } from "./adaptive-plan.js";
import { outcomeOf } from "./adaptive-spec.js";
import type { SweepFigure } from "./figures.js";
import { axisName, type SweepSpec } from "./spec.js";

/**
 * An adaptive sweep's result as its store holds it: the stored runs (outcome per seed, by the spec's rule)
 * and the recorded cells, on the spec's lattice.
 */
export function storedAdaptiveResult(
  spec: SweepSpec,
  runs: readonly StoredRun[],
  cells: readonly AdaptiveCell[],
): AdaptiveGridResult {
  const plan = adaptivePlan(spec);
  const rule = plan.spec.adaptive?.outcome;
  if (!rule) throw new Error(`sweep "${spec.name}" is not adaptive`);
  const byPoint = new Map<string, { coords: number[]; outcomes: string[] }>();
  for (const r of runs) {
    let p = byPoint.get(r.pointKey);
    if (!p) {
      p = { coords: r.values as number[], outcomes: [] };
      byPoint.set(r.pointKey, p);
    }
    p.outcomes[r.seedIndex] = outcomeOf(rule, r.status, r.scalars);
  }
  return {
    points: [...byPoint.values()].map((p) => ({ ...p, outcomes: p.outcomes.filter((o) => o !== undefined) })),
    cells: [...cells],
    runs: runs.length,
    fullGridRuns: plan.lattice.fine.reduce((a, n) => a * (n + 1), 1) * spec.seeds,
    fineCells: plan.lattice.fine,
    spacing: plan.lattice.spacing,
    origin: plan.options.bounds.map((b) => b[0]),
  };
}

/**
 * The report's figure of an adaptive sweep (its first two axes): points by outcome, the finest boundary
 * cells, the spec's theory lines dashed. None for a one-axis sweep.
 */
export function adaptiveStoreFigures(
  spec: SweepSpec,
  runs: readonly StoredRun[],
  cells: readonly AdaptiveCell[],
): SweepFigure[] {
  if (spec.axes.length < 2) return [];
  const [x, y] = spec.axes.map(axisName) as [string, string];
  const result = storedAdaptiveResult(spec, runs, cells);
  const options = {
    title: `Adaptive phase diagram of ${spec.name}`,
    axes: [x, y] as const,
    theory: spec.adaptive?.theory,
    name: "adaptive-phase",
  };
  const residual = adaptiveResidualFigure(result, options);
  return [adaptiveFigure(result, options), ...(residual ? [residual] : [])];
}
