/**
 * The one table of errno codes in words, for the one-line errors of reading a
 * deck and of writing a handout. A missing path reads differently for each:
 * reading names the file or folder that is not there, writing the folder.
 */
const WORDS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a folder',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENAMETOOLONG: 'path too long',
  ELOOP: 'too many symbolic links',
  EFBIG: 'file too large (over the file size limit)',
};

const MISSING = {
  read: { ENOENT: 'no such file or folder', ENOTDIR: 'no such file or folder' },
  write: { ENOENT: 'no such folder', ENOTDIR: 'no such folder (a parent is not a folder)' },
} as const;

/** The error's code, when it has one. */
export function errno(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | undefined)?.code;
}

/** An error in words: its code's words for reading or writing, else its message's first line. */
export function errnoWords(err: unknown, doing: 'read' | 'write'): string {
  const code = errno(err);
  const missing = MISSING[doing] as Record<string, string>;
  if (code && (missing[code] ?? WORDS[code])) return missing[code] ?? WORDS[code];
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split('\n')[0];
}
