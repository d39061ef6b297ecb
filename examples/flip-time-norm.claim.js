// A claim of your own: "doubling the input norm halves the flip time".
// Run it with: npx learndyn reproduce ./examples/flip-time-norm.claim.js
// In your own project write `from "learndyn"`; inside this repository the built package is ../dist/index.js.
import { defineClaim, lineChart, parseRunConfig, relativeCheck, runTraining, theory } from "../dist/index.js";

// One wrongly classified point per norm (label +1, a0 > 0 > b0): each point is its own unit (THEORY.md §2).
function flipRun({ norms, a0, ratio, lr }) {
  const b0 = -ratio * a0;
  const n = norms.length;
  const W = norms.map((_, k) => norms.map((_, j) => (j === k ? a0 : 0)));
  const config = parseRunConfig({
    data: { kind: "orthogonal", norms, labels: norms.map(() => 1) },
    model: { hidden: [n], activation: "relu", bias: false },
    init: { scheme: "explicit", weights: [{ W }, { W: [norms.map(() => b0)] }] },
    loss: { kind: "ce", reduction: "sum" },
    optimizer: { kind: "gd", lr },
    train: { steps: Math.ceil((2 * theory.flipTimeCE(a0, b0, Math.min(...norms))) / lr) },
    probes: { schedule: { kind: "every", every: 1 }, include: ["margins"] },
  });
  return runTraining(config).history;
}

// The first time point k's margin crosses 0, interpolated between steps.
function flipTime(history, k) {
  for (let i = 1; i < history.length; i++) {
    const [p, q] = [history[i - 1], history[i]];
    if (p.margin[k] < 0 && q.margin[k] >= 0)
      return p.t + (q.t - p.t) * (-p.margin[k] / (q.margin[k] - p.margin[k]));
  }
  return Number.POSITIVE_INFINITY;
}

export default defineClaim({
  id: "flip-time-norm",
  claim: "X1",
  title: "Doubling the input norm halves the flip time",
  predictions: ["X1"],
  // Small init: the flip time is ln((a0+|b0|)/(a0−|b0|))/r, so t*(r)/t*(2r) = 2. At a0 = 1 it is not.
  settings: {
    default: { norms: [0.5, 1, 2, 4], a0: 0.01, ratio: 0.5, lr: 0.005 },
    full: { norms: [0.25, 0.5, 1, 2, 4, 8], a0: 0.01, ratio: 0.5, lr: 0.001 },
  },
  measure: ({ settings }) => {
    const history = flipRun(settings);
    const times = settings.norms.map((_, k) => flipTime(history, k));
    return { history, times };
  },
  checks: ({ times }, { settings }) =>
    times
      .slice(1)
      .map((t, i) =>
        relativeCheck(
          "X1",
          `t*(‖x‖ = ${settings.norms[i]}) / t*(‖x‖ = ${settings.norms[i + 1]}) = 2`,
          2,
          times[i] / t,
          0.01,
          "small-init error r·a0·|b0|/2 and GD steps, well under 1%",
        ),
      ),
  summary: (_m, { settings }) => [
    `One wrongly classified point per norm ‖x‖ ∈ {${settings.norms.join(", ")}}, a0 = ${settings.a0}, b0 = −${settings.ratio}·a0, cross-entropy, full-batch GD.`,
  ],
  figures: ({ history }, { settings }) => [
    {
      name: "margins",
      caption:
        "Margin of each point over time; it crosses 0 at the flip time, half as late for twice the norm.",
      figure: lineChart({
        title: "Flip times against the input norm",
        xTitle: "time t = lr × steps",
        yTitle: "margin y·f(x)",
        series: settings.norms.map((r, k) => ({
          name: `‖x‖ = ${r}`,
          points: history.map((h) => ({ x: h.t, y: h.margin[k] })),
        })),
        rules: [{ axis: "y", value: 0 }],
      }),
    },
  ],
});
