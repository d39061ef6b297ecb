/**
 * The regime meter's checks that compare the run's end with its start in the theory's exact setting:
 * off-diagonal growth (P1) and each mode's fate (§4). Both need the final weights.
 */
import { atMost, type RegimeCheck, show, unmeasured } from "./check.js";
import type { InputGeometry } from "./geometry.js";
import type { RegimeRun } from "./meter.js";
import { firstLayer, modeFates, offDiagonalGrowth, offDiagonalShare } from "./modes.js";

/** P1: with ReLU, axis-aligned orthogonal inputs and a diagonal init, off-diagonal weights stay exactly 0. */
export function offDiagonalCheck(run: RegimeRun, g: InputGeometry): RegimeCheck {
  const { spec } = run;
  const assumption = "modes stay uncoupled: off-diagonal first-layer weights do not grow (P1)";
  const quantity = "max|ΔW₁ off-diagonal| / max|W₁ diagonal| at the end";
  if (spec.hidden.length === 0)
    return unmeasured("offDiagonal", assumption, quantity, "a linear model has no hidden layer");
  if ((spec.diagonalLayers ?? []).includes(0))
    return {
      id: "offDiagonal",
      assumption,
      quantity,
      value: 0,
      bound: 1e-12,
      holds: true,
      why: "the first layer is constrained diagonal",
    };
  if (!g.coordinate)
    return unmeasured(
      "offDiagonal",
      assumption,
      quantity,
      "the inputs are not axis-aligned points, so unit k ↔ coordinate k means nothing",
    );
  if (!run.finalParams)
    return unmeasured("offDiagonal", assumption, quantity, "measured at the end of the run");
  const growth = offDiagonalGrowth(spec, run.initialParams, run.finalParams);
  return atMost(
    "offDiagonal",
    assumption,
    quantity,
    growth,
    1e-12,
    `off-diagonal weights moved by ${show(growth)} of the diagonal: the modes stayed separate`,
    `off-diagonal weights grew to ${show(growth)} of the largest diagonal weight: units learned along other points' coordinates, the modes are coupled`,
  );
}

/** §4: gradient flow keeps or recovers a mode iff y·b > −a; GD must not change that fate. */
export function fatesCheck(run: RegimeRun, g: InputGeometry): RegimeCheck {
  const { spec, data } = run;
  const assumption = "each mode ends as the flow says (THEORY.md §4: recovers iff y·b > −a at init)";
  const quantity = "modes whose fate GD changed";
  const coordinate = g.coordinate;
  const unitPerPoint = coordinate?.every((c) => c < spec.hidden[0]) ?? false;
  const exact = spec.hidden.length === 1 && spec.activation === "relu" && !spec.bias && unitPerPoint;
  if (!exact || !coordinate)
    return unmeasured(
      "fates",
      assumption,
      quantity,
      "needs the exact setting: one hidden ReLU layer without biases, axis-aligned orthogonal points, a unit per point",
    );
  const W0 = firstLayer(spec, run.initialParams);
  if (offDiagonalShare(W0.W, W0.h, W0.d) > 0)
    return unmeasured(
      "fates",
      assumption,
      quantity,
      "the first layer is not diagonal at init, so a point has no single mode",
    );
  if (!run.finalParams) return unmeasured("fates", assumption, quantity, "measured at the end of the run");
  const f = modeFates(spec, run.initialParams, run.finalParams, data, coordinate);
  const changed = f.killed + f.rescued;
  return atMost(
    "fates",
    assumption,
    quantity,
    changed,
    0,
    `all ${f.alive} modes alive at init ended as gradient flow says (none the flow keeps was killed, none it loses was rescued)`,
    `GD changed the fate of ${changed} of ${f.alive} live modes: ${f.killed} that gradient flow keeps or recovers were killed (a ≤ 0), ${f.rescued} that it loses were rescued`,
  );
}
