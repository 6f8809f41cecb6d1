/**
 * `brief-present check`: what would go wrong presenting a deck at a size —
 * slides taller than the screen, empty slides, slides without notes (in a
 * deck that has notes, or when asked), and what the parser noticed (unknown
 * directives, note markers inside code, unclosed code blocks). Pure: a parsed
 * deck and a renderer in, findings out.
 */
import { mainCount, slideLabel } from '../deck/backup.js';
import type { Deck, Slide } from '../deck/types.js';
import type { MarkdownRenderer } from '../render/markdown.js';
import { contentWidth, renderSlideLines } from '../render/slide.js';
import { layout, tooSmall } from '../render/layout.js';
import { stripSgr } from '../render/ansi.js';
import { makeTheme } from '../render/theme.js';
import { drawMermaid } from '../render/mermaid/index.js';
import { mermaidBlocks } from '../render/mermaid/blocks.js';
import { columnRows, columnWidths } from '../render/columns.js';

export type Severity = 'error' | 'warning';

export interface Finding {
  path: string;
  line: number;
  severity: Severity;
  /** Stable identifier for scripts: overflow, empty, no-notes, unknown-directive, note-in-code, mermaid, … */
  code: string;
  message: string;
  /** 1-based slide number, when the finding is about a slide (the first, for several). */
  slide?: number;
  /** Every slide it is about, when it is about more than one (slides without notes). */
  slides?: number[];
}

export interface CheckSize {
  cols: number;
  rows: number;
}

export interface CheckResult {
  size: CheckSize;
  dialect: string;
  slides: number;
  /** How many of them are backup slides (after every main slide; shown as B1, B2…). */
  backup: number;
  /** What fits on screen at that size: content columns and slide rows. */
  width: number;
  height: number;
  findings: Finding[];
  errors: number;
  warnings: number;
}

export const DEFAULT_SIZE: CheckSize = { cols: 80, rows: 24 };

export interface CheckOptions {
  /**
   * Report slides without speaker notes even in a deck that has none at all
   * (by default, missing notes are reported only when some slides have them).
   */
  requireNotes?: boolean;
}

/** Columns and rows a slide gets on a terminal of `size` (as the presenter lays it out). */
export function slideArea(deck: Deck, size: CheckSize): { width: number; height: number } {
  const width = contentWidth(size.cols).width;
  const rows = layout(size.cols, size.rows, { banner: !!deck.meta.classification, notes: false }).slideRows - 1;
  return { width, height: Math.max(1, rows) };
}

const visible = (line: string) => stripSgr(line).trim() !== '';

/**
 * The narrowest terminal on which a slide's tables are all drawn as grids
 * (Infinity for never), given the width its widest table drawn as a list
 * needs. No table gets more than the table width; tables in columns or lists
 * get less, and only until the text width stops growing: the slide is laid
 * out again from there until none is a list.
 */
export function tablesAsGridFrom(slide: Slide, md: MarkdownRenderer, need: number): number {
  const widest = contentWidth(Number.MAX_SAFE_INTEGER).width;
  let cols = 1;
  while (contentWidth(cols).tableWidth < need) cols++;
  for (; ; cols++) {
    const { width, tableWidth } = contentWidth(cols);
    md.tablesAsList?.();
    renderSlideLines(slide, width, md, undefined, tableWidth);
    if (!md.tablesAsList?.().length) return cols;
    if (width >= widest) return Infinity;
  }
}

/** The narrowest terminal on which a row of columns in these proportions is drawn side by side. */
export function sideBySideFrom(parts: number[]): number {
  for (let cols = 1; cols <= 2000; cols++) if (columnWidths(parts, contentWidth(cols).width)) return cols;
  return Infinity;
}

/** Slide numbers as runs: [3, 5, 6, 7] → "3, 5–7". */
export function slideRanges(numbers: number[], prefix = ''): string {
  const runs: string[] = [];
  for (let i = 0; i < numbers.length; ) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j] + 1) j++;
    runs.push(j > i ? `${prefix}${numbers[i]}–${prefix}${numbers[j]}` : `${prefix}${numbers[i]}`);
    i = j + 1;
  }
  return runs.join(', ');
}

/** Check a parsed deck at a terminal size. */
export function checkDeck(
  deck: Deck,
  md: MarkdownRenderer,
  size: CheckSize = DEFAULT_SIZE,
  options: CheckOptions = {},
): CheckResult {
  const { width, height } = slideArea(deck, size);
  const { tableWidth } = contentWidth(size.cols);
  const main = mainCount(deck);
  // A backup slide is named as the presenter shows it: "backup slide B2".
  const named = (slide: Slide) => (slide.index < main ? `slide ${slide.index + 1}` : `backup slide ${slideLabel(slide.index, main)}`);
  const findings: Finding[] = [];
  const plain = makeTheme(0);
  const at = (slide: Slide, severity: Severity, code: string, message: string) =>
    findings.push({ ...slide.source, severity, code, message, slide: slide.index + 1 });

  for (const slide of deck.slides) {
    const n = named(slide);
    md.tablesAsList?.();
    const lines = renderSlideLines(slide, width, md, undefined, tableWidth);
    const asList = md.tablesAsList?.() ?? [];
    if (!lines.some(visible)) {
      at(slide, 'error', 'empty', `${n} is empty: nothing to show`);
    } else if (lines.length > height) {
      at(
        slide,
        'error',
        'overflow',
        `${n} is ${lines.length} lines tall; ${height} fit at ${size.cols}x${size.rows} (it would scroll)`,
      );
    }
    const rows = slide.layout ? columnRows(slide.layout[slide.layout.length - 1]) : [];
    const from = rows.reduce((most, parts) => Math.max(most, sideBySideFrom(parts)), 0);
    if (from > size.cols) {
      const where = Number.isFinite(from) ? `side by side from ${from} columns` : 'too many to fit side by side';
      at(slide, 'warning', 'stacked-columns', `${n}: its columns are stacked one above the other at ${size.cols} columns (${where})`);
    }
    if (asList.length) {
      const from = tablesAsGridFrom(slide, md, Math.max(...asList));
      const where = Number.isFinite(from) ? `a grid from ${from} columns` : 'too wide for a grid';
      const what = asList.length === 1 ? 'a table is' : `${asList.length} tables are`;
      at(slide, 'warning', 'table-as-list', `${n}: ${what} shown as a list, one block per row, at ${size.cols} columns (${where})`);
    }
    // Diagrams shown as source (unknown kind, a mistake, too wide): said where the block says so.
    for (const block of mermaidBlocks(slide.body)) {
      const drawn = drawMermaid(block.text, width, plain);
      if (!('problem' in drawn)) continue;
      const { note, line } = drawn.problem;
      const message = `${n}: ${note}`;
      findings.push({ ...slide.source, line: slide.source.line + block.line + line, severity: 'warning', code: 'mermaid', message, slide: slide.index + 1 });
    }
  }
  // Missing notes matter in a deck that uses them (or when asked for): one finding for them all.
  const noNotes = deck.slides.filter((s) => s.kind === 'content' && !s.notes.trim());
  const usesNotes = deck.slides.some((s) => s.notes.trim());
  if (noNotes.length && (usesNotes || options.requireNotes)) {
    const numbers = noNotes.map((s) => s.index + 1);
    const runs = [
      slideRanges(numbers.filter((n) => n <= main)),
      slideRanges(numbers.filter((n) => n > main).map((n) => n - main), 'B'),
    ].filter(Boolean);
    const message =
      numbers.length === 1
        ? `${named(noNotes[0])} has no speaker notes`
        : `slides ${runs.join(', ')} have no speaker notes`;
    at(noNotes[0], 'warning', 'no-notes', message);
    if (numbers.length > 1) findings[findings.length - 1].slides = numbers;
  }
  for (const d of deck.diagnostics ?? []) {
    findings.push({ path: d.path, line: d.line, severity: d.severity ?? 'warning', code: d.code, message: d.message });
  }
  const backup = deck.slides.length - main;
  return withFindings({ size, dialect: deck.dialect ?? 'brief', slides: deck.slides.length, backup, width, height }, findings);
}

/** A result with more findings (e.g. of a rehearsal's timings): in file order, counted again. */
export function withFindings(
  result: Omit<CheckResult, 'findings' | 'errors' | 'warnings'> & { findings?: readonly Finding[] },
  more: readonly Finding[],
): CheckResult {
  const findings = [...(result.findings ?? []), ...more];
  findings.sort((a, b) => (a.path === b.path ? a.line - b.line : a.path < b.path ? -1 : 1));
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { ...result, findings, errors, warnings: findings.length - errors };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One line per finding (`path:line: error: message`), then a summary line. */
export function formatFindings(result: CheckResult): string[] {
  const out = result.findings.map((f) => `${f.path}:${f.line}: ${f.severity}: ${f.message}`);
  const counts = result.findings.length
    ? `${plural(result.errors, 'error')}, ${plural(result.warnings, 'warning')}`
    : 'no problems found';
  out.push(
    `${plural(result.slides, 'slide')}${result.backup ? ` (${result.backup} backup)` : ''} checked at ${result.size.cols}x${result.size.rows} ` +
      `(${result.dialect} deck): ${counts}`,
  );
  return out;
}

/** `80x24` → {cols: 80, rows: 24}; null when it is not a size the presenter can use. */
export function parseSize(text: string): CheckSize | null {
  const m = /^(\d{1,4})x(\d{1,4})$/i.exec(text.trim());
  if (!m) return null;
  const size = { cols: Number(m[1]), rows: Number(m[2]) };
  if (tooSmall(size.cols, size.rows)) return null;
  return size;
}
