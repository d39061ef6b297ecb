// Worker entry: lets a native backend load here too (nothing loads until one is asked for).
import "./native-addon.js";
import { workerData } from "piscina";
import { adaptivePlan } from "../sweep/adaptive-plan.js";
import { planSweep, type SweepPlan } from "../sweep/expand.js";
import { type RunChunk, runChunk } from "../sweep/run-chunk.js";
import type { PointResult } from "../sweep/run-point.js";
import type { SweepSpec } from "../sweep/spec.js";

/**
 * The sweep's plan, made once per worker from the spec the pool was started with (workerData.spec): an
 * adaptive spec's points are its finest lattice (adaptive-plan.ts).
 */
let plan: SweepPlan | null = null;

/**
 * Worker-thread entry (piscina): runs one chunk of the sweep's runs (each alone, or batched where they
 * share a batch signature) and returns their plain-data results.
 */
export default function runSweepChunk(chunk: RunChunk): PointResult[] {
  const { spec } = workerData as { spec: SweepSpec };
  plan ??= spec.adaptive ? adaptivePlan(spec) : planSweep(spec);
  return runChunk(plan, chunk);
}
