// One fixed training run in a worker thread: the unit of work for the machine-ceiling measurement in
// bench/sweep.mjs (the same model and data as the sweep's runs, no pool, no store).
import { parentPort, workerData } from "node:worker_threads";
import { parseRunConfig } from "../dist/config/validate.js";
import { runTraining } from "../dist/train/run.js";

const started = performance.now();
for (let i = 0; i < workerData.runs; i++) runTraining(parseRunConfig(workerData.config));
parentPort.postMessage((performance.now() - started) / 1000);
