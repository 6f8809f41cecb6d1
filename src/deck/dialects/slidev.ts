/**
 * Slidev (slidevjs/slidev): `---` splits outside code, a `---` block of
 * `key: value` lines is the next slide's front matter, the last comment of a
 * slide is its note, slot markers (`::right::`) are layout.
 */
import type { SeparatorTest } from '../lines.js';
import type { FileRules } from './index.js';

/** Front matter keys only Slidev uses. */
export const SLIDEV_KEYS = [
  'layout',
  'highlighter',
  'drawings',
  'mdc',
  'colorSchema',
  'aspectRatio',
  'canvasWidth',
  'routerMode',
  'fonts',
  'lineNumbers',
  'exportFilename',
  'download',
  'addons',
  'seoMeta',
  'hideInToc',
  'themeConfig',
];

/** A slot marker line (`::right::`). */
export const SLOT_LINE = /^::[\w-]+::\s*$/;

/**
 * Slidev's separator: any line that starts with `---` (outside code), even
 * under a line of text and with more after it (`----`, `---section2`).
 */
const slidevSeparator: SeparatorTest = (line) => (line.startsWith('---') ? { before: '', after: '' } : null);

/** Slidev's layouts that centre the slide (slidev's packages/client/layouts). */
export const CENTRED_LAYOUTS: ReadonlySet<string> = new Set(['center', 'cover', 'intro', 'section', 'fact', 'statement', 'quote', 'end']);

/** `layout: two-cols` (and `two-cols-header`): `::right::` starts the right column, `::left::` the left. */
function slotLayout(data: Record<string, unknown> | undefined): 'two-cols' | 'two-cols-header' | null {
  const layout = data?.layout;
  return layout === 'two-cols' || layout === 'two-cols-header' ? layout : null;
}

/** Slidev's reading of a file, on top of the shared rules. */
export function slidevRules(rules: FileRules): void {
  rules.titleSlide = false;
  rules.parts.commentNotes = 'last';
  rules.parts.dropLine = SLOT_LINE;
  rules.parts.slotLayout = slotLayout;
  rules.split.separator = slidevSeparator;
  rules.split.slideFrontMatter = true;
  rules.split.endSlideOnly = false;
}
