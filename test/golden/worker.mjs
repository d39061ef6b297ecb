// Runs one golden fixture inside a worker thread, from the compiled library in dist/, and posts back
// the loss history and the final weights. Used by golden.test.ts to check that a run in a worker is
// bit-identical to the same run on the main thread.
import { parentPort, workerData } from "node:worker_threads";
import { parseRunConfig } from "../../dist/config/validate.js";
import { exportWeights } from "../../dist/engine/mlp.js";
import { createTrainer } from "../../dist/train/trainer.js";

const { config, data, backend } = workerData;
const trainer = createTrainer(parseRunConfig(config), data, { backend });
trainer.run();
parentPort.postMessage({
  status: trainer.status,
  loss: trainer.history.map((r) => r.loss),
  penalty: trainer.history.map((r) => r.penalty ?? null),
  final: exportWeights(trainer.mlp),
});
