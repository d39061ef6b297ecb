import { parquetReadObjects } from "hyparquet";
import { parquetWriteBuffer } from "hyparquet-writer";
import type { RunTable } from "./table.js";

/** The run table as a Parquet file (hyparquet-writer, pure JS): INT64 for integers, DOUBLE, STRING. */
export function tableToParquet(table: RunTable): Uint8Array {
  const buffer = parquetWriteBuffer({
    columnData: table.columns.map((c) => ({
      name: c.name,
      data: c.kind === "integer" ? c.values.map((v) => (v === null ? null : BigInt(v as number))) : c.values,
      type: c.kind === "integer" ? "INT64" : c.kind === "number" ? "DOUBLE" : "STRING",
      nullable: true,
    })),
    createdBy: "learndyn",
  });
  return new Uint8Array(buffer);
}

/** Reads a Parquet file back into rows (for checking an export; BigInt integers become numbers). */
export async function readParquetRows(bytes: Uint8Array): Promise<Record<string, unknown>[]> {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const rows = (await parquetReadObjects({ file })) as Record<string, unknown>[];
  return rows.map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v])),
  );
}
