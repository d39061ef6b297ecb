/**
 * The GAN tab's state in the page's address: `#gan?data=ring&loss=hinge&optimizer=adam&seed=0`, so a
 * reload or a shared link shows the same run. Everything else of the run is the bench's default scale.
 */
import { GAN_LOSSES } from "../../../src/index.js";
import { DEFAULT_GAN_CHOICE, type GanChoice } from "./gan-session.js";

/** Whether a URL fragment selects the GAN tab. */
export function isGanHash(hash: string): boolean {
  return hash === "#gan" || hash.startsWith("#gan?");
}

/** The fragment (with "#") for a choice. */
export function encodeGanHash(c: GanChoice): string {
  return `#gan?data=${c.data}&loss=${c.loss}&optimizer=${c.optimizer}&seed=${c.seed}`;
}

/**
 * Reads a fragment; fields left out take the defaults. A field that cannot be read keeps its default and
 * is named in `error`, with what it accepts.
 */
export function decodeGanHash(hash: string): { choice: GanChoice; error: string | null } {
  const query = hash.startsWith("#gan?") ? hash.slice(5) : "";
  const params = new URLSearchParams(query);
  const choice: GanChoice = { ...DEFAULT_GAN_CHOICE };
  const problems: string[] = [];
  const pick = <K extends "data" | "loss" | "optimizer">(key: K, allowed: readonly GanChoice[K][]) => {
    const v = params.get(key);
    if (v === null) return;
    if ((allowed as readonly string[]).includes(v)) choice[key] = v as GanChoice[K];
    else problems.push(`${key} "${v}" (one of ${allowed.join(", ")})`);
  };
  pick("data", ["ring", "grid"]);
  pick("loss", GAN_LOSSES);
  pick("optimizer", ["adam", "sgd"]);
  const seed = params.get("seed");
  if (seed !== null) {
    if (/^-?\d+$/.test(seed.trim()) && Number.isSafeInteger(Number(seed))) choice.seed = Number(seed);
    else problems.push(`seed "${seed}" (an integer)`);
  }
  return {
    choice,
    error: problems.length
      ? `The link's GAN settings could not all be read: ${problems.join("; ")}. Using the defaults for those.`
      : null,
  };
}
