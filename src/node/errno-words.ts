/** File-system error codes in words, so no message shows a bare errno code (EISDIR, ENOENT, …). */
const WORDS: Readonly<Record<string, string>> = {
  ENOENT: "it (or a folder on its path) does not exist",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "the file system is read-only",
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
  EIO: "the disk reported an I/O error",
  EISDIR: "it is a folder, not a file",
  ENOTDIR: "a part of the path is a file, not a folder",
  EEXIST: "it already exists",
  ELOOP: "the path is a loop of symbolic links",
  ENAMETOOLONG: "the path is too long",
  EMFILE: "too many files are open",
  EBUSY: "it is busy (in use by another program)",
};

/** The error's code in words, or its message when the code is not one of the common ones. */
export function errnoInWords(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return (code && WORDS[code]) || (e as Error).message;
}
