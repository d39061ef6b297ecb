/** The GAN bench's figures: per data set modes over time, samples, logits and active share; the table. */
import { namedMixture } from "../../data/gaussian-mixtures.js";
import type { ExperimentFigure } from "../experiment.js";
import { mechanismFigure, modesOverTimeFigure, snapshotsFigure, tableFigure } from "./figures.js";
import type { GanBenchSettings, GanCellResult } from "./runs.js";
import { DATA } from "./settings.js";

/** The figures of the bench. */
export function ganFigures(cells: GanCellResult[], s: GanBenchSettings): ExperimentFigure[] {
  const figures: ExperimentFigure[] = [];
  for (const data of DATA) {
    const mixture = namedMixture(data);
    const mine = cells.filter((c) => c.data === data);
    figures.push({
      name: `modes-over-time-${data}`,
      caption: `Modes captured (of ${mixture.modes}) during training on the ${data}, mean ± std over ${s.seeds} seeds, for each loss × optimizer. G1 predicts the hinge · Adam curve on top and steadiest.`,
      figure: modesOverTimeFigure(mine, mixture),
    });
    figures.push({
      name: `samples-${data}`,
      caption: `Generated samples (seed 0) at four moments of training, one row per loss × optimizer; red crosses are the true modes. Mode collapse shows as rows whose points gather on a few crosses; instability as rows that change their crosses from column to column.`,
      figure: snapshotsFigure(mine, mixture),
    });
    figures.push({
      name: `logits-${data}`,
      caption: `Mechanism (THEORY.md §6): mean |D(x)| over D's training batch. Under hinge the discriminator has no reason to push a sample beyond |D| = 1; under cross-entropy it always has.`,
      figure: mechanismFigure(mine, mixture, "absLogit"),
    });
    figures.push({
      name: `active-${data}`,
      caption: `Mechanism: share of D's batch with a non-zero loss gradient. Hinge gives exact zeros beyond the margin (a share below 1); cross-entropy's gradient σ(−m) is never zero (share 1).`,
      figure: mechanismFigure(mine, mixture, "dActive"),
    });
  }
  figures.push({
    name: "table",
    caption: "Final metrics per data × loss × optimizer, mean ± std over seeds (hinge · Adam in orange).",
    figure: tableFigure(cells),
  });
  return figures;
}
