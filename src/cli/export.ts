/**
 * `brief-present export [DECK] [--format md|txt|html] [-o FILE] [--force] [--width N]`:
 * the handout on standard output, or in FILE (never over an existing file
 * without --force, never over a file of the deck, never as a new slide file of
 * a folder deck), written whole or not at all. Without --format the format
 * comes from FILE's extension, else Markdown.
 */
import { accessSync, constants, realpathSync, statSync, writeFileSync, type BigIntStats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Deck } from '../deck/types.js';
import { isDeckFileName, LoadError, type DeckSources } from '../io/load.js';
import { writeFileAtomic } from '../io/write.js';
import { exportDeck, formatFromPath, TEXT_WIDTH, type ExportFormat } from '../render/export/index.js';
import { applyGlobalColorLevel } from '../render/theme.js';
import { UsageError, type CliOptions } from './args.js';
import { errno, errnoWords } from '../io/errno.js';

/** A handout that cannot be written where asked; the message names the path and the reason. */
export class OutputError extends LoadError {
  constructor(message: string) {
    super(message);
    this.name = 'OutputError';
  }
}

function reason(err: unknown): string {
  return `cannot write: ${errnoWords(err, 'write')}`;
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

/**
 * Write `text` to `path`, refusing to replace an existing file unless `force`,
 * and refusing any file the deck was read from (`sources`), under whatever
 * name, and any name in a folder deck that the next read would take for a
 * slide file. The handout is written whole or not at all: into a new file
 * beside the target, which then takes its name (a link is written through).
 */
export function writeOutput(path: string, text: string, force: boolean, sources: DeckSources = { files: [] }): void {
  let st: BigIntStats | undefined;
  try {
    st = statSync(path, { bigint: true });
  } catch (err) {
    if (errno(err) !== 'ENOENT') throw new OutputError(`${path}: ${reason(err)}`);
  }
  if (st?.isDirectory()) throw new OutputError(`${path}: is a folder`);
  if (!st && /[\\/]$/.test(path)) throw new OutputError(`${path}: cannot write: ${errnoWords({ code: 'ENOENT' }, 'write')}`);

  // Where the handout would land, every link resolved.
  let target: string;
  try {
    target = st ? realpathSync(path) : join(realpathSync(dirname(path)), basename(path));
  } catch (err) {
    throw new OutputError(`${path}: ${reason(err)}`);
  }
  const isSource = st
    ? sources.files.some((f) => (f.dev === st.dev && f.ino === st.ino) || f.real === target)
    : sources.files.some((f) => f.real === target);
  if (isSource) throw new OutputError(`${path}: is a file of the deck being exported; choose another output file`);
  if (sources.folder !== undefined && dirname(target) === sources.folder && isDeckFileName(basename(target))) {
    throw new OutputError(
      `${path}: is in the folder deck, where it would be read as a slide file; ` +
        'write it outside the folder or not as .md',
    );
  }
  if (st && !force) throw new OutputError(`${path}: already exists (use --force to overwrite it)`);

  try {
    if (st && !st.isFile()) {
      // A device or a pipe (/dev/null, a FIFO): written to, as there is nothing to replace.
      writeFileSync(path, text);
      return;
    }
    // A file its owner made read-only stays as it is, as when it was written in place.
    if (st) accessSync(target, constants.W_OK);
    // With --force, a name taken since (or a link to nothing) is replaced too.
    writeFileAtomic(target, text, { replace: force, mode: st ? Number(st.mode & 0o777n) : undefined });
  } catch (err) {
    if (errno(err) === 'EEXIST') throw new OutputError(`${path}: already exists (use --force to overwrite it)`);
    throw new OutputError(`${path}: ${reason(err)}`);
  }
}

/** Run `export` on a parsed deck. */
export function exportCommand(deck: Deck, opts: CliOptions, sources?: DeckSources): void {
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
  writeOutput(output, text, opts.flags.has('force'), sources);
}
