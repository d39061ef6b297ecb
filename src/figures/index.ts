/**
 * Figure definitions: plain data in, Vega-Lite spec out. Browser-safe (no Node imports); rendered to
 * SVG/PNG by src/node/report in Node and by vega-embed in the web lab.
 */

export { fitLine, type LineFit } from "../math/fit.js";
export { type AxisOptions, powerOfTenLabel, scaleAndAxis } from "./axes.js";
export { contourLines, type Grid } from "./contour.js";
export { toCsv } from "./csv.js";
export { type DownsampleOptions, downsample, downsampleIndices } from "./downsample.js";
export type { Figure, FigureRow, ScaleKind, XY } from "./figure.js";
export { type HeatmapOptions, type HeatmapPoint, heatmap } from "./heatmap.js";
export type { LegendPosition } from "./legend.js";
export {
  type CurveKind,
  type LineChartOptions,
  type LineRow,
  type LineSeries,
  lineChart,
  type RuleLine,
} from "./lineChart.js";
export {
  type PhaseCurve,
  type PhasePortraitOptions,
  type PhaseRegion,
  type PhaseTrajectory,
  phasePortrait,
} from "./phasePortrait.js";
export {
  type ReferenceLine,
  type ScatterChartOptions,
  type ScatterFigure,
  type ScatterPoint,
  scatterChart,
} from "./scatterChart.js";
export { type Panel, type PanelRow, type SmallMultiplesOptions, smallMultiples } from "./smallMultiples.js";
export * from "./theme.js";
