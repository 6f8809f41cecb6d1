/**
 * The key table as people read it: the rows of the help screen, `--help` and
 * README (helpRows, helpText) and the hint lines of the menu, the index and
 * the search prompt (hintLine), all made from BINDINGS.
 */
import { BACKUP_NUMBER_HELP, inMode, keyLabel, NUMBER_HELP, TYPING_HELP, type Group, type Mode } from './keys.js';
import { bindingsFor, type Preset } from './keymap.js';

export interface HelpRow {
  group: Group;
  keys: string;
  help: string;
}


/** The help table for a view, in display order, generated from BINDINGS. */
export function helpRows(mode: Mode = 'slides', preset: Preset = 'brief'): HelpRow[] {
  const rows: HelpRow[] = [];
  const shown = bindingsFor(preset).filter((b) => inMode(b, mode));
  for (let i = 0; i < shown.length; i++) {
    const b = shown[i];
    const keys = b.keys.map(keyLabel).join(' ');
    const pair = b.pairHelp ? shown[i + 1] : undefined;
    if (pair) {
      rows.push({ group: b.group, keys: `${keys} / ${pair.keys.map(keyLabel).join(' ')}`, help: b.pairHelp! });
      i++;
    } else {
      rows.push({ group: b.group, keys, help: b.help });
    }
    if (b.command === 'last' && (mode === 'slides' || mode === 'reading')) rows.push({ group: 'Jump', ...NUMBER_HELP });
    if (b.command === 'backup') rows.push({ group: 'Jump', ...BACKUP_NUMBER_HELP });
    if (b.command === 'go' && mode === 'menu') rows.push({ group: 'Jump', keys: '<n>', help: 'go to section n (with Enter past 9 sections)' });
  }
  const typing = TYPING_HELP[mode];
  if (typing) rows.push({ group: 'Find', keys: 'letters', help: typing });
  return rows;
}

/**
 * The hint line of a menu, index or prompt, from the table: each binding
 * with a hint word, its first key (a pair's two first keys joined by "/"):
 * "↑/↓ choose · Enter go · Esc close". `extra` pieces go before the closing one.
 */
export function hintLine(mode: Mode, extra: string[] = [], preset: Preset = 'brief'): string {
  const shown = bindingsFor(preset).filter((b) => inMode(b, mode));
  const parts: string[] = [];
  const closing: string[] = [];
  for (let i = 0; i < shown.length; i++) {
    const b = shown[i];
    if (!b.hint) continue;
    const pair = b.pairHelp ? shown[i + 1] : undefined;
    const part = `${keyLabel(b.keys[0])}${pair ? '/' + keyLabel(pair.keys[0]) : ''} ${b.hint}`;
    (b.command === 'close' ? closing : parts).push(part);
  }
  return [...parts, ...extra, ...closing].join(' · ');
}

/** The help table as plain text lines (for `--help` and the overlay). */
export function helpText(indent = '  ', mode: Mode = 'slides', preset: Preset = 'brief'): string[] {
  const rows = helpRows(mode, preset);
  const w = Math.max(...rows.map((r) => r.keys.length));
  return rows.map((r) => `${indent}${r.keys.padEnd(w)}  ${r.help}`);
}
