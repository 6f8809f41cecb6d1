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
import { indexRows, type State } from '../../state/reducer.js';
import { inert } from '../frame.js';

/**
 * The section menu, drawn by ink-select-input. Its keys go through the one
 * key table and the reducer like every other key (the list's own input
 * handling is off): a key pressed while the list redraws is never lost.
 */
export function SectionMenu(props: { deck: Deck; state: State; rows: number; cols: number; theme: Theme }) {
  const { deck, state, rows, cols, theme } = props;
  const items = deck.sections.map((s, i) => {
    const range = s.first === s.last ? `slide ${s.first + 1}` : `slides ${s.first + 1}–${s.last + 1}`;
    const name = s.title || '(start)';
    return { key: String(i), label: truncate(`${i + 1}. ${name}  ${range}`, Math.max(10, cols - 8)), value: i };
  });
  const limit = Math.max(1, Math.min(items.length, rows - 3));
  return (
    <Box flexDirection="column" height={rows} paddingLeft={2} paddingTop={1}>
      <Text>{theme.heading('Sections')}</Text>
      <Text>{theme.muted(truncate(menuHint(items.length, state.digits), Math.max(10, cols - 4)))}</Text>
      <SelectInput
        key={state.menuSelected}
        items={items}
        initialIndex={state.menuSelected}
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
  const numW = String(deck.slides.length).length;
  const lines = shown.map((i) => {
    const s = deck.slides[i];
    const section = deck.sections[s.section].title;
    const text = `${String(i + 1).padStart(numW)}  ${s.title || '(untitled)'}${section ? `  — ${section}` : ''}`;
    const line = truncate(text, Math.max(10, cols - 6));
    return i === state.selected ? theme.accent('❯ ' + line) : '  ' + line;
  });
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
