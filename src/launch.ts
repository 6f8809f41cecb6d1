/**
 * `brief-present`: runs the program (dist/brief-present.cjs) with V8's code
 * cache, so that from the second run on its code is not compiled again.
 *
 * Node 20 keeps no compiled code between runs (Node 22's compile cache does
 * that). Compiling the program is a good part of start-up, every time: the
 * source is parsed, and every function the first slide needs is compiled
 * when first called. Here the program runs as a `vm.Script` with the code
 * V8 produced in an earlier run.
 *
 * The cache is made once per program and Node version, by a run that
 * presents a deck, when its first slide is on screen: it then holds the code
 * of start-up and of the first slide, which is what the next start needs
 * (the interface, loaded after that, compiles as it loads, off the path to
 * the first slide, and a smaller cache is quicker to read). It is written at
 * exit, into $XDG_CACHE_HOME/brief-present/ (default ~/.cache; a relative
 * XDG_CACHE_HOME is ignored). NODE_DISABLE_COMPILE_CACHE=1, Node's own switch
 * for its cache, turns it off. A cache that cannot be used, read or written
 * is no cache: the program runs all the same, compiled from its source.
 *
 * V8 runs the code it is given: it checks the data against the source's
 * length, its own version and its flags, not against the source's text nor
 * against itself (its checksum is checked in debug builds only). Edited data
 * runs as edited, and another build of the program, of the same length, would
 * run this one's code. So the cache is used only when all of this holds:
 * - the folder is not a link, and is a folder owned by the user
 *   (process.getuid()) that neither group nor others may write to; it is made
 *   with mode 0700 (on a system without user ids, Windows, there is no cache);
 * - the file, opened without following a link (O_NOFOLLOW) nor waiting
 *   (O_NONBLOCK: a FIFO), is, by fstat of what was opened, a regular file
 *   owned by the user, not writable by group or others, of 16 MB at most:
 *   nothing is read before that (no stat then open by name);
 * - its header, one line, names this format, Node's version and architecture,
 *   the SHA-256 of the program's text as read for this run, and the SHA-256
 *   of the data after it, and both match. Hashing costs 1.5-2 ms per
 *   start (1.1 MB of program, 0.9 MB of data, node:crypto's SHA-256: median
 *   1.9 ms of 30 starts).
 * Otherwise the program is compiled from its source and, if it presents, a new
 * cache takes the file's place. The parent folders are trusted as the user's.
 *
 * A cache is written whole or not at all: into a temporary file in the same
 * folder (`<file>.<pid>.tmp`), created, never opened if something is there
 * (O_CREAT | O_EXCL | O_NOFOLLOW, mode 0600: a planted link is not followed),
 * then renamed over the cache's name; the temporary file is removed on every
 * failure. Caches of other builds in the folder are then removed.
 *
 * Built by scripts/build.mjs into dist/cli.cjs; __PROGRAM__ names the program
 * file and its hash (which names the cache file).
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

declare const __PROGRAM__: { file: string; hash: string };

/** What the program may tell its launcher. */
export interface Launch {
  /** A deck's first slide is on screen: keep the code compiled so far for the next start. */
  painted(): void;
}

/** The largest cache file read. */
const MAX_CACHE = 16 * 1024 * 1024;

const uid = process.getuid?.();

function cacheFile(): string | undefined {
  if (process.env.NODE_DISABLE_COMPILE_CACHE || uid === undefined) return undefined;
  const xdg = process.env.XDG_CACHE_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(homedir(), '.cache');
  return join(base, 'brief-present', `${__PROGRAM__.hash}-${process.version}-${process.arch}.v8`);
}

/** Owned by the user, and group and others may not write to it. */
function private_(st: { uid: number; mode: number }): boolean {
  return st.uid === uid && (st.mode & 0o022) === 0;
}

/** The cache folder is a folder, not a link, and the user's alone (or, if `orMissing`, not there yet). */
function privateFolder(dir: string, orMissing = false): boolean {
  try {
    const st = lstatSync(dir);
    return st.isDirectory() && private_(st);
  } catch (error) {
    return orMissing && (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** The header of this program's cache, up to the data's hash. */
function headerOf(program: Buffer): string {
  return `brief-present code cache 1 node ${process.version} ${process.arch} program sha256:${sha256(program)} data sha256:`;
}

/**
 * The cache file's contents, if it is a regular file of the user's, private,
 * and not too large, as found by what was opened (no link followed, no wait).
 */
function readPrivate(file: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    const st = fstatSync(fd);
    if (!st.isFile() || !private_(st) || st.size > MAX_CACHE) return undefined;
    const bytes = Buffer.allocUnsafe(st.size);
    let length = 0;
    while (length < bytes.length) {
      const n = readSync(fd, bytes, length, bytes.length - length, null);
      if (n === 0) break;
      length += n;
    }
    return bytes.subarray(0, length);
  } catch {
    return undefined;
  } finally {
    try {
      if (fd !== undefined) closeSync(fd);
    } catch {
      // Read already, or not at all.
    }
  }
}

/** The compiled code in a cache file, if its header is this program's and its hash matches. */
function cachedCode(bytes: Buffer, header: string): Buffer | undefined {
  const start = header.length + 65;
  if (bytes.length <= start || bytes[start - 1] !== 0x0a) return undefined;
  if (bytes.toString('latin1', 0, header.length) !== header) return undefined;
  const data = bytes.subarray(start);
  return bytes.toString('latin1', header.length, start - 1) === sha256(data) ? data : undefined;
}

/**
 * Write the compiled code, replacing whole files only, through a temporary
 * file that is created (never opened if it is there) and removed on failure;
 * then drop other programs' caches.
 */
function save(data: Buffer, file: string, header: string): void {
  const dir = dirname(file);
  const tmp = `${file}.${process.pid}.tmp`;
  let fd: number | undefined;
  let created = false;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!privateFolder(dir)) return;
    fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
    created = true;
    writeFileSync(fd, `${header}${sha256(data)}\n`, 'latin1');
    writeFileSync(fd, data);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, file);
    created = false;
    for (const name of readdirSync(dir)) {
      if (name.endsWith('.v8') && !name.startsWith(__PROGRAM__.hash)) unlinkSync(join(dir, name));
    }
  } catch {
    // No cache this time.
  } finally {
    try {
      if (fd !== undefined) closeSync(fd);
    } catch {
      // Removed below all the same.
    }
    try {
      if (created) unlinkSync(tmp);
    } catch {
      // Gone already.
    }
  }
}

// Regular expressions straight to machine code, without first running them in
// V8's regexp interpreter: Markdown's block rules are large, and the first
// slide ran them interpreted (its lexing took twice as long). Set before the
// program is compiled, so its code cache is made and used under one set of
// flags.
setFlagsFromString('--no-regexp-tier-up');
// Keep the young generation at its first size instead of letting it grow to
// 16 MB during start-up's bursts of short-lived objects (parsing a deck,
// Ink's first frames), which it then keeps: peak memory 75 -> 70 MB with
// the briefing, 85 -> 73 MB with 2,000 slides, at no measured cost in time
// (an 11 MB deck's --json: 542 / 547 ms).
setFlagsFromString('--semi-space-growth-factor=1');
// V8's linear-time regular expression engine, for the patterns a deck brings
// (reveal-md's `separator`): with it they run in time linear in the text,
// whatever their shape (src/deck/dialect.ts).
setFlagsFromString('--enable-experimental-regexp-engine');

/**
 * Compile the program, with the cached code when there is one for it. In a
 * function of its own so that the file's text and the cached data, once
 * compiled, can be collected: only the compiled script's own copy of the
 * source stays. `header` is the one for a new cache, if one may be written.
 */
function compile(file: string, cache: string | undefined): { script: Script; warm: boolean; header?: string } {
  const program = readFileSync(file);
  let cachedData: Buffer | undefined;
  let header: string | undefined;
  // A folder that is there and not the user's alone is not used at all.
  if (cache && privateFolder(dirname(cache), true)) {
    header = headerOf(program);
    const bytes = readPrivate(cache);
    if (bytes) cachedData = cachedCode(bytes, header);
  }
  // The program is ASCII (the build checks), so Latin-1 reads it fastest.
  const source = program.toString('latin1');
  // One line, as Node wraps a CommonJS module: line numbers stay the program's.
  const script = new Script(
    `(function (exports, require, module, __filename, __dirname, __launch) {${source}\n})`,
    { filename: file, cachedData },
  );
  return { script, warm: cachedData !== undefined && !script.cachedDataRejected, header };
}

const file = join(__dirname, __PROGRAM__.file);
const cache = cacheFile();
const { script, warm, header } = compile(file, cache);
let made = false;
const launch: Launch = {
  painted() {
    if (warm || made || !cache || header === undefined) return;
    made = true;
    const data = script.createCachedData();
    process.once('exit', () => save(data, cache, header));
  },
};
const program = { exports: {} };
script.runInThisContext()(program.exports, require, program, file, __dirname, launch);
