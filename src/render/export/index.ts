/**
 * Handouts: the whole deck, every slide and its notes, as Markdown, plain text
 * or HTML; for `pdf`, the HTML page a browser prints (one slide to a page).
 */
import type { Deck } from '../../deck/types.js';
import { exportHtml, type PictureData } from './html.js';
import { exportMarkdown } from './markdown.js';
import { EXPORT_FORMATS, type ExportFormat } from './outline.js';
import { exportText, TEXT_WIDTH } from './text.js';

export { EXPORT_FORMATS, TEXT_WIDTH };
export type { ExportFormat };

export interface ExportOptions {
  /** Line width for `txt` (80 when absent). */
  width?: number;
  /** HTML: the pictures to embed, as data URIs (others show their alt text). */
  picture?: PictureData;
}

export function exportDeck(deck: Deck, format: ExportFormat, options: ExportOptions = {}): string {
  if (format === 'html') return exportHtml(deck, { picture: options.picture });
  if (format === 'pdf') return exportHtml(deck, { contents: false, picture: options.picture });
  if (format === 'txt') return exportText(deck, options.width);
  return exportMarkdown(deck);
}

const EXTENSIONS: Record<string, ExportFormat> = {
  md: 'md',
  markdown: 'md',
  txt: 'txt',
  text: 'txt',
  html: 'html',
  htm: 'html',
  pdf: 'pdf',
};

/** The format a file name asks for by its extension (`.md`, `.txt`, `.html`, `.pdf`), if any. */
export function formatFromPath(path: string): ExportFormat | undefined {
  const m = /\.([A-Za-z]+)$/.exec(path);
  const ext = m?.[1].toLowerCase();
  return ext && Object.hasOwn(EXTENSIONS, ext) ? EXTENSIONS[ext] : undefined;
}
