/**
 * Shape checks for claims that come from outside the project (a user's claim file): each problem is named
 * with where it is and how to fix it, instead of a TypeError deep inside the report.
 */
import type { Experiment, ExperimentResult } from "../experiments/experiment.js";

/** A claim file or a claim's output that does not have the shape the kit needs. */
export class ClaimShapeError extends Error {
  override name = "ClaimShapeError";
}

const FILE_SAFE = /^[a-z0-9][a-z0-9._-]*$/i;
const typeName = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "an array" : typeof v);

/** Throws unless `value` is an experiment (what `defineClaim` returns); `where` names it in the message. */
export function validateExperiment(value: unknown, where: string): asserts value is Experiment {
  const fix =
    "export the value returned by defineClaim({ id, claim, title, predictions, settings, measure, checks, summary })";
  if (typeof value !== "object" || value === null) {
    throw new ClaimShapeError(`${where} is ${typeName(value)}, not a claim; ${fix}`);
  }
  const v = value as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of ["id", "claim", "title"]) {
    if (typeof v[key] !== "string" || v[key] === "")
      problems.push(`"${key}" must be a non-empty string (got ${typeName(v[key])})`);
  }
  if (typeof v.id === "string" && v.id !== "" && !FILE_SAFE.test(v.id)) {
    problems.push(
      `"id" ${JSON.stringify(v.id)} must be file-safe (letters, digits, ".", "_", "-"): it names the figure files`,
    );
  }
  if (!Array.isArray(v.predictions) || !v.predictions.every((p) => typeof p === "string")) {
    problems.push(`"predictions" must be an array of strings (got ${typeName(v.predictions)})`);
  }
  if (typeof v.run !== "function") {
    problems.push(
      "it has no run function" +
        (typeof v.measure === "function" ? " (it looks like a claim spec: wrap it in defineClaim)" : ""),
    );
  }
  if (problems.length)
    throw new ClaimShapeError(`${where} is not a valid claim: ${problems.join("; ")}. Fix: ${fix}`);
}

/** Throws unless a claim's pieces returned what the report needs; `id` names the claim in the message. */
export function validateOutput(
  output: Pick<ExperimentResult, "summary" | "checks" | "limits" | "figures" | "configs">,
  id: string,
): void {
  const problems: string[] = [];
  const list = (name: string, v: unknown) => {
    if (!Array.isArray(v)) problems.push(`${name}() must return an array (got ${typeName(v)})`);
    return Array.isArray(v) ? v : [];
  };
  list("summary", output.summary).forEach((s, i) => {
    if (typeof s !== "string") problems.push(`summary()[${i}] must be a string (got ${typeName(s)})`);
  });
  list("checks", output.checks).forEach((c, i) => {
    const bad = checkProblems(c);
    if (bad.length) problems.push(`checks()[${i}] ${bad.join(", ")}`);
  });
  list("limits", output.limits).forEach((l, i) => {
    if (typeof l?.setting !== "string" || typeof l?.deviation !== "string") {
      problems.push(`limits()[${i}] needs string "setting" and "deviation"`);
    }
  });
  const names = new Set<string>();
  list("figures", output.figures).forEach((f, i) => {
    if (typeof f?.name !== "string" || !FILE_SAFE.test(f.name))
      problems.push(`figures()[${i}] needs a file-safe string "name"`);
    else if (names.has(f.name)) problems.push(`figures()[${i}] repeats the name "${f.name}"`);
    else names.add(f.name);
    if (typeof f?.caption !== "string") problems.push(`figures()[${i}] needs a string "caption"`);
    if (typeof f?.figure !== "object" || f.figure === null)
      problems.push(`figures()[${i}] needs a "figure" (a Figure object)`);
  });
  if (typeof output.configs !== "object" || output.configs === null || Array.isArray(output.configs)) {
    problems.push(`configs() must return an object of named configs (got ${typeName(output.configs)})`);
  }
  if (problems.length)
    throw new ClaimShapeError(`claim "${id}" returned a malformed result: ${problems.join("; ")}`);
}

function checkProblems(c: unknown): string[] {
  if (typeof c !== "object" || c === null)
    return [`is ${typeName(c)}, not a check (use relativeCheck, absoluteCheck or boundCheck)`];
  const v = c as Record<string, unknown>;
  const bad: string[] = [];
  for (const key of ["prediction", "statement", "tolerance"]) {
    if (typeof v[key] !== "string") bad.push(`needs a string "${key}"`);
  }
  for (const key of ["predicted", "measured"]) {
    if (typeof v[key] !== "number" && typeof v[key] !== "string")
      bad.push(`needs "${key}" as a number or string`);
  }
  if (typeof v.pass !== "boolean") bad.push(`needs a boolean "pass" (got ${typeName(v.pass)})`);
  // A tolerance nobody can justify could have been chosen to pass: every check says where its came from.
  if (typeof v.basis !== "string" || v.basis.trim() === "")
    bad.push(
      `needs a non-empty string "basis" saying how its tolerance was derived (sampling error, step size, rounding, or "chosen: …"; the builders' last argument why)`,
    );
  if (v.published !== undefined) {
    const q = v.published as { value?: unknown; source?: unknown } | null;
    if (typeof q !== "object" || q === null || (typeof q.value !== "number" && typeof q.value !== "string"))
      bad.push(`"published" needs a "value" (number or string), got ${typeName(q?.value ?? q)}`);
    else if (typeof q.source !== "string" || q.source.trim() === "")
      bad.push(`"published" needs a non-empty string "source" (paper, figure or table) for its value`);
  }
  return bad;
}
