/** What a line chart is given: its curves, rules and options (shared by the chart and its frame). */

/** One curve. */
export interface ChartSeries {
  name: string;
  color: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** Theory curves are dashed and listed as such in the readout. */
  theory?: boolean;
  /** Line width in CSS pixels (default 2). */
  width?: number;
  /** Leave out of the hover readout (many-curve views). */
  quiet?: boolean;
}

/** A vertical line at x (a predicted time) with a short label. */
export interface ChartRule {
  x: number;
  label: string;
  color?: string;
}

export interface LineChartProps {
  series: readonly ChartSeries[];
  xLabel: string;
  yLabel: string;
  logX?: boolean;
  logY?: boolean;
  rules?: readonly ChartRule[];
  /** Fixed y domain (e.g. [0, 1] for an error). */
  yDomain?: [number, number];
  /** Fixed x domain (e.g. the run's whole time span). */
  xDomain?: [number, number];
  /** Where the run diverged: a marker and a label. */
  diverged?: { x: number; label: string } | null;
  /** Canvas height in CSS pixels. */
  height?: number;
  /** Accessible description. */
  label: string;
  /** Test hook: data-testid of the canvas. */
  testId?: string;
}

/** One entry of a legend. */
export interface LegendItem {
  name: string;
  color: string;
  /** A theory curve: dashed swatch. */
  theory?: boolean;
  /** A vertical rule (predicted time): dotted swatch. */
  rule?: boolean;
}
