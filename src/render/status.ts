import { plainInline } from '../deck/titles.js';
import type { Theme } from './theme.js';
import { displayWidth, dropFormat, truncate } from './wrap.js';
import { stripSgr } from './ansi.js';

export interface StatusInfo {
  deckTitle: string;
  section: string;
  index: number;
  count: number;
  /** Slides before the backup slides (count when absent): on a backup slide the line says `backup n / N`. */
  main?: number;
  /** Extra text on the right, e.g. "go to 12", "↓ more". */
  hint?: string;
}

/** A text progress bar: `━━━━────` */
export function progressBar(index: number, count: number, width: number): string {
  if (width <= 0) return '';
  const filled = count <= 1 ? width : Math.round(((index + 1) / count) * width);
  return '━'.repeat(filled) + '─'.repeat(width - filled);
}

/** `slide n / N`, counting main slides only, or `backup n / N` on a backup slide. */
export function slideCounter(index: number, count: number, main = count): { text: string; at: number; of: number } {
  if (index < main) return { text: `slide ${index + 1} / ${main}`, at: index, of: main };
  return { text: `backup ${index - main + 1} / ${count - main}`, at: index - main, of: count - main };
}

/**
 * The status line, exactly `cols` wide: deck title · section on the left,
 * hint, progress bar and `slide n / N` (or `backup n / N`) on the right.
 */
export function statusLine(info: StatusInfo, cols: number, theme: Theme): string {
  const position = slideCounter(info.index, info.count, info.main);
  const counter = position.text;
  const barWidth = Math.max(0, Math.min(20, Math.floor(cols / 6)));
  const hint = info.hint ? `${info.hint}  ` : '';
  const rightPlain = `${hint}${barWidth ? ' ' : ''}${' '.repeat(barWidth)} ${counter} `;
  const leftRoom = cols - displayWidth(rightPlain) - 1;
  // The deck's title as text: its Markdown (`_emphasis_`, links) is not shown.
  const leftText = [plainInline(info.deckTitle), info.section].filter(Boolean).join(' · ');
  const left = leftRoom > 3 ? ' ' + truncate(leftText, leftRoom - 1) : '';
  const gap = Math.max(0, cols - displayWidth(left) - displayWidth(rightPlain));
  const bar = progressBar(position.at, position.of, barWidth);
  const right = `${theme.warning(hint)}${barWidth ? ' ' : ''}${theme.progress(bar)} ${theme.strong(counter)} `;
  if (displayWidth(left) + gap + displayWidth(rightPlain) > cols) return truncate(` ${counter}`, cols);
  return theme.status(left) + ' '.repeat(gap) + right;
}

/** A full-width banner line (classification marking). */
export function bannerLine(text: string, cols: number, theme: Theme): string {
  const t = truncate(text, cols);
  const gap = cols - displayWidth(t);
  const left = Math.floor(gap / 2);
  return theme.bannerFor(text)(' '.repeat(left) + t + ' '.repeat(gap - left));
}

export interface TimingInfo {
  elapsed: number;
  running: boolean;
  started: boolean;
  /** Wall clock, already formatted. */
  clock: string;
  remaining?: number;
  ahead?: number;
  /** The current section's time, its budget, and its time in the last rehearsal (`last`). */
  section?: { title: string; spent: number; budget: number; last?: number };
}

/** The presenter's timing line: elapsed, clock, time left and pace, section pacing. */
export function timingLine(t: TimingInfo, cols: number, theme: Theme, fmt: (ms: number, signed?: boolean) => string): string {
  const parts: string[] = [];
  const state = !t.started ? 'starts on the next slide' : t.running ? 'running' : 'paused';
  parts.push(`${theme.strong(fmt(t.elapsed))} ${theme.muted(state)}`);
  parts.push(t.clock);
  if (t.remaining !== undefined) parts.push(t.remaining >= 0 ? `${fmt(t.remaining)} left` : theme.warning(`${fmt(-t.remaining)} over`));
  if (t.ahead !== undefined) {
    const a = Math.round(t.ahead / 1000) * 1000;
    parts.push(a >= 0 ? theme.progress(`${fmt(a)} ahead`) : theme.warning(`${fmt(-a)} behind`));
  }
  if (t.section) {
    const over = t.section.spent > t.section.budget;
    const text = `${dropFormat(t.section.title)}: ${fmt(t.section.spent)} of ${fmt(t.section.budget)}`;
    parts.push(over ? theme.warning(text) : text);
    // The last rehearsal's time for the section, when there is room for it.
    if (t.section.last !== undefined) {
      const line = ' ' + parts.join(theme.muted(' · ')) + theme.muted(` (rehearsed ${fmt(t.section.last)})`);
      if (displayWidth(line) <= cols) return line;
    }
  }
  const line = ' ' + parts.join(theme.muted(' · '));
  return displayWidth(line) <= cols ? line : ' ' + truncate(parts.map(stripSgr).join(' · '), cols - 1);
}
