/** The GAN bench's words: the literature's numbers beside ours, diverged runs, and the summary. */
import { formatNumber as fmt } from "../../figures/figure.js";
import { meanOfFinite } from "../../math/stats.js";
import type { Limit, Scale } from "../experiment.js";
import { ganChecks } from "./checks.js";
import { cellReaders } from "./measure.js";
import type { GanBenchSettings, GanCellResult } from "./runs.js";

/** The literature's levels and the diverged runs. */
export function ganLimits(cells: readonly GanCellResult[], s: GanBenchSettings, scale: Scale): Limit[] {
  const { finals, modes } = cellReaders(cells);
  const diverged = cells.flatMap((c) => c.runs.filter((r) => r.status === "diverged").map(() => c.label));
  return [
    {
      setting: "literature (same data and metric protocol, different networks and far longer training)",
      deviation:
        "Quoted from the papers, not re-run here: VEEGAN (Srivastava et al. 2017) Table 1, 5 runs: ring, standard GAN 1.0 mode / 99.3 % high quality, Unrolled GAN 7.6 / 35.6 %, VEEGAN 8.0 / 52.9 %; grid, GAN 3.3 / 0.5 %, Unrolled GAN 23.6 / 16 %, VEEGAN 24.6 / 40 %. PacGAN (Lin et al. 2018), its 2D-ring and 2D-grid tables, 10 runs: ring (radius 1, σ 0.01) GAN 6.3 modes, 98.2 %, KL 0.45; grid GAN 17.3, 94.8 %, KL 0.70; PacGAN2 grid 23.8, 91.3 %, KL 0.13. " +
        `Here: ${cells
          .filter((c) => c.optimizer === "adam")
          .map(
            (c) =>
              `${c.data} ${c.label} ${fmt(meanOfFinite(modes(c)), 3)} modes / ${fmt(100 * meanOfFinite(finals(c, (r) => r.final.highQuality)), 3)} % / KL ${fmt(meanOfFinite(finals(c, (r) => r.final.kl)), 2)}`,
          )
          .join("; ")}. ` +
        (scale === "default"
          ? `The default scale trains ${s.iterations} updates of ${s.width}-wide nets; high-quality shares stay far below the papers' (samples have not contracted to σ), so compare trends, not levels; --full trains 128-wide nets for 25k updates.`
          : "Full scale: 128-wide two-layer nets, batch 256, 25k updates at lr 1e-4 (the papers used other architectures and up to 400 epochs)."),
    },
    {
      setting: "diverged runs",
      deviation: diverged.length === 0 ? "none" : `${diverged.length}: ${diverged.join(", ")}`,
    },
  ];
}

/** The setting, the metrics and the verdict per data set (from the checks). */
export function ganSummary(cells: readonly GanCellResult[], s: GanBenchSettings): string[] {
  const { verdictLines } = ganChecks(cells);
  return [
    `G1, tested: does the hinge loss with Adam capture more modes and train more stably than cross-entropy? Data: 8 Gaussians on a ring (radius 2, σ 0.02) and 25 on a grid ({−4, …, 4}², σ 0.05). Generator 2-D noise → ${s.width}-${s.width} ReLU → 2; discriminator 2 → ${s.width}-${s.width} ReLU → 1; batch ${s.batchSize}, ${s.iterations} generator updates, ${s.dSteps} D update per G update; Adam (lr ${s.adamLr}, β1 0.5, β2 0.999) or SGD (lr ${s.sgdLr}); ${s.seeds} seeds per cell, the same initial weights across losses and optimizers (paired comparisons).`,
    "Metrics (VEEGAN §5.1 / PacGAN §5 protocol): 2500 samples; high quality = within 3σ of the nearest mode; a mode is captured when at least one high-quality sample is nearest to it; KL = KL(high-quality mode histogram ‖ uniform), ln K when no sample is high quality. Stability: std over time of modes captured in the second half of training.",
    `Verdict: ${verdictLines.join("; ")}.`,
  ];
}
