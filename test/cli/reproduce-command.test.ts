import { describe, expect, it } from "vitest";
import { strictExitCode } from "../../src/cli/reproduce-command.js";

const pass = { pass: true };
const fault = { pass: false };
const finding = { pass: false, finding: "SD does not un-starve B: 0.5 vs 0.52" };

describe("strictExitCode", () => {
  it("is 0 without a strict flag, whatever failed", () => {
    expect(strictExitCode([pass, fault, finding], {})).toBe(0);
  });
  it("--strict fails on an unexplained failure", () => {
    expect(strictExitCode([pass, fault], { strict: true })).toBe(4);
  });
  it("--strict passes when only known findings fail", () => {
    expect(strictExitCode([pass, finding], { strict: true })).toBe(0);
  });
  it("--strict-findings fails on a finding too", () => {
    expect(strictExitCode([pass, finding], { strictFindings: true })).toBe(4);
    expect(strictExitCode([pass], { strictFindings: true })).toBe(0);
  });
});
