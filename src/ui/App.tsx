import React, { useEffect, useReducer, useState } from 'react';
import { Box, Text, useApp, useInput, useStdout } from 'ink';
import SelectInput from 'ink-select-input';
import type { Deck } from '../deck/types.js';
import type { RenderCache } from '../render/slide.js';
import { contentWidth } from '../render/slide.js';
import { bannerLine, statusLine } from '../render/status.js';
import type { Theme } from '../render/theme.js';
import { truncate, wrapLines } from '../render/wrap.js';
import { helpRows } from '../state/keys.js';
import { initialState, reducer, sectionOf, type State } from '../state/reducer.js';
import { keyNames } from './keyname.js';
import { layout, MIN_COLS, MIN_ROWS, type Layout } from './layout.js';

export interface AppProps {
  deck: Deck;
  cache: RenderCache;
  theme: Theme;
  /** Called once when the user quits. */
  onQuit?: () => void;
}

function useTerminalSize(): { cols: number; rows: number } {
  const { stdout } = useStdout();
  const read = () => ({ cols: stdout.columns || 80, rows: stdout.rows || 24 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}

export function App({ deck, cache, theme, onQuit }: AppProps) {
  const { exit } = useApp();
  const { cols, rows } = useTerminalSize();
  const [state, dispatch] = useReducer(reducer, undefined, () =>
    initialState(
      deck.slides.length,
      deck.sections,
      0,
      deck.slides.map((s) => s.steps.length),
    ),
  );
  const classification = deck.meta.classification;
  const lay = layout(cols, rows, { banner: Boolean(classification), notes: state.notes });
  const { width, margin } = contentWidth(cols);
  const slideLines = lay.tooSmall ? [] : cache.slide(state.index, width, state.step);
  const bodyRows = Math.max(1, lay.slideRows - 1); // one blank line above the slide
  const maxScroll = Math.max(0, slideLines.length - bodyRows);

  useInput((input, key) => {
    for (const name of keyNames(input, key)) {
      dispatch({ type: 'key', key: name, viewport: { maxScroll, page: Math.max(1, bodyRows - 2) } });
    }
  });

  useEffect(() => {
    if (state.quit) {
      onQuit?.();
      exit();
    }
  }, [state.quit]);

  if (lay.tooSmall) return <TooSmall cols={cols} rows={lay.rows} termRows={rows} />;

  const slide = deck.slides[state.index];
  const section = deck.sections[sectionOf(state, state.index)];
  const scroll = Math.min(state.scroll, maxScroll);
  const steps = slide.steps.length;
  const hint = [
    state.digits ? `go to ${state.digits}` : '',
    scroll < maxScroll ? '↓ more' : scroll > 0 ? '↑ more' : '',
    steps > 1 ? `step ${state.step + 1}/${steps}` : '',
  ]
    .filter(Boolean)
    .join('  ');

  return (
    // No explicit width: Ink sizes the root to the terminal, so a frame drawn
    // before the new size reaches this component still fits the screen.
    <Box flexDirection="column" height={lay.rows} overflow="hidden">
      {classification ? <Text>{bannerLine(classification, cols, theme)}</Text> : null}
      {state.overlay === 'menu' ? (
        <SectionMenu deck={deck} state={state} lay={lay} theme={theme} dispatch={dispatch} />
      ) : state.overlay === 'help' ? (
        <Help lay={lay} theme={theme} />
      ) : (
        <SlideArea
          lines={slideLines}
          scroll={scroll}
          rows={lay.slideRows}
          margin={margin}
          middle={slide.kind === 'title'}
        />
      )}
      {lay.notesRows > 0 ? (
        <NotesPane lines={cache.notesOf(state.index, width)} rows={lay.notesRows} margin={margin} cols={cols} theme={theme} />
      ) : null}
      <Text>
        {statusLine(
          { deckTitle: deck.meta.title ?? '', section: section?.title ?? '', index: state.index, count: state.count, hint },
          cols,
          theme,
        )}
      </Text>
      {classification ? <Text>{bannerLine(classification, cols, theme)}</Text> : null}
    </Box>
  );
}

function SlideArea(props: { lines: string[]; scroll: number; rows: number; margin: number; middle: boolean }) {
  const { lines, scroll, rows, margin, middle } = props;
  const room = Math.max(1, rows - 1);
  const shown = lines.slice(scroll, scroll + room);
  const top = middle ? Math.max(1, Math.floor((rows - shown.length) / 2)) : 1;
  return (
    <Box flexDirection="column" height={rows} paddingTop={Math.min(top, rows - shown.length)} paddingLeft={margin}>
      <Text>{shown.join('\n')}</Text>
    </Box>
  );
}

function NotesPane(props: { lines: string[]; rows: number; margin: number; cols: number; theme: Theme }) {
  const { lines, rows, margin, cols, theme } = props;
  const room = rows - 1;
  const cut = lines.length > room;
  const shown = cut ? lines.slice(0, room - 1) : lines;
  const label = ' Notes ';
  const rule = theme.notesLabel(label) + theme.rule('─'.repeat(Math.max(0, cols - label.length)));
  return (
    <Box flexDirection="column" height={rows}>
      <Text>{rule}</Text>
      <Box flexDirection="column" paddingLeft={margin}>
        <Text>{shown.map((l) => theme.notes(l)).join('\n')}</Text>
        {cut ? <Text>{theme.muted(`… ${lines.length - shown.length} more lines (the presenter view shows all)`)}</Text> : null}
      </Box>
    </Box>
  );
}

function SectionMenu(props: {
  deck: Deck;
  state: State;
  lay: Layout;
  theme: Theme;
  dispatch: (a: { type: 'gotoSection'; section: number }) => void;
}) {
  const { deck, state, lay, theme, dispatch } = props;
  const current = sectionOf(state, state.index);
  const labelWidth = Math.max(10, lay.cols - 8);
  const items = deck.sections.map((s, i) => {
    const range = s.first === s.last ? `slide ${s.first + 1}` : `slides ${s.first + 1}–${s.last + 1}`;
    const name = s.title || '(start)';
    return { key: String(i), label: truncate(`${i + 1}. ${name}  ${range}`, labelWidth), value: i };
  });
  const limit = Math.max(1, Math.min(items.length, lay.slideRows - 3));
  return (
    <Box flexDirection="column" height={lay.slideRows} paddingLeft={2} paddingTop={1}>
      <Text>{theme.heading('Sections')}</Text>
      <Text>{theme.muted('↑/↓ choose · Enter go · Esc close')}</Text>
      <SelectInput
        items={items}
        initialIndex={current}
        limit={limit}
        onSelect={(item) => dispatch({ type: 'gotoSection', section: item.value })}
      />
    </Box>
  );
}

function Help(props: { lay: Layout; theme: Theme }) {
  const { lay, theme } = props;
  const rows = helpRows();
  const w = Math.max(...rows.map((r) => r.keys.length));
  const room = Math.max(1, lay.slideRows - 2);
  const lines = rows.map((r) => `${theme.accent(r.keys.padEnd(w))}  ${truncate(r.help, Math.max(1, lay.cols - w - 4))}`);
  const cut = lines.length > room;
  const shown = cut ? lines.slice(0, room - 1) : lines;
  return (
    <Box flexDirection="column" height={lay.slideRows} paddingLeft={2} paddingTop={1}>
      <Text>{theme.heading('Keys')}</Text>
      <Text>{shown.join('\n')}</Text>
      {cut ? <Text>{theme.muted('… enlarge the terminal to see every key (brief-present --help lists them)')}</Text> : null}
    </Box>
  );
}

function TooSmall(props: { cols: number; rows: number; termRows: number }) {
  const msg = [
    `Terminal too small (${props.cols}×${props.termRows}).`,
    `Slides need at least ${MIN_COLS}×${MIN_ROWS}.`,
    'Enlarge it, or press q to quit.',
  ];
  return (
    <Box flexDirection="column" height={props.rows} overflow="hidden">
      <Text>{wrapLines(msg, props.cols).slice(0, props.rows).join('\n')}</Text>
    </Box>
  );
}
