/**
 * presenterm (mfontanini/presenterm): slides end at `<!-- end_slide -->`, its
 * comment commands steer layout, hidden lines in executable snippets.
 */
import type { FileRules } from './index.js';

/** presenterm's comment commands (`<!-- column_layout: [1, 2] -->`). */
export const PRESENTERM_COMMANDS: ReadonlySet<string> = new Set([
  'end_slide',
  'speaker_note',
  'column_layout',
  'column',
  'reset_layout',
  'jump_to_middle',
  'newline',
  'new_line',
  'newlines',
  'new_lines',
  'alignment',
  'incremental_lists',
  'list_item_newlines',
  'no_footer',
  'skip_slide',
  'font_size',
  'include',
  'snippet_output',
]);

/** Front matter `theme:` keys only presenterm uses (a mapping, not a name). */
export const PRESENTERM_THEME_KEYS = ['override', 'name', 'path', 'light', 'dark'];

/** presenterm hides `# ` lines in Rust snippets and `/// ` lines in others, in executable snippets. */
function presentermHidden(info: string, line: string): boolean {
  if (!/(^|\s)\+exec(_replace)?\b/.test(info)) return false;
  const lang = info.split(/[\s{]/)[0].toLowerCase();
  if (lang === 'rust') return /^#( |$)/.test(line);
  return /^\/\/\/( |$)/.test(line);
}

/** presenterm's reading of a file, on top of the shared rules. */
export function presentermRules(rules: FileRules, options: Record<string, unknown>): void {
  rules.parts.hideCodeLine = presentermHidden;
  if (options.end_slide_shorthand === true) rules.split.endSlideOnly = false;
}
