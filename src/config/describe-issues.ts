import type { z } from "zod";

/**
 * zod issues as "field.path: what is wrong (what is allowed, what was given)". Parse with
 * `{ reportInput: true }` so messages can show the value received.
 *
 * A union (init: drawn or explicit) is reported through the branch the input was meant for: a branch
 * whose tag field (a literal or enum at its top level, e.g. `scheme`) refused the input is another
 * variant, and its complaints ("unknown field weights") would call valid keys wrong. When every branch
 * refused its tag, the tag itself is reported with all the values it may take.
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[] = []): string[] {
  return issues.flatMap((issue) => describeIssue(issue, prefix));
}

type Issue = z.core.$ZodIssue;

function pathText(path: readonly PropertyKey[]): string {
  return path.length ? path.map(String).join(".") : "(top level)";
}

/** A value shown in a message: short JSON, cut when long. */
export function shown(value: unknown): string {
  if (value === undefined) return "nothing";
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function isTagIssue(issue: Issue): boolean {
  return issue.code === "invalid_value" && issue.path.length === 1;
}

function describeIssue(issue: Issue, prefix: PropertyKey[]): string[] {
  const path = [...prefix, ...issue.path];
  if (issue.code === "unrecognized_keys") {
    return [
      `${pathText(path)}: unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(", ")}; check the spelling (see \`learndyn schema\`)`,
    ];
  }
  if (issue.code === "invalid_union") {
    const input = (issue as { input?: unknown }).input;
    const discriminator = (issue as { discriminator?: string }).discriminator;
    const options = (issue as { options?: unknown[] }).options;
    if (discriminator && options) {
      const got = (input as Record<string, unknown> | undefined)?.[discriminator];
      return [
        `${pathText(path)}: got ${shown(got)}; expected one of ${options.map((o) => shown(o)).join(", ")}`,
      ];
    }
    const branches = issue.errors;
    const meant = branches.filter((b) => !b.some(isTagIssue));
    if (meant.length > 0) {
      // The branch with the fewest complaints is the one the input came closest to.
      const best = meant.reduce((a, b) => (b.length < a.length ? b : a));
      return describeIssues(best, path);
    }
    const tags = branches.flat().filter(isTagIssue);
    if (tags.length > 0) {
      const key = tags[0].path[0];
      const values = tags.flatMap((t) => (t.code === "invalid_value" ? t.values : []));
      const got = (tags[0] as { input?: unknown }).input;
      return [
        `${pathText([...path, key])}: got ${shown(got)}; expected one of ${[...new Set(values)].map((v) => shown(v)).join(", ")}`,
      ];
    }
  }
  if (issue.code === "invalid_value" && "input" in issue) {
    return [`${pathText(path)}: ${issue.message}, got ${shown((issue as { input?: unknown }).input)}`];
  }
  return [`${pathText(path)}: ${issue.message}`];
}
