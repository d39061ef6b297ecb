import { describe, expect, it } from "vitest";
import { legendProps } from "../../src/figures/legend.js";

describe("legendProps", () => {
  it("hides the legend for none, boxes it inside the plot, lays it flat below", () => {
    expect(legendProps("none", "t")).toBeNull();
    expect(legendProps("top-left", null)).toMatchObject({ orient: "top-left", strokeColor: "#cccccc" });
    expect(legendProps("bottom", "k")).toMatchObject({
      orient: "bottom",
      direction: "horizontal",
      title: "k",
    });
    expect(legendProps("right", "k")).not.toHaveProperty("fillColor");
  });
});
