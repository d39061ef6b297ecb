/** Test helpers: compile a figure's spec with vega-lite and fail on any warning. */
import type { TopLevelSpec } from "vega-lite";
import { expect } from "vitest";
import { compileSpec } from "../../src/report/render.js";

/** A Vega spec, loosely typed for inspection in tests. */
// biome-ignore lint/suspicious/noExplicitAny: tests poke into the compiled spec
export type AnySpec = any;

/** Compile with vega-lite, assert there were no warnings, and return the Vega spec. */
export function compileClean(spec: TopLevelSpec): AnySpec {
  const { vega, warnings } = compileSpec(spec);
  expect(warnings).toEqual([]);
  return vega;
}

/** The scale of the compiled Vega spec with this name. */
export function scaleNamed(vg: AnySpec, name: string): AnySpec {
  const s = (vg.scales ?? []).find((x: AnySpec) => x.name === name);
  expect(s, `scale ${name}`).toBeDefined();
  return s;
}

/** The top-level layers of a built Vega-Lite spec. */
export function layersOf(spec: TopLevelSpec): AnySpec[] {
  return (spec as AnySpec).layer;
}
