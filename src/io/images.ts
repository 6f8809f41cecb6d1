/**
 * Reading the pictures slides show: a path as a slide names it, resolved
 * against the folder of the file the slide is in, then the file's bytes (a
 * regular file, checked on what was opened, of at most MAX_IMAGE_BYTES).
 * Never fetched from a network; nothing here decodes (render/images/).
 */
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { errno, errnoWords } from './errno.js';
import { STDIN_NAME } from './load.js';

/** Largest picture file read (bytes). */
export const MAX_IMAGE_BYTES = 32 * 1024 * 1024;

/** A picture file's bytes, or why they cannot be had, in a few words. */
export type ImageBytes = { bytes: Buffer } | { error: string };

/**
 * Where a picture named in a slide is: relative to the folder of the slide's
 * file (the current folder for a deck read from standard input). A name
 * written with `%20` for its spaces is found by either spelling.
 */
export function resolveImagePath(href: string, slidePath: string): string {
  let path = href;
  try {
    path = decodeURI(href);
  } catch {
    // Not valid percent-encoding: taken as written.
  }
  path = path.replace(/[?#].*$/, '');
  if (isAbsolute(path)) return path;
  const base = slidePath === STDIN_NAME ? process.cwd() : dirname(resolve(slidePath));
  return resolve(base, path);
}

/**
 * A picture file's bytes. Opened without waiting (a FIFO never blocks the
 * presenter) and checked on the open file: a regular file, not too large.
 */
export function readImageBytes(path: string): ImageBytes {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    const code = errno(err);
    return { error: code === 'ENOENT' || code === 'ENOTDIR' ? 'not found' : errnoWords(err, 'read') };
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return { error: 'is a folder' };
    if (!st.isFile()) return { error: 'not a regular file' };
    if (st.size > MAX_IMAGE_BYTES) return { error: `too large (${(st.size / 1024 / 1024).toFixed(1)} MB)` };
    return { bytes: readFileSync(fd) };
  } catch (err) {
    return { error: errnoWords(err, 'read') };
  } finally {
    closeSync(fd);
  }
}
