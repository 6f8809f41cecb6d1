import type { Theme } from '../render/theme.js';
import { displayWidth, truncate, wrapLines } from '../render/wrap.js';
import { helpRows, hintLine } from '../state/keyhelp.js';
import type { Preset } from '../state/keymap.js';
import type { ViewMode } from '../state/keys.js';

/**
 * The help screen's lines for a view at a width: the keys in a column that
 * takes at most two fifths of the width, each description wrapped beside them
 * (under them when the keys are wider than the column). Drawn from `top`,
 * `rows` at a time: a title, the lines, and a hint line when they scroll.
 */
export function helpScreen(mode: ViewMode, cols: number, rows: number, top: number, theme: Theme, preset: Preset = 'brief') {
  const table = helpRows(mode, preset);
  const inner = Math.max(10, cols - 4);
  const keyW = Math.min(Math.max(...table.map((r) => displayWidth(r.keys))), Math.floor(inner * 0.4));
  const textW = Math.max(8, inner - keyW - 2);
  const lines: string[] = [];
  for (const r of table) {
    const text = wrapLines([r.help], textW);
    const keys = displayWidth(r.keys) <= keyW ? [r.keys] : wrapLines([r.keys], inner);
    if (keys.length > 1 || displayWidth(keys[0]) > keyW) {
      lines.push(...keys.map((k) => theme.accent(k)));
      lines.push(...text.map((t) => ' '.repeat(keyW + 2) + t));
    } else {
      lines.push(theme.accent(keys[0].padEnd(keyW)) + '  ' + text[0], ...text.slice(1).map((t) => ' '.repeat(keyW + 2) + t));
    }
  }
  const title = (mode === 'reading' ? 'Keys in the reading view' : 'Keys') + (preset === 'brief' ? '' : ` — ${preset} preset`);
  const room = Math.max(1, rows - 2); // the title, and a blank line or the hint
  const maxScroll = Math.max(0, lines.length - room);
  const from = Math.min(top, maxScroll);
  const hint = maxScroll > 0 ? hintLine('help', [`${from + 1}–${Math.min(lines.length, from + room)} of ${lines.length}`], preset) : '';
  return {
    title: theme.heading(title),
    lines: lines.slice(from, from + room),
    hint: hint ? theme.muted(truncate(hint, inner)) : '',
    fit: { maxScroll, page: Math.max(1, room - 1) },
  };
}
