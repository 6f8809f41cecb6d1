/**
 * `brief-present export [DECK] [--format md|txt|html] [-o FILE] [--force] [--width N]`:
 * the handout on standard output, or in FILE (never over an existing file
 * without --force). Without --format the format comes from FILE's extension,
 * else Markdown.
 */
import { realpathSync, statSync, writeFileSync } from 'node:fs';
import type { Deck } from '../deck/types.js';
import { LoadError } from '../io/load.js';
import { exportDeck, formatFromPath, TEXT_WIDTH, type ExportFormat } from '../render/export/index.js';
import { applyGlobalColorLevel } from '../render/theme.js';
import { UsageError, type CliOptions } from './args.js';

/** A handout that cannot be written where asked; the message names the path and the reason. */
export class OutputError extends LoadError {
  constructor(message: string) {
    super(message);
    this.name = 'OutputError';
  }
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'no such folder',
  ENOTDIR: 'no such folder (a parent is not a folder)',
  EISDIR: 'is a folder',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENAMETOOLONG: 'path too long',
  ELOOP: 'too many symbolic links',
};

function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code && REASONS[code]) return `cannot write: ${REASONS[code]}`;
  const msg = err instanceof Error ? err.message : String(err);
  return `cannot write: ${msg.split('\n')[0]}`;
}

/** `--width N`: a whole number of columns in range. */
export function parseWidth(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\d{1,4}$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!(n >= TEXT_WIDTH.min && n <= TEXT_WIDTH.max)) {
    throw new UsageError(
      `option --width takes a whole number from ${TEXT_WIDTH.min} to ${TEXT_WIDTH.max}, not ${JSON.stringify(value)}`,
    );
  }
  return n;
}

/** The format asked for: --format, else the output file's extension, else Markdown. */
export function chooseFormat(format: string | undefined, output: string | undefined): ExportFormat {
  if (format !== undefined) return format as ExportFormat;
  return (output !== undefined && formatFromPath(output)) || 'md';
}

function sameFile(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

/** Write `text` to `path`, refusing to replace an existing file unless `force`. */
export function writeOutput(path: string, text: string, force: boolean, sources: string[] = []): void {
  let exists = false;
  try {
    const st = statSync(path);
    exists = true;
    if (st.isDirectory()) throw new OutputError(`${path}: is a folder`);
  } catch (err) {
    if (err instanceof OutputError) throw err;
  }
  if (exists && sources.some((s) => sameFile(s, path))) {
    throw new OutputError(`${path}: is a file of the deck being exported; choose another output file`);
  }
  if (exists && !force) throw new OutputError(`${path}: already exists (use --force to overwrite it)`);
  try {
    writeFileSync(path, text, { flag: force ? 'w' : 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException)?.code === 'EEXIST') {
      throw new OutputError(`${path}: already exists (use --force to overwrite it)`);
    }
    throw new OutputError(`${path}: ${reason(err)}`);
  }
}

/** Run `export` on a parsed deck. */
export function exportCommand(deck: Deck, opts: CliOptions): void {
  const output = opts.values.output;
  if (output === '') throw new UsageError('option --output needs a FILE');
  const toStdout = output === undefined || output === '-';
  const format = chooseFormat(opts.values.format, toStdout ? undefined : output);
  const width = parseWidth(opts.values.width);
  if (width !== undefined && format !== 'txt') {
    throw new UsageError(`option --width applies to --format txt only (this handout is ${format})`);
  }
  // Plain text from the terminal renderer: code highlighting follows the shared chalk level.
  applyGlobalColorLevel(0);
  const text = exportDeck(deck, format, { width });
  if (toStdout) {
    process.stdout.write(text);
    return;
  }
  const sources = [...new Set(deck.slides.map((s) => s.source.path))];
  writeOutput(output, text, opts.flags.has('force'), sources);
}
