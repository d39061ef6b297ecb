/**
 * The first layer's weight matrix W₁ (units × inputs) and its largest off-diagonal entry over time. For
 * orthogonal data, input coordinate k is point k's direction: a diagonal W₁ means every unit listens to
 * its own point only (C2's independent modes); off-diagonal growth is the modes talking to each other.
 */
import { PALETTE } from "../../../src/index.js";
import { Legend, LineChart } from "../plot/line-chart.js";
import { MatrixChart } from "../plot/matrix-chart.js";
import { formatValue } from "../plot/scale.js";
import { Card, type ViewOptions } from "./card.js";
import type { RunView } from "./run-view.js";

/** Largest first layer drawn cell by cell. */
export const MAX_MATRIX_SIDE = 128;

export function MatrixCard(props: { run: RunView; o: ViewOptions; xDomain?: [number, number] }) {
  const { run, o } = props;
  const L = run.weights?.layers[0];
  const ex = run.extras;
  const off = ex.map((e) => e.offDiagonal ?? Number.NaN);
  const worst = off.reduce((m, v) => (Number.isFinite(v) ? Math.max(m, v) : m), 0);
  return (
    <Card
      id="matrix"
      title="First-layer weights W₁ (off-diagonal)"
      subtitle="row k = unit k, column i = input coordinate i (point i's direction); blue +, orange −, diagonal outlined"
      o={o}
    >
      {L && L.outputs <= MAX_MATRIX_SIDE && L.inputs <= MAX_MATRIX_SIDE ? (
        <div class="matrix-wrap">
          <MatrixChart
            values={L.W}
            rows={L.outputs}
            cols={L.inputs}
            label="first-layer weight matrix"
            testId="matrix-canvas"
            size={200}
          />
          <p class="note" data-testid="offdiag-value">
            step {run.weights?.step}: largest |off-diagonal W₁| so far <b>{formatValue(worst, 3)}</b>
            {worst === 0 ? " — exactly zero: no unit has learned another point's coordinate." : "."}
          </p>
        </div>
      ) : (
        <p class="muted">the weight matrix is drawn for first layers up to {MAX_MATRIX_SIDE} inputs</p>
      )}
      <Legend items={[{ name: "max |W₁[k][i]|, k ≠ i", color: PALETTE[3] }]} />
      <LineChart
        label="largest off-diagonal first-layer weight over time"
        testId="chart-offdiag"
        series={[{ name: "max off-diagonal", color: PALETTE[3], x: ex.map((e) => e.t), y: off }]}
        xLabel="t = η · step"
        yLabel="max |off-diagonal|"
        logX={o.logX}
        xDomain={props.xDomain}
        height={160}
      />
    </Card>
  );
}
