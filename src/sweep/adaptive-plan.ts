import { type AdaptiveGridOptions, type AdaptiveLattice, adaptiveLattice } from "./adaptive.js";
import { adaptiveGridOptions } from "./adaptive-spec.js";
import { planSweep, type SweepPlan } from "./expand.js";
import { canonicalJson, contentHash } from "./hash.js";
import type { SweepSpec } from "./spec.js";

/** A sweep plan over an adaptive spec's finest lattice, with what the refinement needs. */
export interface AdaptivePlan extends SweepPlan {
  /** The refinement's options (bounds and coarse cells from the axes, the resolution, seeds as replicates). */
  options: AdaptiveGridOptions;
  /** The finest lattice. */
  lattice: AdaptiveLattice;
  /** The point index of lattice indices (one per axis). */
  indexOf(lattice: readonly number[]): number;
}

/**
 * The plan of an adaptive sweep: its points are the finest lattice's (point i = lattice indices with the
 * last axis fastest, as a cross grid; its values are the coordinates refineAdaptive computes), so the
 * store, the workers and the seeds work as for any sweep; a run's seed is derived from its coordinates
 * exactly as an ordinary sweep (and sweepEvaluator) derives it. The spec hash covers the adaptive block,
 * so a store holds one refinement.
 */
export function adaptivePlan(spec: SweepSpec): AdaptivePlan {
  const { adaptive } = spec;
  if (!adaptive)
    throw new Error(`sweep "${spec.name}" has no "adaptive" block; add one to refine it adaptively`);
  const coarse = planSweep(spec);
  const options = adaptiveGridOptions({ axes: spec.axes, seeds: spec.seeds, adaptive });
  const lattice = adaptiveLattice(options);
  const sizes = lattice.fine.map((n) => n + 1);
  const pointCount = sizes.reduce((a, n) => a * n, 1);
  if (!Number.isSafeInteger(pointCount * spec.seeds))
    throw new Error(
      `adaptive sweep "${spec.name}": its finest lattice has ${sizes.join(" × ")} points, more than a store can number; coarsen adaptive.resolution`,
    );
  const strides = sizes.map((_, i) => sizes.slice(i + 1).reduce((a, n) => a * n, 1));
  const pointAt = (index: number) => {
    if (!Number.isInteger(index) || index < 0 || index >= pointCount)
      throw new RangeError(`point index ${index} out of range 0..${pointCount - 1}`);
    const values = sizes.map((n, i) => {
      const k = Math.floor(index / (strides[i] as number)) % n;
      return (options.bounds[i] as readonly [number, number])[0] + k * (lattice.spacing[i] as number);
    });
    return { index, key: canonicalJson(values), values };
  };
  return {
    ...coarse,
    specHash: contentHash({
      base: spec.base,
      axes: spec.axes,
      combine: spec.combine,
      seeds: spec.seeds,
      keep: spec.keep,
      adaptive,
    }),
    pointCount,
    runCount: pointCount * spec.seeds,
    pointAt,
    options,
    lattice,
    indexOf: (k) => k.reduce((a, ki, i) => a + ki * (strides[i] as number), 0),
  };
}
