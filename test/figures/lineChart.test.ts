import { describe, expect, it } from "vitest";
import { lineChart } from "../../src/figures/lineChart.js";
import { THEORY_DASH } from "../../src/figures/theme.js";
import {
  type AnySpec,
  compileClean,
  drawnItems,
  layersOf,
  legendMarkProblems,
  scaleNamed,
} from "./helpers.js";

const t = Array.from({ length: 50 }, (_, i) => 10 ** (-2 + (4 * i) / 49));

function chart(extra: Partial<Parameters<typeof lineChart>[0]> = {}) {
  return lineChart({
    title: "Error",
    xTitle: "time t",
    yTitle: "error",
    series: [
      { name: "sim", group: "r = 1", x: t, y: t.map((s) => 0.5 / (1 + s)) },
      { name: "theory", group: "r = 1", kind: "theory", x: t, y: t.map((s) => 0.5 / (1 + s)) },
      { name: "sim 2", group: "r = 2", points: t.map((s) => ({ x: s, y: 0.5 / (1 + 2 * s) })) },
    ],
    ...extra,
  });
}

describe("lineChart", () => {
  it("compiles without warnings; theory is a dashed layer, simulation solid", () => {
    const fig = chart();
    const vg = compileClean(fig.spec);
    const layers = layersOf(fig.spec);
    const theory = layers.find((l: AnySpec) => l.encoding?.strokeDash?.datum === "theory");
    const sim = layers.find((l: AnySpec) => l.encoding?.strokeDash?.datum === "simulation");
    expect(theory.transform[0].filter).toContain("theory");
    expect(sim.transform[0].filter).toContain("simulation");
    const dash = scaleNamed(vg, "strokeDash");
    expect(dash.domain).toEqual(["simulation", "theory"]);
    expect(dash.range[1]).toEqual([...THEORY_DASH]);
  });

  it("gives a simulation and its theory the same colour through their group", () => {
    const fig = chart();
    const vg = compileClean(fig.spec);
    const color = scaleNamed(vg, "color");
    expect(color.domain).toEqual(["r = 1", "r = 2"]);
    expect(new Set(fig.data.filter((r) => r.group === "r = 1").map((r) => r.kind))).toEqual(
      new Set(["simulation", "theory"]),
    );
  });

  it("uses log scales when asked and drops non-positive values, saying so in the subtitle", () => {
    const fig = lineChart({
      title: "Log",
      xTitle: "t",
      yTitle: "m",
      xScale: "log",
      yScale: "log",
      series: [{ name: "a", x: [0, 1, 10, 100], y: [1, 0, 2, 3] }],
    });
    const vg = compileClean(fig.spec);
    expect(scaleNamed(vg, "x").type).toBe("log");
    expect(scaleNamed(vg, "y").type).toBe("log");
    expect(fig.data.map((r) => r.x)).toEqual([10, 100]);
    expect(JSON.stringify((fig.spec as AnySpec).title)).toContain("2 values ≤ 0 dropped (log axis)");
    const linear = chart();
    expect(scaleNamed(compileClean(linear.spec), "x").type).toBe("linear");
    expect(JSON.stringify((linear.spec as AnySpec).title)).not.toContain("dropped");
  });

  it("labels log axes spanning several decades with powers of ten", () => {
    const fig = chart({ xScale: "log" });
    const x = layersOf(fig.spec).find((l: AnySpec) => l.encoding?.x?.field === "x").encoding.x;
    expect(x.axis.values).toEqual([0.01, 0.1, 1, 10, 100]);
    expect(x.axis.labelExpr).toContain("10⁻²");
  });

  it("downsamples long histories to maxPoints per series", () => {
    const n = 100_000;
    const x = Float64Array.from({ length: n }, (_, i) => i + 1);
    const y = Float64Array.from({ length: n }, (_, i) => (i === 4321 ? 9 : 1 / (i + 1)));
    const fig = lineChart({ title: "h", xTitle: "step", yTitle: "loss", series: [{ name: "h", x, y }] });
    expect(fig.data.length).toBeLessThanOrEqual(1000);
    expect(fig.data.some((r) => r.y === 9)).toBe(true);
    compileClean(fig.spec);
  });

  it("draws bands as an area layer, rules and points, all compiling cleanly", () => {
    const y = t.map((s) => 1 / (1 + s));
    const fig = lineChart({
      title: "Band",
      xTitle: "t",
      yTitle: "e",
      xScale: "log",
      yScale: "log",
      legend: "top-right",
      series: [
        {
          name: "mean",
          x: t,
          y,
          band: { lower: y.map((v) => v - 0.6), upper: y.map((v) => v + 0.1) },
          showPoints: true,
        },
      ],
      rules: [
        { axis: "y", value: 0.25, label: "E = 1/4" },
        { axis: "x", value: 1, label: "t*" },
      ],
      yDomain: [0.001, 2],
    });
    compileClean(fig.spec);
    const layers = layersOf(fig.spec);
    expect(layers.some((l: AnySpec) => l.mark.type === "area")).toBe(true);
    expect(layers.filter((l: AnySpec) => l.mark.type === "rule")).toHaveLength(2);
    // Band lower bounds below zero are clipped to a positive value on the log axis.
    expect(fig.data.every((r) => r.lower !== null && r.lower > 0)).toBe(true);
  });

  it("names the bad series when data are missing or of unequal length", () => {
    expect(() => lineChart({ title: "", xTitle: "", yTitle: "", series: [{ name: "q" }] })).toThrow(/"q"/);
    expect(() =>
      lineChart({ title: "", xTitle: "", yTitle: "", series: [{ name: "q", x: [1, 2], y: [1] }] }),
    ).toThrow(/2 x values but 1 y/);
  });

  it("legend swatches match the marks: a theory-only group is dashed, one legend unless a group mixes kinds", async () => {
    const { renderSvg } = await import("../../src/node/report/render.js");
    const single = lineChart({
      title: "collapse",
      xTitle: "t",
      yTitle: "e",
      series: [
        { name: "r = 1", x: t, y: t.map((s) => 1 / (1 + s)) },
        { name: "theory", kind: "theory", color: "#000000", x: t, y: t.map((s) => 1 / (1 + 2 * s)) },
      ],
    });
    const svg1 = await renderSvg(single.spec);
    expect(legendMarkProblems(svg1)).toEqual([]);
    const swatches = drawnItems(svg1).filter((d) => d.role === "legend");
    expect(swatches).toEqual([
      { role: "legend", color: "#0072b2", dashed: false },
      { role: "legend", color: "#000000", dashed: true },
    ]);
    // A group with both kinds: solid colour swatches plus the grey solid/dashed key.
    const svg2 = await renderSvg(chart().spec);
    expect(legendMarkProblems(svg2)).toEqual([]);
    expect(drawnItems(svg2).filter((d) => d.role === "legend" && d.color === "#333333")).toHaveLength(2);
    // The checker itself catches a lying swatch.
    const lying = svg1.replace(/(role-legend-symbol(?:(?!<\/g>)[\s\S])*?) stroke-dasharray="7,4"/, "$1");
    expect(lying).not.toBe(svg1);
    expect(legendMarkProblems(lying)).toContain("swatch #000000 dashed=false matches no mark");
  });
});
