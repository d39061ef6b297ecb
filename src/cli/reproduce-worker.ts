import type { ExperimentOptions, ExperimentResult } from "../experiments/experiment.js";
import { selectExperiments } from "../experiments/registry.js";

/** Worker-thread entry (piscina): runs one experiment by id and returns its plain-data result. */
export default function runExperiment(task: { id: string; options: ExperimentOptions }): ExperimentResult {
  const [experiment] = selectExperiments([task.id]);
  return experiment.run(task.options);
}
