/** The GAN bench's runs: every data × optimizer × loss cell over the seeds, and the helpers that read them. */
import { formatNumber as fmt } from "../../figures/figure.js";
import { GAN_LOSSES } from "../../gan/losses.js";
import type { Difference } from "../../math/stats.js";
import type { ExperimentIo } from "../experiment-io.js";
import { type GanBenchSettings, type GanCellResult, runCell } from "./runs.js";
import { DATA, OPTIMIZERS } from "./settings.js";

/** Runs every cell of the bench with settings `s` from `seed`, reporting progress through `io`. */
export function measureGan(s: GanBenchSettings, seed: number, io: ExperimentIo): GanCellResult[] {
  const cells: GanCellResult[] = [];
  const total = DATA.length * GAN_LOSSES.length * OPTIMIZERS.length * s.seeds;
  let done = 0;
  for (const data of DATA) {
    for (const optimizer of OPTIMIZERS) {
      for (const loss of GAN_LOSSES) {
        cells.push(
          runCell(
            s,
            { data, loss, optimizer },
            {
              masterSeed: seed,
              onRun: () => {
                done++;
                io.progress?.(`gan: ${done}/${total} runs`);
              },
            },
          ),
        );
      }
    }
  }
  return cells;
}

/** Readers of the cells: one cell, a final metric per run, modes captured, a CI in words. */
export function cellReaders(cells: readonly GanCellResult[]) {
  const find = (data: string, loss: string, optimizer: string) =>
    cells.find((c) => c.data === data && c.loss === loss && c.optimizer === optimizer) as GanCellResult;
  const finals = (c: GanCellResult, pick: (r: GanCellResult["runs"][number]) => number) => c.runs.map(pick);
  const modes = (c: GanCellResult) => finals(c, (r) => r.final.modesCaptured);
  const ci = (d: Difference, digits = 3) =>
    `${fmt(d.diff, digits)} [${fmt(d.lo, digits)}, ${fmt(d.hi, digits)}]`;
  return { find, finals, modes, ci };
}
