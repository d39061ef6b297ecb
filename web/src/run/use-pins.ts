/**
 * The pinned runs of the page and their part of the URL. Pins that came with the link are re-trained one
 * after another (run/pin-replay.ts) on top of the run on screen; until they are back, the URL keeps the
 * link's own `pins=` part, so a reload meanwhile loses nothing.
 */
import { useEffect, useState } from "preact/hooks";
import type { RunConfig } from "../../../src/index.js";
import type { RunView } from "../components/run-view.js";
import { pinsFragment, pinsParamOf, readPins } from "../state/pin-url.js";
import { replayRun } from "./pin-replay.js";
import { type PinnedRun, pinRun } from "./pins.js";

export function usePins(current: RunConfig | null, report: (message: string) => void) {
  const [pins, setPins] = useState<PinnedRun[]>([]);
  const [pending, setPending] = useState<string | null>(() => pinsParamOf(window.location.hash));

  useEffect(() => {
    if (pending === null) return;
    if (!current) {
      report("The link's pinned runs need a valid run config to be rebuilt on; they were left out.");
      setPending(null);
      return;
    }
    const { pins: refs, errors } = readPins(pending, current);
    if (errors.length) report(errors.join("; "));
    let live = true;
    (async () => {
      for (const ref of refs) {
        const history = await replayRun(ref.config, ref.steps);
        if (!live) return;
        const run = { config: ref.config, history } as unknown as RunView;
        setPins((ps) => [...ps, pinRun(run, ref.id)]);
      }
    })()
      .catch((e) => report(`a pinned run of the link could not be re-trained: ${(e as Error).message}`))
      .finally(() => live && setPending(null));
    return () => {
      live = false;
    };
    // Once, for the link the page opened with (not again when the run on screen changes).
  }, []);

  const fragment = pending !== null ? `&pins=${pending}` : pinsFragment(pins, current);
  return { pins, setPins, fragment, restoring: pending !== null };
}
