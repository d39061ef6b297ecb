/**
 * implicit-bias: on separable data GD on logistic loss turns a linear model to the hard-margin SVM
 * (Soudry et al. 2018) while hinge stops at a feasible, non-max-margin w; the paper's 2-layer ReLU nets
 * grow their normalized margin late (Lyu & Li 2020). Run by `learndyn reproduce implicit-bias` (and `--all`).
 */
import { defineClaim } from "../../kit/claim.js";
import { implicitBiasChecks } from "./checks.js";
import { implicitBiasFigures } from "./figures.js";
import { measureImplicitBias } from "./measure.js";
import { implicitBiasSummary } from "./report.js";
import { IMPLICIT_BIAS_SETTINGS } from "./settings.js";

export const implicitBiasExperiment = defineClaim({
  id: "implicit-bias",
  claim: "IB",
  title: "Implicit bias of cross-entropy: the max-margin direction, and hinge's early stop",
  predictions: ["IB1", "IB2", "IB3", "IB4"],
  settings: IMPLICIT_BIAS_SETTINGS,
  measure: ({ settings, seed }) => measureImplicitBias(settings, seed),
  checks: (m, { settings }) => implicitBiasChecks(m, settings),
  summary: (m, { settings }) => implicitBiasSummary(m, settings),
  limits: (m) => {
    const L = m.logistic;
    const e = L.t.length - 1;
    return [
      {
        setting: `logistic normalized margin at t = ${L.t[e].toPrecision(3)}`,
        deviation: `${L.margin[e].toPrecision(5)} vs the SVM's ${m.svm.margin.toPrecision(5)} (${((1 - L.margin[e] / m.svm.margin) * 100).toFixed(2)} % short: the 1/ln t approach)`,
      },
    ];
  },
  figures: (m) => implicitBiasFigures(m),
});
