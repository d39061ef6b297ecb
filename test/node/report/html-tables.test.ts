import { describe, expect, it } from "vitest";
import { renderTable } from "../../../src/node/report/html-tables.js";

describe("renderTable", () => {
  it("prints a group row once above its rows, badges, numeric cells and anchors", () => {
    const html = renderTable(
      {
        columns: ["Prediction", "Checks", "Verdict"],
        numeric: [1],
        rows: [
          { group: "Checks: C4", id: "checks-c4", anchor: "c4" },
          { cells: ["P3", "6/6", { verdict: "pass" }] },
          { cells: ["P4", "1/2", { verdict: "finding" }] },
        ],
      },
      undefined,
    );
    expect(html.match(/Checks: C4/g)).toHaveLength(1);
    expect(html).toContain(
      '<tr class="group" id="checks-c4"><th colspan="3"><a href="#c4">Checks: C4</a></th></tr>',
    );
    expect(html).toContain('<td class="num">6/6</td>');
    expect(html).toContain('<span class="verdict finding">finding</span>');
  });
  it("refuses a row of the wrong width and a bad anchor", () => {
    expect(() => renderTable({ columns: ["a", "b"], rows: [{ cells: ["x"] }] }, undefined)).toThrow(
      /1 cells for 2/,
    );
    expect(() =>
      renderTable({ columns: ["a"], rows: [{ cells: [{ text: "x", anchor: '"><script>' }] }] }, undefined),
    ).toThrow(/anchor/);
  });
});
