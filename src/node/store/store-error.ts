/** A problem with a store file (not a store, another spec, damaged, locked): the file is left untouched. */
export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StoreError";
  }
}
