import { describe, expect, it } from "vitest";
import { parseRunConfig } from "../../src/config/validate.js";
import { applyOverrides } from "../../src/node/load-config.js";
import { PRESETS } from "../../web/src/presets.js";
import { cliCommand, configAssignments, shellWords } from "../../web/src/state/cli-command.js";

/** What `learndyn train` would validate for a command line of --set flags. */
function configOfCommand(command: string) {
  const words = shellWords(command);
  expect(words.slice(0, 3)).toEqual(["npx", "learndyn", "train"]);
  const sets: string[] = [];
  for (let i = 3; i < words.length; i += 2) {
    expect(words[i]).toBe("--set");
    sets.push(words[i + 1]);
  }
  const raw: Record<string, unknown> = {};
  applyOverrides(raw, sets);
  return parseRunConfig(raw);
}

describe("CLI command", () => {
  it("reproduces every preset's config exactly", () => {
    for (const p of PRESETS) {
      const config = parseRunConfig(p.config);
      expect(configOfCommand(cliCommand(config))).toEqual(config);
    }
  });

  it("sets only what differs from the defaults, objects with a kind whole", () => {
    expect(configAssignments(parseRunConfig({}))).toEqual([]);
    expect(configAssignments(parseRunConfig({ optimizer: { lr: 0.5 } }))).toEqual(["optimizer.lr=0.5"]);
    const sched = configAssignments(parseRunConfig({ probes: { schedule: { kind: "every", every: 3 } } }));
    expect(sched).toEqual(['probes.schedule={"kind":"every","every":3}']);
    const cfg = parseRunConfig({
      name: "it's",
      train: { stop: { plateau: { window: 5, minRelativeDecrease: 0.1 } } },
    });
    expect(configOfCommand(cliCommand(cfg))).toEqual(cfg);
  });
});
