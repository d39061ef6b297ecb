/** The live views of a run: loss, error (with theory), modes/features, phase portrait, boundary, weights. */
import type { RunConfig } from "../../../src/config/run-config.js";
import { PALETTE } from "../../../src/figures/theme.js";
import type { HistoryRecord } from "../../../src/train/history.js";
import { type ChartSeries, Legend, LineChart } from "../plot/line-chart.js";
import { DecisionBoundary, PhasePortrait } from "../plot/plane-charts.js";
import type { DataInfo, DecisionGrid, LabExtra } from "../worker/session.js";
import type { TheoryOverlay } from "../worker/theory-overlay.js";

/** Everything the views draw. */
export interface RunView {
  config: RunConfig;
  info: DataInfo;
  history: readonly HistoryRecord[];
  extras: readonly LabExtra[];
  grid: DecisionGrid | null;
  theory: TheoryOverlay | null;
  status: string;
  stopReason: string;
}

export interface ViewOptions {
  logX: boolean;
  logY: Record<string, boolean>;
  toggleLogY: (card: string) => void;
  exportFigure: (card: string, format: "svg" | "png") => void;
}

const col = (i: number) => PALETTE[i % (PALETTE.length - 1)];

function Card(props: {
  id: string;
  title: string;
  subtitle?: string;
  children: preact.ComponentChildren;
  o: ViewOptions;
  logToggle?: boolean;
  wide?: boolean;
}) {
  return (
    <section
      class={props.wide ? "card wide" : "card"}
      data-testid={`card-${props.id}`}
      aria-label={props.title}
    >
      <header>
        <div>
          <h3>{props.title}</h3>
          {props.subtitle && <p class="sub">{props.subtitle}</p>}
        </div>
        <div class="card-tools">
          {props.logToggle && (
            <button
              type="button"
              class={props.o.logY[props.id] ? "tiny on" : "tiny"}
              aria-pressed={props.o.logY[props.id] ?? false}
              onClick={() => props.o.toggleLogY(props.id)}
              title="logarithmic y axis"
            >
              log y
            </button>
          )}
          <button
            type="button"
            class="tiny"
            onClick={() => props.o.exportFigure(props.id, "svg")}
            title="download as SVG"
          >
            SVG
          </button>
          <button
            type="button"
            class="tiny"
            onClick={() => props.o.exportFigure(props.id, "png")}
            title="download as PNG"
          >
            PNG
          </button>
        </div>
      </header>
      {props.children}
    </section>
  );
}

/** Times and a field of the history as arrays. */
export function column(history: readonly HistoryRecord[], key: string): { t: number[]; y: number[] } {
  const t: number[] = [];
  const y: number[] = [];
  for (const r of history) {
    const v = r[key];
    if (typeof v === "number") {
      t.push(r.t);
      y.push(v);
    }
  }
  return { t, y };
}

/** The views that apply to this run, by id (also used by the figure export). */
export function cardsFor(run: RunView): string[] {
  const ids = ["loss", "error"];
  const last = run.extras[run.extras.length - 1];
  // Before the first record, the cards the run will have (from the data and model), so every chart is
  // mounted and sized while the page is idle, not in the first frames of training. Margins are measured
  // when every point has a norm listed (n ≤ MAX_POINT_SERIES), feature responses when features are known.
  if (
    last
      ? last.response || last.margin
      : run.info.norms.length === run.info.n || run.info.featureNames.length > 0
  )
    ids.push("modes");
  if (last ? last.a : run.info.units0) ids.push("phase");
  if (run.info.points2d) ids.push("boundary");
  ids.push("weights");
  return ids;
}

/** Per-mode or per-feature series, with theory where there is some. */
export function modeSeries(run: RunView): {
  series: ChartSeries[];
  legend: { name: string; color: string; theory?: boolean }[];
  title: string;
  sub: string;
} {
  const { extras, info, theory } = run;
  const series: ChartSeries[] = [];
  const legend: { name: string; color: string; theory?: boolean }[] = [];
  const t = extras.map((e) => e.t);
  const features = extras.length > 0 ? !!extras[0].response : info.featureNames.length > 0;
  if (features && info.featureNames.length > 0 && run.config.data.kind !== "orthogonal") {
    info.featureNames.forEach((name, j) => {
      const color = col(j);
      series.push({ name: `f(u_${name})`, color, x: t, y: extras.map((e) => e.response?.[j] ?? Number.NaN) });
      legend.push({ name: `feature ${name}`, color });
    });
    return {
      series,
      legend,
      title: "Feature strengths",
      sub: "response f(u_j) of the network along each feature direction",
    };
  }
  const norms = [...new Set(info.norms)].sort((a, b) => a - b);
  const many = info.n > 12;
  const colorOf = (k: number) => (norms.length > 1 ? col(norms.indexOf(info.norms[k])) : col(k % 7));
  const n = Math.min(info.n, extras[0]?.margin?.length ?? 0);
  for (let k = 0; k < n; k++) {
    series.push({
      name: `point ${k + 1} (‖x‖=${info.norms[k]})`,
      color: colorOf(k),
      x: t,
      y: extras.map((e) => e.margin?.[k] ?? Number.NaN),
      width: many ? 1.2 : 2,
      quiet: many,
    });
  }
  if (theory) {
    for (const m of theory.modes) {
      series.push({
        name: `theory ${m.k + 1}`,
        color: colorOf(m.k),
        x: theory.t,
        y: m.m,
        theory: true,
        width: many ? 1 : 1.6,
        quiet: true,
      });
    }
  }
  if (norms.length > 1)
    for (const [i, r] of norms.entries()) legend.push({ name: `‖x‖ = ${r}`, color: col(i) });
  else legend.push({ name: "one curve per point", color: col(0) });
  if (theory?.modes.length) legend.push({ name: "theory (per mode)", color: "#444", theory: true });
  return {
    series,
    legend,
    title: "Modes: margin of each point",
    sub: "y·f(x) per training point; a point is learned once its margin is > 0",
  };
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
  const err = column(history, "error");
  const errSeries: ChartSeries[] = [
    { name: "training error", color: PALETTE[0], x: err.t, y: err.y, width: 2.5 },
  ];
  const errLegend: { name: string; color: string; theory?: boolean }[] = [
    { name: "training error", color: PALETTE[0] },
  ];
  if (theory?.error) {
    errSeries.push({
      name: "theory (this init)",
      color: PALETTE[1],
      x: theory.t,
      y: theory.error,
      theory: true,
    });
    errLegend.push({ name: "theory, this init", color: PALETTE[1], theory: true });
  }
  if (theory?.errorPopulation) {
    errSeries.push({
      name: "E(t) population",
      color: PALETTE[2],
      x: theory.t,
      y: theory.errorPopulation,
      theory: true,
    });
    errLegend.push({ name: "E(t) = ½[1 − gd(rt)/π]", color: PALETTE[2], theory: true });
  }
  const accKeys = history.length
    ? Object.keys(history[history.length - 1]).filter((k) => k.startsWith("accuracy:"))
    : [];
  accKeys.forEach((k, i) => {
    const c = column(history, k);
    const color = col(i + 3);
    errSeries.push({ name: `test error ${k.slice(9)}`, color, x: c.t, y: c.y.map((v) => 1 - v), width: 1.5 });
    errLegend.push({ name: `test error: ${k.slice(9)}`, color });
  });
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
        <Legend items={[{ name: "loss", color: PALETTE[0] }]} />
        <LineChart
          label="training loss over time"
          testId="chart-loss"
          series={[{ name: "loss", color: PALETTE[0], x: loss.t, y: loss.y, width: 2.5 }]}
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
        <Legend items={errLegend} />
        <LineChart
          label="training error over time, with the theory's prediction"
          testId="chart-error"
          series={errSeries}
          xLabel={xLabel}
          yLabel="fraction misclassified"
          logX={logX}
          logY={o.logY.error}
          yDomain={
            o.logY.error ? undefined : [0, Math.max(0.6, ...err.y.filter(Number.isFinite)) > 0.6 ? 1 : 0.6]
          }
          xDomain={xDomain}
          diverged={diverged}
        />
        {theory && theory.notes.length > 0 && (
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
            yLabel={modes.title.startsWith("Feature") ? "f(u_j)" : "margin y·f(x)"}
            logX={logX}
            logY={o.logY.modes}
            xDomain={xDomain}
            diverged={diverged}
          />
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
      {cards.includes("boundary") && info.points2d && (
        <Card
          id="boundary"
          title="Decision boundary"
          subtitle="P(y = +1) over the input plane; blue +1, orange −1"
          o={o}
        >
          <DecisionBoundary
            grid={run.grid}
            points={info.points2d}
            labels={info.labels}
            label="decision function over the input plane"
          />
        </Card>
      )}
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
