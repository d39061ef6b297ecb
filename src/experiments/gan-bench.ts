/**
 * G1 (issue 6): "the hinge loss with Adam captures more modes of multi-modal data and trains more stably"
 * than cross-entropy, tested on the standard toys of the mode-collapse literature (8 Gaussians on a ring,
 * 25 on a grid) over loss (minimax CE, non-saturating CE, hinge) × optimizer (Adam, SGD) × seeds, with the
 * mechanism of THEORY.md §6 measured on the discriminator: hinge stops pushing beyond the margin (exact
 * zero gradients, bounded logits), cross-entropy keeps pushing.
 */
import { namedMixture } from "../data/gaussian-mixtures.js";
import { formatNumber as fmt } from "../figures/figure.js";
import { GAN_LOSSES } from "../gan/losses.js";
import { type Difference, meanOfFinite, pairedDifference, stdOfFinite } from "../math/stats.js";
import type {
  Check,
  Experiment,
  ExperimentFigure,
  ExperimentOptions,
  ExperimentResult,
  Limit,
  Scale,
} from "./experiment.js";
import { mechanismFigure, modesOverTimeFigure, snapshotsFigure, tableFigure } from "./gan/figures.js";
import { type GanBenchSettings, type GanCellResult, type GanOptimizer, runCell } from "./gan/runs.js";

/** Bench sizes: the default runs in minutes on one core; "full" is the literature-sized setting. */
export const GAN_SCALES: Record<Scale, GanBenchSettings> = {
  default: {
    seeds: 10,
    width: 32,
    batchSize: 64,
    iterations: 4000,
    recordEvery: 200,
    adamLr: 1e-3,
    sgdLr: 0.05,
    dSteps: 1,
    snapshots: [0.05, 0.25, 0.5, 1],
    snapshotPoints: 500,
  },
  full: {
    seeds: 10,
    width: 128,
    batchSize: 256,
    iterations: 25000,
    recordEvery: 500,
    adamLr: 1e-4,
    sgdLr: 0.01,
    dSteps: 1,
    snapshots: [0.05, 0.25, 0.5, 1],
    snapshotPoints: 1000,
  },
};

const DATA = ["ring", "grid"] as const;
const OPTIMIZERS: GanOptimizer[] = ["adam", "sgd"];

/** Runs the bench; `overrides` shrink it (tests). */
export function runGanBench(
  options: ExperimentOptions,
  overrides: Partial<GanBenchSettings> = {},
): ExperimentResult {
  const started = performance.now();
  const s: GanBenchSettings = { ...GAN_SCALES[options.scale], ...overrides };
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
              masterSeed: options.seed,
              onRun: () => {
                done++;
                options.io?.progress?.(`gan: ${done}/${total} runs`);
              },
            },
          ),
        );
      }
    }
  }
  const find = (data: string, loss: string, optimizer: string) =>
    cells.find((c) => c.data === data && c.loss === loss && c.optimizer === optimizer) as GanCellResult;
  const finals = (c: GanCellResult, pick: (r: GanCellResult["runs"][number]) => number) => c.runs.map(pick);
  const modes = (c: GanCellResult) => finals(c, (r) => r.final.modesCaptured);
  const ci = (d: Difference, digits = 3) =>
    `${fmt(d.diff, digits)} [${fmt(d.lo, digits)}, ${fmt(d.hi, digits)}]`;

  const checks: Check[] = [];
  const verdictLines: string[] = [];
  for (const data of DATA) {
    const K = namedMixture(data).modes;
    const hingeAdam = find(data, "hinge", "adam");
    for (const ce of ["nonsaturating", "minimax"] as const) {
      const other = find(data, ce, "adam");
      const d = pairedDifference(modes(hingeAdam), modes(other));
      checks.push({
        prediction: "G1 modes",
        statement: `${data}: hinge · Adam captures more modes than ${other.label} (final modes of ${K}; paired over seeds, 95% CI of the difference)`,
        predicted: "difference > 0",
        measured: `${fmt(meanOfFinite(modes(hingeAdam)), 3)} vs ${fmt(meanOfFinite(modes(other)), 3)}: Δ = ${ci(d)}`,
        tolerance: "95% CI of the paired difference above 0",
        pass: d.lo > 0,
      });
    }
    const ns = find(data, "nonsaturating", "adam");
    const jitter = pairedDifference(
      finals(hingeAdam, (r) => r.modesJitter),
      finals(ns, (r) => r.modesJitter),
    );
    checks.push({
      prediction: "G1 stability",
      statement: `${data}: hinge · Adam trains more stably than non-saturating CE · Adam (std over time of modes captured, second half of training)`,
      predicted: "difference < 0",
      measured: `${fmt(meanOfFinite(finals(hingeAdam, (r) => r.modesJitter)), 3)} vs ${fmt(meanOfFinite(finals(ns, (r) => r.modesJitter)), 3)}: Δ = ${ci(jitter)}`,
      tolerance: "95% CI of the paired difference below 0",
      pass: jitter.hi < 0,
    });
    const hingeSgd = find(data, "hinge", "sgd");
    const opt = pairedDifference(modes(hingeAdam), modes(hingeSgd));
    checks.push({
      prediction: "G1 Adam",
      statement: `${data}: with the hinge loss, Adam captures more modes than SGD`,
      predicted: "difference > 0",
      measured: `${fmt(meanOfFinite(modes(hingeAdam)), 3)} vs ${fmt(meanOfFinite(modes(hingeSgd)), 3)}: Δ = ${ci(opt)}`,
      tolerance: "95% CI of the paired difference above 0",
      pass: opt.lo > 0,
    });
    // Mechanism (THEORY.md §6): hinge's exact zeros and bounded logits vs CE's endless push.
    const active = finals(hingeAdam, (r) => r.lateActive);
    const ceActive = [
      ...finals(ns, (r) => r.lateActive),
      ...finals(find(data, "minimax", "adam"), (r) => r.lateActive),
    ];
    checks.push({
      prediction: "§6 stop",
      statement: `${data}, Adam: under hinge part of D's batch gets exactly zero gradient (beyond the margin); under CE every sample keeps a gradient`,
      predicted: "hinge active share < 1, CE = 1",
      measured: `hinge ${fmt(meanOfFinite(active), 3)} ± ${fmt(stdOfFinite(active), 2)}; CE min ${fmt(Math.min(...ceActive), 4)}`,
      tolerance: "hinge mean < 0.99 and every CE run ≥ 0.999",
      pass: meanOfFinite(active) < 0.99 && Math.min(...ceActive) >= 0.999,
    });
    for (const optimizer of OPTIMIZERS) {
      const ceCell = find(data, "nonsaturating", optimizer);
      const hingeCell = find(data, "hinge", optimizer);
      const logit = pairedDifference(
        finals(ceCell, (r) => r.lateAbsLogit),
        finals(hingeCell, (r) => r.lateAbsLogit),
      );
      checks.push({
        prediction: "§6 push",
        statement: `${data}, ${optimizer === "adam" ? "Adam" : "SGD"}: CE keeps pushing D's logits where hinge stops at the margin: mean |D(x)| (last quarter) larger under non-saturating CE than under hinge`,
        predicted: "difference > 0",
        measured: `${fmt(meanOfFinite(finals(ceCell, (r) => r.lateAbsLogit)), 3)} vs ${fmt(meanOfFinite(finals(hingeCell, (r) => r.lateAbsLogit)), 3)}: Δ = ${ci(logit)}`,
        tolerance: "95% CI of the paired difference above 0",
        pass: logit.lo > 0,
      });
    }
    const mine = checks.filter((c) => c.statement.startsWith(`${data}:`));
    const core = mine.filter((c) => c.prediction === "G1 modes" || c.prediction === "G1 stability");
    const adam = mine.find((c) => c.prediction === "G1 Adam");
    const passed = core.filter((c) => c.pass).length;
    verdictLines.push(
      `${data}: hinge vs cross-entropy under Adam ${passed === core.length ? "SUPPORTS G1" : passed > 0 ? "partly supports G1" : "does NOT support G1"} (${passed}/${core.length} checks); with hinge, Adam vs SGD: ${adam?.pass ? "Adam captures more modes" : "no significant difference"}`,
    );
  }

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

  const diverged = cells.flatMap((c) => c.runs.filter((r) => r.status === "diverged").map(() => c.label));
  const limits: Limit[] = [
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
        (options.scale === "default"
          ? `The default scale trains ${s.iterations} updates of ${s.width}-wide nets; high-quality shares stay far below the papers' (samples have not contracted to σ), so compare trends, not levels; --full trains 128-wide nets for 25k updates.`
          : "Full scale: 128-wide two-layer nets, batch 256, 25k updates at lr 1e-4 (the papers used other architectures and up to 400 epochs)."),
    },
    {
      setting: "diverged runs",
      deviation: diverged.length === 0 ? "none" : `${diverged.length}: ${diverged.join(", ")}`,
    },
  ];

  const summary = [
    `G1, tested: does the hinge loss with Adam capture more modes and train more stably than cross-entropy? Data: 8 Gaussians on a ring (radius 2, σ 0.02) and 25 on a grid ({−4, …, 4}², σ 0.05). Generator 2-D noise → ${s.width}-${s.width} ReLU → 2; discriminator 2 → ${s.width}-${s.width} ReLU → 1; batch ${s.batchSize}, ${s.iterations} generator updates, ${s.dSteps} D update per G update; Adam (lr ${s.adamLr}, β1 0.5, β2 0.999) or SGD (lr ${s.sgdLr}); ${s.seeds} seeds per cell, the same initial weights across losses and optimizers (paired comparisons).`,
    "Metrics (VEEGAN §5.1 / PacGAN §5 protocol): 2500 samples; high quality = within 3σ of the nearest mode; a mode is captured when at least one high-quality sample is nearest to it; KL = KL(high-quality mode histogram ‖ uniform), ln K when no sample is high quality. Stability: std over time of modes captured in the second half of training.",
    `Verdict: ${verdictLines.join("; ")}.`,
  ];
  return {
    id: "gan",
    claim: "G1",
    title: "GAN mode collapse: hinge vs cross-entropy, Adam vs SGD",
    summary,
    checks,
    limits,
    figures,
    configs: Object.fromEntries(cells.map((c) => [`${c.data}-${c.loss}-${c.optimizer}`, c.config])),
    scale: options.scale,
    seed: options.seed,
    seconds: (performance.now() - started) / 1000,
  };
}

export const ganBenchExperiment: Experiment = {
  id: "gan",
  claim: "G1",
  title: "GAN mode collapse: hinge vs cross-entropy, Adam vs SGD",
  predictions: ["G1 modes", "G1 stability", "G1 Adam", "§6 stop", "§6 push"],
  run: (options) => runGanBench(options),
};
