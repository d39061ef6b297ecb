import { conservedProbe } from "./conserved.js";
import { deadUnitsProbe } from "./dead-units.js";
import { diagonalModesProbe } from "./diagonal-modes.js";
import { directionProbe } from "./direction.js";
import { featureResponsesProbe } from "./feature-responses.js";
import { hessianTraceProbe } from "./hessian-trace.js";
import { marginsProbe } from "./margins.js";
import { normalizedMarginProbe } from "./normalized-margin.js";
import { ntkProbe } from "./ntk-probe.js";
import type { Probe } from "./probe.js";
import { sharpnessProbe } from "./sharpness.js";
import { svdModesProbe } from "./svd-modes.js";
import { testAccuracyProbe } from "./test-accuracy.js";
import { weightNormsProbe } from "./weight-norms.js";

/** Every probe a config can name in `probes.include`. */
export const PROBES: readonly Probe[] = [
  marginsProbe,
  weightNormsProbe,
  testAccuracyProbe,
  featureResponsesProbe,
  diagonalModesProbe,
  conservedProbe,
  deadUnitsProbe,
  sharpnessProbe,
  hessianTraceProbe,
  ntkProbe,
  svdModesProbe,
  directionProbe,
  normalizedMarginProbe,
];

/** Looks probes up by name; throws naming the unknown one and listing the known ones. */
export function resolveProbes(names: readonly string[]): Probe[] {
  return names.map((name) => {
    const probe = PROBES.find((p) => p.name === name);
    if (!probe) {
      throw new Error(
        `probes.include: unknown probe "${name}"; known probes: ${PROBES.map((p) => p.name).join(", ")}`,
      );
    }
    return probe;
  });
}
