// Worker entry: lets a native backend load here too (nothing loads until one is asked for).
import "../engine/native/register.js";
import { type PointResult, type PointTask, runPoint } from "../sweep/run-point.js";

/** Worker-thread entry (piscina): runs one sweep point and returns its plain-data result. */
export default function runSweepPoint(task: PointTask): PointResult {
  return runPoint(task);
}
