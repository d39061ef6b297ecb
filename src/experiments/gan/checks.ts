/** The GAN bench's checks (G1 modes, stability, Adam; §6 stop and push) and the verdict per data set. */
import { namedMixture } from "../../data/gaussian-mixtures.js";
import { formatNumber as fmt } from "../../figures/figure.js";
import { meanOfFinite, pairedDifference, stdOfFinite } from "../../math/stats.js";
import type { Check } from "../experiment.js";
import { cellReaders } from "./measure.js";
import type { GanCellResult } from "./runs.js";
import { DATA, OPTIMIZERS } from "./settings.js";

/** Every paired comparison's basis: the interval is the sampling error, nothing is tuned. */
const CI_BASIS =
  "sampling: a paired t interval over the seeds (same initial weights in both arms), 95%: the difference is called only when the interval excludes 0; no tolerance is chosen";

/** The checks of the bench and one verdict line per data set. */
export function ganChecks(cells: readonly GanCellResult[]): { checks: Check[]; verdictLines: string[] } {
  const { find, finals, modes, ci } = cellReaders(cells);
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
        basis: CI_BASIS,
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
      basis: CI_BASIS,
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
      basis: CI_BASIS,
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
      basis:
        "exact in kind: a hinge sample past the margin has a gradient of exactly 0 and a CE sample never does; the share counts samples with a nonzero gradient, so CE's is 1 up to float underflow (0.999 allows it) and hinge's 0.99 asks for at least 1% of exact zeros (chosen)",
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
        basis: CI_BASIS,
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
  return { checks, verdictLines };
}
