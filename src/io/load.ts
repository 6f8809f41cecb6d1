import { closeSync, fstatSync, openSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { errnoWords } from './errno.js';
import { neutraliseControls } from '../deck/clean.js';
import { MARKDOWN_FILE } from '../deck/meta.js';
import { sortDeckFiles } from '../deck/parse.js';
import type { ImportReader } from '../deck/parse.js';
import type { SourceFile } from '../deck/types.js';

/**
 * A deck path that cannot be read; the message names the path and the
 * reason. Control characters in a path (a file named to retitle the terminal)
 * are shown as visible stand-ins, like deck text.
 */
export class LoadError extends Error {
  constructor(message: string) {
    super(neutraliseControls(message));
    this.name = 'LoadError';
  }
}

/** A file as the file system knows it: the same file under any name (a link, a hard link). */
export interface FileIdentity {
  dev: bigint;
  ino: bigint;
  /** Its path with every link resolved, when it was read. */
  real: string;
}

/** What a deck was read from: never to be written over (export -o). */
export interface DeckSources {
  /** Every file read, whether or not it holds a slide. */
  files: FileIdentity[];
  /** The folder of a folder deck, links resolved: a Markdown file put in it joins the deck. */
  folder?: string;
}

export interface LoadedDeck {
  files: SourceFile[];
  folder: boolean;
  sources: DeckSources;
}

/** Largest deck file read (bytes): beyond it the deck is refused, not parsed. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

function reason(err: unknown): string {
  return errnoWords(err, 'read');
}

function stat(path: string): Stats {
  try {
    return statSync(path);
  } catch (err) {
    throw new LoadError(`${path}: ${reason(err)}`);
  }
}

/** What a deck file's bytes say: its text, or a LoadError for binary data. */
function textOf(path: string, buf: Buffer): string {
  if (buf.subarray(0, 8192).includes(0)) throw new LoadError(`${path}: not a text file (it holds binary data)`);
  // Invalid UTF-8 is shown as U+FFFD rather than refused: nothing else is lost.
  return buf.toString('utf8');
}

const megabytes = (n: number) => (n / 1024 / 1024).toFixed(1);

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** A deck file's text, and which file it was (by what was opened: no stat then read by name). */
function readText(path: string): { text: string; identity: FileIdentity } {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    throw new LoadError(`${path}: ${reason(err)}`);
  }
  try {
    let st;
    try {
      st = fstatSync(fd, { bigint: true });
    } catch (err) {
      throw new LoadError(`${path}: ${reason(err)}`);
    }
    if (st.isDirectory()) throw new LoadError(`${path}: is a folder`);
    if (st.size > BigInt(MAX_FILE_BYTES)) {
      throw new LoadError(
        `${path}: too large to present (${megabytes(Number(st.size))} MB; the limit is ${megabytes(MAX_FILE_BYTES)} MB)`,
      );
    }
    let buf: Buffer;
    try {
      buf = readFileSync(fd);
    } catch (err) {
      throw new LoadError(`${path}: ${reason(err)}`);
    }
    return { text: textOf(path, buf), identity: { dev: st.dev, ino: st.ino, real: realPath(path) } };
  } finally {
    closeSync(fd);
  }
}

/** One text file's text, with a deck file's limits (size, binary data); errors are LoadErrors naming it. */
export function readTextFile(path: string): string {
  return readText(path).text;
}

/** A name the loader reads as a slide file when it is in a folder deck. */
export function isDeckFileName(name: string): boolean {
  return MARKDOWN_FILE.test(name) && !name.startsWith('.');
}

/** The name a deck read from standard input goes by, in messages and findings. */
export const STDIN_NAME = '<stdin>';

/**
 * Read a deck's text from a stream (standard input) to its end, with the
 * limits of a file: at most MAX_FILE_BYTES (reading stops there), no binary data.
 */
export async function readStreamText(stream: NodeJS.ReadableStream, name = STDIN_NAME): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      size += buf.length;
      if (size > MAX_FILE_BYTES) {
        throw new LoadError(`${name}: too large to present (the limit is ${megabytes(MAX_FILE_BYTES)} MB)`);
      }
      chunks.push(buf);
    }
  } catch (err) {
    throw err instanceof LoadError ? err : new LoadError(`${name}: ${reason(err)}`);
  }
  return textOf(name, Buffer.concat(chunks));
}

/** Read a deck: one Markdown file, or every Markdown file in a folder, in natural order. */
export function loadDeck(path: string): LoadedDeck {
  const st = stat(path);
  if (st.isDirectory()) {
    let names: string[];
    try {
      names = readdirSync(path);
    } catch (err) {
      throw new LoadError(`${path}: ${reason(err)}`);
    }
    const md = names.filter(isDeckFileName);
    const files = sortDeckFiles(md.map((n) => ({ path: join(path, n) }))).filter((f) => {
      try {
        return statSync(f.path).isFile();
      } catch {
        return false;
      }
    });
    if (!files.length) throw new LoadError(`${path}: no Markdown (.md) files in this folder`);
    const read = files.map((f) => ({ path: f.path, ...readText(f.path) }));
    return {
      files: read.map((f) => ({ path: f.path, text: f.text })),
      folder: true,
      sources: { files: read.map((f) => f.identity), folder: realPath(path) },
    };
  }
  if (!st.isFile()) throw new LoadError(`${path}: not a regular file`);
  const { text, identity } = readText(path);
  return { files: [{ path, text }], folder: false, sources: { files: [identity] } };
}

/**
 * Reads the Markdown files a deck's Slidev `src:` imports name: relative to
 * the importing file, or, starting with `/`, to the deck's folder. As Slidev
 * does, only files inside the deck's folder; only `.md` and `.markdown`
 * files, with the same limits as deck files. What cannot be read is an error
 * message for the parser to report, never an exception.
 */
export function importReader(deckPath: string, folder: boolean): ImportReader {
  const root = folder ? deckPath : dirname(deckPath);
  return (ref, from) => {
    const path = ref.startsWith('/') ? join(root, ref.slice(1)) : join(dirname(from), ref);
    const rel = relative(root, path);
    if (rel.startsWith('..') || isAbsolute(rel)) return { path, error: "outside the deck's folder" };
    if (!MARKDOWN_FILE.test(path)) return { path, error: 'not a Markdown (.md) file' };
    try {
      return { path, text: readText(path).text };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      return { path, error: message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message };
    }
  };
}
