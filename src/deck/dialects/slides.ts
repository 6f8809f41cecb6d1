/**
 * slides (maaslalani/slides): `---` splits, front matter `author`, `date`
 * and `paging`, `///` code lines are hidden from the audience.
 */
import type { FileRules } from './index.js';

/** The themes slides ships (glamour styles). */
export const SLIDES_THEMES: ReadonlySet<string> = new Set([
  'ascii',
  'auto',
  'dark',
  'dracula',
  'light',
  'notty',
  'pink',
  'tokyo-night',
]);

/** slides' reading of a file, on top of the shared rules. */
export function slidesRules(rules: FileRules): void {
  rules.parts.hideCodeLine = (_info, line) => line.startsWith('///');
}
