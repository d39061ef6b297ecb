/**
 * What the GAN tab hands over: the run's config JSON, the CLI command that trains the same run
 * (`learndyn gan`), the history, and figures built with the report's Vega-Lite builders.
 */
import type { TopLevelSpec } from "vega-lite";
import type { GanRecord } from "../../../src/index.js";
import { type GanConfig, ganConfigSchema, heatmap, lineChart } from "../../../src/index.js";
import { shellQuote } from "../state/cli-command.js";
import { type GanFrame, type GanInfo, SURFACE_SIZE } from "./gan-session.js";

/** `npx learndyn gan --set …`, one --set per top-level field that differs from the defaults. */
export function ganCliCommand(config: GanConfig): string {
  const defaults = ganConfigSchema.parse({}) as Record<string, unknown>;
  const sets: string[] = [];
  for (const [k, v] of Object.entries(config)) {
    if (JSON.stringify(v) === JSON.stringify(defaults[k])) continue;
    // A word like "grid" stays bare: `--set` keeps text that is not JSON as a string.
    const text =
      typeof v === "string" && /^[a-z]+$/.test(v) && !["true", "false", "null"].includes(v)
        ? v
        : JSON.stringify(v);
    sets.push("--set", shellQuote(`${k}=${text}`));
  }
  return ["npx", "learndyn", "gan", ...sets].join(" ");
}

/** The modes-captured chart, or the samples over D's surface, as a Vega-Lite spec. */
export function ganFigureSpec(
  which: "modes" | "samples",
  info: GanInfo,
  frame: GanFrame,
  history: readonly GanRecord[],
): TopLevelSpec {
  const c = info.config;
  const subtitle = `${c.data}, ${c.loss} loss, ${c.optimizer.kind}, seed ${c.seed}`;
  if (which === "modes")
    return lineChart({
      title: "Modes captured over time",
      subtitle,
      xTitle: "generator updates",
      yTitle: "modes captured",
      series: [
        {
          name: "modes captured",
          x: history.map((r) => r.iteration),
          y: history.map((r) => r.modesCaptured),
        },
      ],
    }).spec;
  const [lo, hi] = info.extent;
  const axis = Array.from({ length: SURFACE_SIZE }, (_, i) => lo + ((i + 0.5) / SURFACE_SIZE) * (hi - lo));
  // Every 5th sample: 500 points keep the SVG small and still show where the mass is.
  const points = [];
  for (let i = 0; i < frame.samples.length / 2; i += 5)
    points.push({ x: frame.samples[2 * i], y: frame.samples[2 * i + 1], category: "generated" });
  for (let k = 0; k < info.means.length / 2; k++)
    points.push({
      x: info.means[2 * k],
      y: info.means[2 * k + 1],
      category: frame.captured[k] ? "mode, captured" : "mode, missed",
    });
  return heatmap({
    title: "Generated samples on the discriminator's logit",
    subtitle: `${subtitle}, iteration ${frame.iteration}`,
    xTitle: "x₁",
    yTitle: "x₂",
    colorTitle: "D logit",
    grid: { x: axis, y: axis, values: frame.surface },
    points,
    pointColors: { generated: "#222222", "mode, captured": "#009E73", "mode, missed": "#D55E00" },
    equalAspect: true,
  }).spec;
}
