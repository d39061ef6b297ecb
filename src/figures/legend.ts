/**
 * Legend placement shared by the builders.
 */

/**
 * Where the legend goes: outside on the right or below the plot, inside a corner of the plot, or nowhere.
 */
export type LegendPosition =
  | "right"
  | "bottom"
  | "top-left"
  | "top-right"
  | "bottom-left"
  | "bottom-right"
  | "none";

/** Legend properties (orient and, inside the plot, a white box) for a position; null hides it. */
export function legendProps(position: LegendPosition, title: string | null): Record<string, unknown> | null {
  if (position === "none") return null;
  const props: Record<string, unknown> = { title, orient: position };
  if (position === "bottom") props.direction = "horizontal";
  if (position !== "right" && position !== "bottom") {
    props.fillColor = "rgba(255,255,255,0.88)";
    props.strokeColor = "#cccccc";
    props.padding = 8;
    props.cornerRadius = 3;
  }
  return props;
}
