import { z } from "zod";

/**
 * Options of the second-order probes (`sharpness`, `hessian-trace`, `ntk` in probes.include), as
 * `probes.secondOrder` of a run config. Optional as a whole (configs without it parse as before); each
 * field has a default. Their cost is stated per probe (src/probes/sharpness.ts, hessian-trace.ts,
 * ntk-probe.ts) and measured in bench/second-order.bench.ts.
 */
export const secondOrderSchema = z
  .object({
    every: z
      .number()
      .int()
      .positive()
      .default(1)
      .describe(
        "measure at every k-th record of probes.schedule (1 = at every record; the first is always measured)",
      ),
    topK: z
      .number()
      .int()
      .positive()
      .max(64)
      .default(1)
      .describe(
        "sharpness: how many of the largest Hessian eigenvalues to record (hessianTop[0] = sharpness)",
      ),
    basis: z
      .number()
      .int()
      .min(2)
      .max(512)
      .default(20)
      .describe("sharpness: Lanczos basis per cycle (memory: basis × parameters float64 values)"),
    maxRestarts: z
      .number()
      .int()
      .nonnegative()
      .max(10_000)
      .default(50)
      .describe(
        "sharpness: Lanczos restarts before recording an unconverged estimate (sharpnessConverged 0)",
      ),
    tolerance: z
      .number()
      .positive()
      .max(1)
      .default(1e-8)
      .describe(
        "sharpness: relative Ritz residual ‖Hy − θy‖/|θ₁| to stop at (eigenvalue error ≈ its square)",
      ),
    traceSamples: z
      .number()
      .int()
      .positive()
      .max(100_000)
      .default(32)
      .describe("hessian-trace: Rademacher vectors per estimate (one Hessian-vector product each)"),
    ntkPoints: z
      .number()
      .int()
      .positive()
      .max(20_000)
      .default(256)
      .describe("ntk: the first this many training points span the Gram matrix (memory 8·n² bytes)"),
    ntkTopK: z
      .number()
      .int()
      .positive()
      .max(64)
      .default(4)
      .describe(
        "ntk: how many top NTK eigenvalues, and logit coordinates along their eigenvectors, to record",
      ),
    seed: z
      .number()
      .int()
      .nonnegative()
      .default(0)
      .describe("seed of the Lanczos start vector and the Hutchinson vectors"),
  })
  .strict();

/** Validated second-order probe options, defaults filled. */
export type SecondOrderOptions = z.output<typeof secondOrderSchema>;
