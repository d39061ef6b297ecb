import { describe, expect, it } from "vitest";
import { parseGanConfig } from "../../src/gan/config.js";
import { applyOverrides } from "../../src/node/load-config.js";
import { ganCliCommand } from "../../web/src/gan/gan-export.js";
import { ganLabConfig } from "../../web/src/gan/gan-session.js";
import { shellWords } from "../../web/src/state/cli-command.js";

describe("the GAN tab's CLI command", () => {
  it("gives `learndyn gan` the tab's config exactly, for every choice", () => {
    for (const data of ["ring", "grid"] as const)
      for (const loss of ["minimax", "nonsaturating", "hinge"] as const)
        for (const optimizer of ["adam", "sgd"] as const) {
          const config = ganLabConfig({ data, loss, optimizer, seed: 4 });
          const words = shellWords(ganCliCommand(config));
          expect(words.slice(0, 3)).toEqual(["npx", "learndyn", "gan"]);
          const raw: Record<string, unknown> = {};
          applyOverrides(
            raw,
            words.slice(3).filter((_, i) => i % 2 === 1),
          );
          expect(parseGanConfig(raw)).toEqual(config);
        }
  });
});
