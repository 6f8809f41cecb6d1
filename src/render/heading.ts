import type { Theme } from './theme.js';
import { displayWidth } from './wrap.js';

/** The rule drawn under a level-1 heading (its character, for those who look for it). */
export const TITLE_RULE = '━';

/**
 * A heading by level, told apart by shape as well as by colour, so levels
 * stay distinct without colour: a level-1 heading is underlined with a rule
 * of `━` as wide as its text; level 2 is the plain heading; level 3 opens
 * with `▸`, levels 4 to 6 with `▹`, each plainer than the one before.
 */
export function drawHeading(text: string, level: number, width: number, theme: Theme): string {
  if (level <= 1) {
    const w = Math.max(1, Math.min(width, displayWidth(text)));
    return `${theme.title(text)}\n${theme.accent(TITLE_RULE.repeat(w))}`;
  }
  if (level === 2) return theme.heading(text);
  if (level === 3) return `${theme.accent('▸')} ${theme.subheading(theme.em(text))}`;
  const marker = theme.muted('▹');
  if (level === 4) return `${marker} ${theme.strong(text)}`;
  if (level === 5) return `${marker} ${theme.em(text)}`;
  return `${marker} ${theme.muted(text)}`;
}
