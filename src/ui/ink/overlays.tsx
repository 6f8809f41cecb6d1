import React from 'react';
import { Box, Text } from 'ink';
import SelectInput from 'ink-select-input';
import type { Deck } from '../../deck/types.js';
import type { Theme } from '../../render/theme.js';
import { truncate } from '../../render/wrap.js';
import { hintLine } from '../../state/keyhelp.js';
import type { Preset } from '../../state/keymap.js';
import type { ViewMode } from '../../state/keys.js';
import { helpScreen } from '../helpscreen.js';
import { indexRows, mainSections, type State } from '../../state/reducer.js';
import { slideLabel } from '../../deck/backup.js';
import { inert } from '../frame.js';

/**
 * The section menu, drawn by ink-select-input. Its keys go through the one
 * key table and the reducer like every other key (the list's own input
 * handling is off): a key pressed while the list redraws is never lost.
 */
export function SectionMenu(props: { deck: Deck; state: State; rows: number; cols: number; theme: Theme }) {
  const { deck, state, rows, cols, theme } = props;
  const numbered = mainSections(state);
  const label = (i: number) => slideLabel(i, state.main);
  const items = deck.sections.map((s, i) => {
    const range = i >= numbered ? (s.first === s.last ? label(s.first) : `${label(s.first)}–${label(s.last)}`) : s.first === s.last ? `slide ${s.first + 1}` : `slides ${s.first + 1}–${s.last + 1}`;
    const name = s.title || '(start)';
    const text = i < numbered ? `${i + 1}. ${name}  ${range}` : `${name}  ${range}`;
    return { key: String(i), label: truncate(text, Math.max(10, cols - 8)), value: i };
  });
  // The backup sections are listed apart, under a heading of their own that is never chosen.
  if (numbered < items.length) items.splice(numbered, 0, { key: 'backup', label: theme.heading('Backup'), value: -1 });
  const selected = state.menuSelected + (state.menuSelected >= numbered && numbered < deck.sections.length ? 1 : 0);
  const limit = Math.max(1, Math.min(items.length, rows - 3));
  return (
    <Box flexDirection="column" height={rows} paddingLeft={2} paddingTop={1}>
      <Text>{theme.heading('Sections')}</Text>
      <Text>{theme.muted(truncate(menuHint(numbered, state.digits), Math.max(10, cols - 4)))}</Text>
      <SelectInput
        key={selected}
        items={items}
        initialIndex={selected}
        limit={limit}
        isFocused={false}
        onSelect={() => undefined}
      />
    </Box>
  );
}

/** The menu's hint line: the sections' numbers as they can be typed, and what is typed so far. */
export function menuHint(sections: number, digits: string): string {
  const numbers = sections <= 9 ? `1–${sections} go` : `1–${sections} + Enter go`;
  return hintLine('menu', [digits ? `${numbers} (${digits}…)` : numbers]);
}

export function Help(props: { mode: ViewMode; preset: Preset; rows: number; cols: number; top: number; theme: Theme }) {
  const { mode, preset, rows, cols, top, theme } = props;
  const help = helpScreen(mode, cols, rows, top, theme, preset);
  return (
    <Box flexDirection="column" height={rows} paddingLeft={2} overflow="hidden">
      <Text>{help.title}</Text>
      <Text>{help.lines.join('\n')}</Text>
      {help.hint ? <Text>{help.hint}</Text> : null}
    </Box>
  );
}

/** Every slide with its number and section, filtered by what is typed. */
export function SlideIndex(props: { deck: Deck; state: State; rows: number; cols: number; theme: Theme }) {
  const { deck, state, rows, cols, theme } = props;
  const list = indexRows(state);
  const room = Math.max(1, rows - 4);
  const pos = Math.max(0, list.indexOf(state.selected));
  const start = Math.max(0, Math.min(pos - Math.floor(room / 2), list.length - room));
  const shown = list.slice(start, start + room);
  // Backup slides (B1, B2…) come last, under a heading of their own.
  const firstBackup = list.find((i) => i >= state.main);
  const headed = firstBackup !== undefined && shown.includes(firstBackup);
  if (headed && shown.length === room && shown.length > 1) shown.splice(shown[shown.length - 1] === state.selected ? 0 : shown.length - 1, 1);
  const numW = Math.max(String(state.main).length, state.count > state.main ? slideLabel(state.count - 1, state.main).length : 0);
  const lines: string[] = [];
  for (const i of shown) {
    const s = deck.slides[i];
    const section = deck.sections[s.section].title;
    const text = `${slideLabel(i, state.main).padStart(numW)}  ${s.title || '(untitled)'}${section ? `  — ${section}` : ''}`;
    const line = truncate(text, Math.max(10, cols - 6));
    if (i === firstBackup) lines.push(theme.heading('Backup'));
    lines.push(i === state.selected ? theme.accent('❯ ' + line) : '  ' + line);
  }
  return (
    <Box flexDirection="column" height={rows} paddingLeft={2} paddingTop={1}>
      <Text>
        {theme.heading('Slides')} {theme.muted(`(${list.length} of ${deck.slides.length})`)}
      </Text>
      <Text>
        {theme.muted('filter: ')}
        {inert(state.filter)}
        {theme.accent('▏')}
        {theme.muted('   ' + hintLine('index'))}
      </Text>
      <Text>{lines.length ? lines.join('\n') : theme.muted('  no slide matches')}</Text>
    </Box>
  );
}
