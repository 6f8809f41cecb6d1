/**
 * `brief-present export [DECK] [--format md|txt|html|pdf] [-o FILE] [--force]
 * [--width N] [--no-notes]`: the handout on standard output, or in FILE
 * (written by `writeOutput`, cli/output.ts). Without --format the format comes
 * from FILE's extension, else Markdown; a --format that FILE's extension
 * contradicts (`-o handout.pdf --format md`) is refused. A PDF is printed by a
 * browser (cli/pdf.ts) and needs -o FILE.
 */
import type { Deck } from '../deck/types.js';
import type { DeckSources } from '../io/load.js';
import { pictureDataUri } from './images.js';
import { exportDeck, formatFromPath, TEXT_WIDTH, type ExportFormat } from '../render/export/index.js';
import { applyGlobalColorLevel } from '../render/theme.js';
import { UsageError, type CliOptions } from './args.js';
import { outputTarget, writeOutput } from './output.js';

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

/**
 * The format asked for: --format, else the output file's extension, else
 * Markdown. A --format other than the one the extension names is refused.
 */
export function chooseFormat(format: string | undefined, output: string | undefined): ExportFormat {
  const named = output !== undefined ? formatFromPath(output) : undefined;
  if (format !== undefined && named !== undefined && named !== format) {
    throw new UsageError(
      `${output} is named as a .${named} file but --format is ${format}: rename it, or leave out --format`,
    );
  }
  return (format as ExportFormat | undefined) ?? named ?? 'md';
}

/** The deck without its speaker notes (`--no-notes`). */
export function withoutNotes(deck: Deck): Deck {
  return { ...deck, slides: deck.slides.map((s) => ({ ...s, notes: '', noteCount: 0 })) };
}

/** Run `export` on a parsed deck. */
export async function exportCommand(deck: Deck, opts: CliOptions, sources?: DeckSources): Promise<void> {
  const output = opts.values.output;
  if (output === '') throw new UsageError('option --output needs a FILE');
  const toStdout = output === undefined || output === '-';
  const format = chooseFormat(opts.values.format, toStdout ? undefined : output);
  const width = parseWidth(opts.values.width);
  if (width !== undefined && format !== 'txt') {
    throw new UsageError(`option --width applies to --format txt only (this handout is ${format})`);
  }
  if (format === 'pdf' && toStdout) throw new UsageError('a PDF handout needs -o FILE.pdf');
  const force = opts.flags.has('force');
  // Plain text from the terminal renderer: code highlighting follows the shared chalk level.
  applyGlobalColorLevel(0);
  const picture = format === 'html' || format === 'pdf' ? pictureDataUri : undefined;
  const text = exportDeck(opts.flags.has('no-notes') ? withoutNotes(deck) : deck, format, { width, picture });
  if (format === 'pdf') {
    // Refused before the browser is started, and checked again when the PDF is written.
    outputTarget(output!, force, sources);
    const { printPdf } = await import('./pdf.js');
    writeOutput(output!, await printPdf(text, output!), force, sources);
    return;
  }
  if (toStdout) {
    process.stdout.write(text);
    return;
  }
  writeOutput(output, text, force, sources);
}
