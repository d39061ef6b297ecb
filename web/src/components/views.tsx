/** The live views of a run: loss, error (with theory), modes/features, phase portrait, boundary, test, weights. */
import { useState } from "preact/hooks";
import { PALETTE } from "../../../src/index.js";
import { DecisionBoundary } from "../plot/decision-boundary.js";
import { type ChartSeries, Legend, LineChart } from "../plot/line-chart.js";
import { PhasePortrait } from "../plot/phase-portrait.js";
import { formatValue } from "../plot/scale.js";
import { Card, type ViewOptions } from "./card.js";
import { errorSeries } from "./error-series.js";
import { MatrixCard } from "./matrix-card.js";
import { NetworkCard } from "./network-card.js";
import { cardsFor, col, column, learnedTimes, modeSeries, type RunView } from "./run-view.js";
import { SharpnessCard } from "./sharpness-card.js";
import { TestCard } from "./test-card.js";

export type { RunView, ViewOptions };
export { cardsFor };

/** The decision function over the plane, with the test points on request (hollow, as in Playground). */
function BoundaryCard(props: { run: RunView; o: ViewOptions }) {
  const { run } = props;
  const [showTest, setShowTest] = useState(false);
  const test = run.info.test2d;
  return (
    <Card
      id="boundary"
      title="Decision boundary"
      subtitle={`P(y = +1) over the input plane; blue +1, orange −1${run.info.inputs ? `; the network sees ${run.info.inputs.join(", ")}` : ""}`}
      o={props.o}
    >
      {test && (
        <label class="toggle">
          <input
            type="checkbox"
            checked={showTest}
            onChange={() => setShowTest(!showTest)}
            data-testid="show-test"
          />{" "}
          show the {test.x.length} test points (hollow)
        </label>
      )}
      <DecisionBoundary
        grid={run.grid}
        points={run.info.points2d!}
        labels={run.info.labels}
        test={showTest ? test : null}
        label="decision function over the input plane"
      />
    </Card>
  );
}

/** When each feature reached r·f(u_j) = 1 in this run, beside the predicted times. */
function MeasuredTimes(props: { run: RunView }) {
  const times = learnedTimes(props.run);
  return (
    <span data-testid="feature-measured">
      {` Measured in this run: ${times.map((f) => `t_${f.name} = ${f.t === null ? "not yet" : formatValue(f.t, 3)}`).join(", ")}.`}
    </span>
  );
}

export function Views(props: { run: RunView; o: ViewOptions }) {
  const { run, o } = props;
  const { history, theory, info } = run;
  const cards = cardsFor(run);
  const diverged =
    run.status === "diverged" && history.length > 0
      ? { x: history[history.length - 1].t, label: "diverged" }
      : null;
  const loss = column(history, "loss");
  const pins = o.pins ?? [];
  const pinLegend = pins.map((p) => ({ name: p.label, color: p.color }));
  const pinSeries = (key: "loss" | "error") =>
    pins.map((p) => ({ name: p.label, color: p.color, x: p[key].t, y: p[key].y, width: 1.8 }));
  const errs = errorSeries(history, theory, info.n);
  const modes = cards.includes("modes") ? modeSeries(run) : null;
  const xLabel = "t = η · step";
  const logX = o.logX;
  const T = run.config.optimizer.lr * run.config.train.steps;
  const xDomain: [number, number] | undefined = T > 0 ? [logX ? run.config.optimizer.lr : 0, T] : undefined;
  const ex = run.extras;
  const et = ex.map((e) => e.t);
  const nLayers = ex[ex.length - 1]?.weightNorm?.length ?? 0;
  const weightSeries: ChartSeries[] = Array.from({ length: nLayers }, (_, l) => ({
    name: `‖W${l + 1}‖`,
    color: col(l),
    x: et,
    y: ex.map((e) => e.weightNorm?.[l] ?? Number.NaN),
  }));
  // The conserved-quantity probe measures nets with a hidden layer: its chart is there from the start.
  const drift = ex.length === 0 ? info.layers >= 2 : ex.some((e) => e.balanceDrift !== undefined);
  const traj = (() => {
    if (!cards.includes("phase")) return [];
    // Before the first record: each unit at its start, so the portrait's zoom is that of the run.
    if (ex.length === 0) return (info.units0?.a ?? []).map((a, u) => ({ a: [a], yb: [info.units0!.yb[u]] }));
    const k = ex[ex.length - 1].a!.length;
    return Array.from({ length: k }, (_, u) => ({
      a: ex.map((e) => e.a?.[u] ?? Number.NaN),
      yb: ex.map((e) => e.yb?.[u] ?? Number.NaN),
    }));
  })();
  return (
    <div class="views">
      <Card
        id="loss"
        title="Training loss"
        subtitle={`${run.config.loss.kind} loss, ${run.config.loss.reduction} over points`}
        o={o}
        logToggle
      >
        <Legend items={[{ name: "loss", color: PALETTE[0] }, ...pinLegend]} />
        <LineChart
          label="training loss over time"
          testId="chart-loss"
          series={[
            { name: "loss", color: PALETTE[0], x: loss.t, y: loss.y, width: 2.5 },
            ...pinSeries("loss"),
          ]}
          xLabel={xLabel}
          yLabel="loss"
          logX={logX}
          logY={o.logY.loss}
          xDomain={xDomain}
          diverged={diverged}
        />
      </Card>
      <Card
        id="error"
        title="Training error"
        subtitle="fraction of training points with margin y·f(x) ≤ 0"
        o={o}
        logToggle
      >
        <Legend items={[...errs.legend, ...pinLegend]} />
        <LineChart
          label="training error over time, with the theory's prediction"
          testId="chart-error"
          series={[...errs.series, ...pinSeries("error")]}
          xLabel={xLabel}
          yLabel="fraction misclassified"
          logX={logX}
          logY={o.logY.error}
          yDomain={
            o.logY.error
              ? undefined
              : [0, Math.max(0.6, ...(errs.series[0].y as number[]).filter(Number.isFinite)) > 0.6 ? 1 : 0.6]
          }
          xDomain={xDomain}
          diverged={diverged}
        />
        {errs.note && (
          <p class="note" data-testid="population-note">
            {errs.note}
          </p>
        )}
        {errs.accuracy && (
          <p class="note" data-testid="accuracy-note">
            {errs.accuracy}
          </p>
        )}
        {theory && theory.notes.length > 0 && !theory.featureTimes && (
          <p class="note" data-testid="theory-note">
            {theory.notes.join(" ")}
          </p>
        )}
      </Card>
      {modes && (
        <Card id="modes" title={modes.title} subtitle={modes.sub} o={o} logToggle>
          <Legend items={modes.legend} />
          <LineChart
            label={modes.title}
            testId="chart-modes"
            series={modes.series}
            xLabel={xLabel}
            yLabel={modes.yLabel}
            logX={logX}
            logY={o.logY.modes}
            xDomain={xDomain}
            diverged={diverged}
            rules={modes.rules}
          />
          {modes.note && (
            <p class="note" data-testid="modes-note">
              {modes.note}
            </p>
          )}
          {theory?.featureTimes && (
            <p class="note" data-testid="feature-note">
              {theory.notes.join(" ")}
              {theory.featureTimes.length > 0 &&
                ` Predicted: ${theory.featureTimes.map((f) => `t_${f.name} = ${formatValue(f.t, 3)}`).join(", ")} (leading order ln(1/(rε))/(pr): ${theory.featureTimes.map((f) => formatValue(f.approx, 3)).join(", ")}).`}
              {theory.featureTimes.length > 0 && <MeasuredTimes run={run} />}
            </p>
          )}
        </Card>
      )}
      {cards.includes("phase") && (
        <Card
          id="phase"
          title="Phase portrait of the units"
          subtitle="each unit k with its point x_k: a = w_k·x_k/‖x_k‖, b = output weight × label; flow lines a² − b² = const"
          o={o}
        >
          <Legend
            items={[
              { name: "learned", color: "#009E73" },
              { name: "recovers", color: "#0072B2" },
              { name: "fails (b < −a)", color: "#D55E00" },
              { name: "dead", color: "#7f7f7f" },
            ]}
          />
          <PhasePortrait
            trajectories={traj}
            theory={info.layers === 2}
            label="phase portrait of the units' (a, b) with the failure region"
          />
        </Card>
      )}
      {cards.includes("sharpness") && <SharpnessCard run={run} o={o} xDomain={xDomain} />}
      {cards.includes("matrix") && <MatrixCard run={run} o={o} xDomain={xDomain} />}
      {cards.includes("boundary") && info.points2d && <BoundaryCard run={run} o={o} />}
      {cards.includes("test") && <TestCard run={run} o={o} xDomain={xDomain} />}
      {cards.includes("network") && <NetworkCard run={run} o={o} />}
      <Card
        id="weights"
        title="Weight norms"
        subtitle={
          drift
            ? `conserved ‖w_in‖² − ‖w_out‖² per unit: largest drift so far ${ex[ex.length - 1]?.balanceDrift?.toExponential(2) ?? "–"} (0 under gradient flow)`
            : "Frobenius norm of each layer (cross-entropy keeps growing it like ln t)"
        }
        o={o}
        logToggle
      >
        <Legend items={weightSeries.map((s) => ({ name: s.name, color: s.color }))} />
        <LineChart
          label="weight norms over time"
          testId="chart-weights"
          series={weightSeries}
          xLabel={xLabel}
          yLabel="norm"
          logX={logX}
          logY={o.logY.weights}
          xDomain={xDomain}
          height={200}
          diverged={diverged}
        />
        {drift && (
          <LineChart
            label="drift of the conserved quantities"
            testId="chart-drift"
            series={[
              { name: "max drift", color: PALETTE[3], x: et, y: ex.map((e) => e.balanceDrift ?? Number.NaN) },
            ]}
            xLabel={xLabel}
            yLabel="max drift"
            logX={logX}
            xDomain={xDomain}
            height={160}
          />
        )}
      </Card>
    </div>
  );
}
