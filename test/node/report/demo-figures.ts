/**
 * Renders one example of each figure type to PNG/SVG/JSON/CSV, to look at them.
 * Not a test (vitest only runs *.test.ts); `demoFigures()` is also used by render.test.ts.
 *
 *   npx tsc -p tsconfig.check.json --noEmit false --outDir tmp/figbuild && node tmp/figbuild/test/report/demo-figures.js /tmp/figdemo
 */
import type { Figure, XY } from "../../../src/figures/figure.js";
import { heatmap } from "../../../src/figures/heatmap.js";
import { lineChart } from "../../../src/figures/lineChart.js";
import { phasePortrait } from "../../../src/figures/phasePortrait.js";
import { scatterChart } from "../../../src/figures/scatterChart.js";

/** Tiny deterministic generator for demo data (Rng lives in the engine; the demo does not need it). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s + 0.5) / 4294967296;
  };
}

function gaussian(u: () => number): number {
  return Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
}

const gd = (s: number) => Math.atan(Math.sinh(s));

function errorCurves(): Figure {
  const u = lcg(1);
  const norms = [0.5, 1, 2];
  const series = [];
  for (const r of norms) {
    const n = 400;
    const flips: number[] = [];
    for (let i = 0; i < n; i++) {
      const a = Math.abs(gaussian(u));
      const b = gaussian(u);
      if (b >= 0) continue;
      flips.push(a > -b ? Math.log((a - b) / (a + b)) / r : Number.POSITIVE_INFINITY);
    }
    const steps = 100_000;
    const t = new Float64Array(steps);
    const e = new Float64Array(steps);
    const sorted = flips.sort((p, q) => p - q);
    let k = 0;
    for (let s = 0; s < steps; s++) {
      t[s] = 1e-2 * 10 ** ((4 * s) / (steps - 1));
      while (k < sorted.length && sorted[k] <= t[s]) k++;
      e[s] = (sorted.length - k) / n;
    }
    const group = `‖x‖ = ${r}`;
    series.push({ name: `sim r=${r}`, group, kind: "simulation" as const, x: t, y: e });
    const tt = Array.from({ length: 200 }, (_, i) => 1e-2 * 10 ** ((4 * i) / 199));
    series.push({
      name: `theory r=${r}`,
      group,
      kind: "theory" as const,
      x: tt,
      y: tt.map((v) => 0.5 * (1 - gd(r * v) / Math.PI)),
    });
  }
  return lineChart({
    title: "Classification error follows a sigmoid in log time (C1, P8)",
    subtitle: "400 points per norm, half-normal a, Gaussian b; theory E(t) = ½[1 − gd(rt)/π]",
    xTitle: "time t = η × steps",
    yTitle: "training error",
    xScale: "log",
    series,
    yDomain: [0, 0.5],
    rules: [{ axis: "y", value: 0.25, label: "E(∞) = 1/4" }],
    legendTitle: "input norm",
  });
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

function marginGrowth(): Figure {
  const u = lcg(2);
  const series = [];
  for (const loss of ["cross-entropy", "hinge"] as const) {
    const runs: Float64Array[] = [];
    const steps = 20_000;
    const eta = 0.01;
    for (let seed = 0; seed < 5; seed++) {
      let a = 0.1 * (1 + 0.2 * gaussian(u));
      let b = a;
      const m = new Float64Array(steps);
      for (let s = 0; s < steps; s++) {
        const g = loss === "hinge" ? (a * b < 1 ? 1 : 0) : sigmoid(-a * b);
        const da = b * g;
        const db = a * g;
        a += eta * da;
        b += eta * db;
        m[s] = a * b;
      }
      runs.push(m);
    }
    const t = Array.from({ length: steps }, (_, s) => eta * (s + 1));
    const mean = t.map((_, s) => runs.reduce((acc, r) => acc + r[s], 0) / runs.length);
    const std = t.map((_, s) =>
      Math.sqrt(runs.reduce((acc, r) => acc + (r[s] - mean[s]) ** 2, 0) / runs.length),
    );
    series.push({
      name: `${loss} (mean of 5 seeds)`,
      group: loss,
      x: t,
      y: mean,
      band: { lower: mean.map((v, s) => v - std[s]), upper: mean.map((v, s) => v + std[s]) },
    });
  }
  const tt = Array.from({ length: 100 }, (_, i) => 10 ** (0.5 + (2.3 * i) / 99));
  series.push({
    name: "late-phase CE",
    group: "cross-entropy",
    kind: "theory" as const,
    x: tt,
    y: tt.map((v) => Math.log(2 * v) + Math.log(Math.log(2 * v))),
  });
  series.push({ name: "hinge margin", group: "hinge", kind: "theory" as const, x: [0.01, 200], y: [1, 1] });
  return lineChart({
    title: "Margin growth: hinge stops at 1, cross-entropy grows like ln t (P5, P6)",
    subtitle: "balanced start a₀ = b₀ ≈ 0.1, ‖x‖ = 1, GD with η = 0.01; band: ± 1 std over 5 seeds",
    xTitle: "time t = η × steps",
    yTitle: "margin m = y f(x)",
    xScale: "log",
    yScale: "log",
    series,
    legend: "top-left",
  });
}

function flipTimes(): Figure {
  const u = lcg(3);
  const points = [];
  for (const loss of ["cross-entropy", "hinge"]) {
    for (let k = 0; k < 30; k++) {
      const r = 10 ** (-1 + 2 * u());
      const ratio = 0.5;
      const t =
        (Math.log((1 + ratio) / (1 - ratio)) / r) * (loss === "hinge" ? 0.5 : 1) * (1 + 0.05 * gaussian(u));
      points.push({ x: r, y: t, category: loss });
    }
  }
  points.push({ x: 1, y: 0, category: "hinge" });
  return scatterChart({
    title: "Flip time of a wrong-sign point scales as 1/‖x‖ (C4, P3, P4)",
    xTitle: "input norm ‖x‖",
    yTitle: "flip time t*",
    xScale: "log",
    yScale: "log",
    points,
    fit: true,
    references: [{ slope: -1, label: "theory: slope −1" }],
    categoryTitle: "loss",
  });
}

function flowField(): Figure {
  const flowLines: XY[][] = [];
  for (const c of [-2, -1.2, -0.6, -0.25, 0.25, 0.6, 1.2, 2]) {
    // a² − b² = c: branches as parametrised hyperbolas.
    const line: XY[] = [];
    for (let s = -2.5; s <= 2.5; s += 0.02) {
      if (c > 0) line.push({ x: Math.sqrt(c) * Math.cosh(s), y: Math.sqrt(c) * Math.sinh(s) });
      else line.push({ x: Math.sqrt(-c) * Math.sinh(s), y: Math.sqrt(-c) * Math.cosh(s) });
    }
    flowLines.push(line);
    if (c < 0) flowLines.push(line.map((p) => ({ x: p.x, y: -p.y })));
  }
  const u = lcg(4);
  const trajectories = [];
  for (let k = 0; k < 14; k++) {
    let a = 0.1 + 1.1 * u();
    let b = -1.4 + 2.8 * u();
    const pts: XY[] = [{ x: a, y: b }];
    for (let s = 0; s < 4000 && a > 0; s++) {
      const g = sigmoid(-a * b);
      const da = b * g;
      const db = a * g;
      a += 0.005 * da;
      b += 0.005 * db;
      pts.push({ x: Math.max(a, 0), y: b });
    }
    trajectories.push({ points: pts, outcome: a <= 0 ? "failed" : a * b > 0 ? "learned" : "recovering" });
  }
  const big = 10;
  return phasePortrait({
    title: "Where training fails: the phase plane of one ReLU unit (C3, P7)",
    subtitle: "y = +1; flow lines a² − b² = const; circles: start, dots: end",
    xDomain: [-1.5, 1.5],
    yDomain: [-1.5, 1.5],
    regions: [
      {
        name: "dead",
        polygon: [
          { x: -big, y: -big },
          { x: 0, y: -big },
          { x: 0, y: big },
          { x: -big, y: big },
        ],
        label: "dead (a ≤ 0)",
        labelAt: { x: -0.75, y: 1.2 },
      },
      {
        name: "failed",
        polygon: [
          { x: 0, y: 0 },
          { x: big, y: -big },
          { x: 0, y: -big },
        ],
        label: "fails (b < −a)",
        labelAt: { x: 1.0, y: -1.32 },
      },
    ],
    flowLines,
    curves: [
      {
        label: "separatrix b = −a",
        points: [
          { x: 0, y: 0 },
          { x: 2, y: -2 },
        ],
      },
    ],
    trajectories,
  });
}

function decisionFunction(): Figure {
  const n = 60;
  const x = Array.from({ length: n }, (_, i) => -2 + (4 * i) / (n - 1));
  const y = Array.from({ length: n }, (_, j) => -1.5 + (3 * j) / (n - 1));
  const values: number[] = [];
  for (const yj of y) for (const xi of x) values.push(2 * (yj - 0.6 * Math.sin(1.8 * xi)));
  const u = lcg(5);
  const points = [];
  for (let k = 0; k < 120; k++) {
    const px = -2 + 4 * u();
    const side = u() < 0.5 ? -1 : 1;
    points.push({
      x: px,
      y: 0.6 * Math.sin(1.8 * px) + side * (0.15 + 0.6 * u()),
      category: side > 0 ? "y = +1" : "y = −1",
    });
  }
  return heatmap({
    title: "Decision function after training (C7, spectral decoupling)",
    subtitle: "2-layer ReLU net, 500 units; black line: decision boundary f(x) = 0",
    xTitle: "x₁",
    yTitle: "x₂",
    colorTitle: "logit f(x)",
    grid: { x, y, values },
    contour: { level: 0, label: "f(x) = 0" },
    points,
    pointColors: { "y = +1": "#E69F00", "y = −1": "#0072B2" },
    equalAspect: true,
    height: 330,
  });
}

function phaseDiagram(): Figure {
  const lr = Array.from({ length: 25 }, (_, i) => 10 ** (-3 + (3 * i) / 24));
  const eps = Array.from({ length: 20 }, (_, j) => 10 ** (-4 + (4 * j) / 19));
  const values: number[] = [];
  for (const e of eps)
    for (const l of lr)
      values.push(Math.min(1, 0.25 + 0.75 * sigmoid(6 * (Math.log10(l) + 0.6 * Math.log10(e) + 0.4))));
  return heatmap({
    title: "Final error over learning rate and init scale",
    xTitle: "learning rate η",
    yTitle: "init scale ε",
    colorTitle: "final error",
    xScale: "log",
    yScale: "log",
    colorScheme: "sequential",
    domain: [0, 1],
    grid: { x: lr, y: eps, values },
    contour: { level: 0.5, label: "error = 0.5" },
  });
}

/** One example of each figure type, by file name. */
export function demoFigures(): Record<string, Figure> {
  return {
    "line-error": errorCurves(),
    "line-margin": marginGrowth(),
    "scatter-flip": flipTimes(),
    "phase-plane": flowField(),
    "heatmap-decision": decisionFunction(),
    "heatmap-phase": phaseDiagram(),
  };
}

async function main(dir: string): Promise<void> {
  const { writeFigure } = await import("../../../src/node/report/writeFigure.js");
  const { compileSpec } = await import("../../../src/node/report/render.js");
  const { buildHtml } = await import("../../../src/node/report/html.js");
  const { writeFile } = await import("node:fs/promises");
  const figures: import("../../../src/node/report/html.js").ReportFigure[] = [];
  for (const [name, fig] of Object.entries(demoFigures())) {
    const out = await writeFigure(dir, name, fig);
    const { warnings } = compileSpec(fig.spec);
    console.log(out.files.png, warnings.length ? warnings : "");
    figures.push({
      svg: out.svg,
      caption: name,
      data: { json: `${name}.json`, csv: `${name}.csv` },
      png: `${name}.png`,
    });
  }
  const html = buildHtml({
    title: "learndyn figure demo",
    subtitle: "one example of each figure type",
    sections: [{ heading: "All figures", paragraphs: ["Each figure links to the data behind it."], figures }],
  });
  await writeFile(`${dir}/index.html`, html);
}

if (process.argv[1]?.endsWith("demo-figures.js")) {
  main(process.argv[2] ?? "/tmp/figdemo").catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
