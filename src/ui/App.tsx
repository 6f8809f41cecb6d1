import React, { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { Box, Text, useApp, useInput, useStdout } from 'ink';
import type { Deck } from '../deck/types.js';
import { highlightMatches } from '../render/highlight.js';
import type { RenderCache } from '../render/slide.js';
import { contentWidth } from '../render/slide.js';
import { bannerLine, statusLine, timingLine } from '../render/status.js';
import type { Theme } from '../render/theme.js';
import { truncate } from '../render/wrap.js';
import { clock, pace, sectionBudgets, wallClock, type Plan } from '../state/pacing.js';
import {
  elapsed,
  initialState,
  reducer,
  sectionOf,
  slideAtLine,
  type State,
  type View,
} from '../state/reducer.js';
import { LinkEcho, type Link, type LinkStatus } from '../state/sync.js';
import { keyNames } from './keyname.js';
import {
  notesPaneLines,
  paintScreen,
  errorBannerLine,
  searchPromptLine,
  slideAreaLines,
  slidesViewScreen,
  slidesViewState,
  statusHint,
} from './frame.js';
import { presenterLayout } from './layout.js';
import { geometry, keyContext, linkText, readingDoc, renderNeighbours, shapeOf } from './geometry.js';
import { Help, SectionMenu, SlideIndex, TooSmall } from './overlays.js';

export interface AppProps {
  deck: Deck;
  cache: RenderCache;
  theme: Theme;
  view?: View;
  /** The state to start from (where the slides view without Ink left off); else the deck's first slide in `view`. */
  initial?: State;
  /** The link to other terminals showing the same deck, when there is one. */
  link?: Link;
  /** Called once when the user quits. */
  onQuit?: () => void;
  /** The clock (ms); tests pass their own. */
  now?: () => number;
  /** Watch the deck's files: the initial setting, and how to turn it on or off. */
  watch?: boolean;
  onWatch?: (on: boolean) => void;
  /** After a reload: the slide to show (-1: stay); changes with every reload. */
  reload?: { version: number; index: number };
  /** The deck on disk no longer parses: shown as a banner over the last good deck. */
  error?: string;
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

/** Re-render every second while something on screen shows the time. */
function useTick(active: boolean): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(t);
  }, [active]);
}

function useLinkStatus(link: Link | undefined): LinkStatus {
  const [status, setStatus] = useState<LinkStatus>('alone');
  useEffect(() => link?.onStatus(setStatus), [link]);
  return status;
}

export function App(props: AppProps) {
  const { deck, cache, theme, view, link, onQuit, now = Date.now } = props;
  const { exit } = useApp();
  const { cols, rows } = useTerminalSize();
  const [state, dispatch] = useReducer(
    reducer,
    undefined,
    () => props.initial ?? initialState(shapeOf(deck), { view, watch: props.watch }),
  );
  // A new version of the deck: reshape the state before anything renders with it.
  const [seen, setSeen] = useState(deck);
  if (seen !== deck) {
    setSeen(deck);
    dispatch({ type: 'reload', deck: shapeOf(deck), index: props.reload?.index ?? -1 });
  }
  useEffect(() => props.onWatch?.(state.watch), [state.watch]);
  const linkStatus = useLinkStatus(link);
  useTick(state.view === 'presenter');

  // Keep linked terminals on this slide; a position that came from them is not sent back.
  const echo = useRef(new LinkEcho());
  useEffect(() => link?.onRemote((pos) => {
    echo.current.received(pos);
    dispatch({ type: 'remote', index: pos.index, step: pos.step, now: now() });
  }), [link]);
  useEffect(() => {
    const pos = { index: state.index, step: state.step };
    if (link && echo.current.shouldSend(pos)) link.moved(pos);
  }, [link, state.index, state.step]);

  useEffect(() => {
    if (state.quit) {
      onQuit?.();
      exit();
    }
  }, [state.quit]);

  const g = geometry(deck, state, cols, rows, props.error);
  const { lay, fixedRows, width, margin, bodyRows, readWidth, cur, curStep } = g;
  const banner = deck.meta.classification;
  const slideLines = lay.tooSmall || state.view === 'reading' ? [] : cache.slide(cur, width, curStep);
  const maxScroll = Math.max(0, slideLines.length - bodyRows);
  const doc = useMemo(() => readingDoc(cache, readWidth, fixedRows), [cache, readWidth, fixedRows]);

  const warmed = useRef(false);
  // While the briefer looks at this slide, get the next one ready (and the
  // previous), and run the drawing code once, so the next key finds it warm.
  useEffect(() => {
    if (lay.tooSmall || state.view === 'reading') return;
    const t = setTimeout(() => {
      renderNeighbours(cache, deck.slides.length, cur, width);
      if (!warmed.current) {
        warmed.current = true;
        dispatch({ type: 'refresh' });
      }
    }, 0);
    return () => clearTimeout(t);
  }, [cache, cur, width, state.view, lay.tooSmall]);

  // The state as of the last key, for drawing its result before React does.
  const latest = useRef(state);
  latest.current = state;
  const { stdout } = useStdout();
  const slidesFrame = (s: State) =>
    slidesViewScreen({ deck, cache, theme, cols, rows, state: s, link: linkText(linkStatus, link), error: props.error });

  useInput((input, key) => {
    const ctx = keyContext(cache, state, g, doc, now());
    const before = latest.current;
    let after = before;
    for (const name of keyNames(input, key)) {
      const action = { type: 'key' as const, key: name, ctx };
      after = reducer(after, action);
      dispatch(action);
    }
    latest.current = after;
    // In the slides view, the next frame is known now: draw it at once, as Ink
    // will a moment later (the same lines, from the same functions).
    if (after !== before && slidesViewState(after) && !after.quit) {
      const frame = slidesFrame(after);
      if (frame) stdout.write(paintScreen(frame));
    }
  });

  if (lay.tooSmall) return <TooSmall cols={cols} rows={lay.rows} termRows={rows} />;

  // The slides view (with the search prompt, too) is one function of the state.
  if (slidesViewState(state)) {
    const frame = slidesFrame(state)!;
    return (
      <Box flexDirection="column" height={lay.rows} overflow="hidden">
        <Text>{frame.join('\n')}</Text>
      </Box>
    );
  }

  const prompt = state.overlay === 'search' ? searchPromptLine(state.search.query, theme) : undefined;
  const query = state.search.active;
  const mark = (lines: string[]) => (query ? lines.map((l) => highlightMatches(l, query, true)) : lines);
  const scroll = Math.min(state.scroll, maxScroll);
  const slide = deck.slides[cur];
  const readingIndex = state.view === 'reading' ? slideAtLine(doc(), state.readTop) : cur;
  const section = deck.sections[sectionOf(state, readingIndex)];

  const slides = state.view !== 'reading';
  const hint = statusHint({
    message: state.search.message,
    watching: state.watch,
    link: linkText(linkStatus, link),
    digits: state.digits,
    below: slides && scroll < maxScroll,
    above: slides && scroll > 0,
    step: slides ? { at: curStep, of: slide.steps.length } : undefined,
    position: slides ? undefined : readingPosition(cache.reading(readWidth).lines.length, state.readTop, fixedRows),
  });
  const status =
    prompt !== undefined ? (
      <Text>{prompt}</Text>
    ) : (
      <Text>
        {statusLine(
          { deckTitle: deck.meta.title ?? '', section: section?.title ?? '', index: readingIndex, count: state.count, hint },
          cols,
          theme,
        )}
      </Text>
    );

  let main: React.ReactNode;
  if (state.overlay === 'menu') {
    main = <SectionMenu deck={deck} state={state} rows={fixedRows} cols={cols} theme={theme} />;
  } else if (state.overlay === 'help') {
    main = <Help mode={state.view === 'reading' ? 'reading' : 'slides'} rows={fixedRows} cols={cols} theme={theme} />;
  } else if (state.overlay === 'index') {
    main = <SlideIndex deck={deck} state={state} rows={fixedRows} cols={cols} theme={theme} />;
  } else if (state.view === 'reading') {
    const lines = cache.reading(readWidth).lines.slice(state.readTop, state.readTop + fixedRows);
    main = (
      <Box flexDirection="column" height={fixedRows} paddingLeft={contentWidth(cols).margin} overflow="hidden">
        <Text>{mark(lines).join('\n')}</Text>
      </Box>
    );
  } else {
    main = (
      <PresenterPane
        deck={deck}
        cache={cache}
        theme={theme}
        state={state}
        cols={cols}
        rows={fixedRows}
        slideLines={mark(slideLines).slice(scroll, scroll + bodyRows)}
        margin={margin}
        mark={mark}
        now={now()}
      />
    );
  }

  return (
    // No explicit width: Ink sizes the root to the terminal, so a frame drawn
    // before the new size reaches this component still fits the screen.
    <Box flexDirection="column" height={lay.rows} overflow="hidden">
      {banner ? <Text>{bannerLine(banner, cols, theme)}</Text> : null}
      {props.error ? <Text>{errorBannerLine(props.error, cols, theme)}</Text> : null}
      {main}
      {status}
      {banner ? <Text>{bannerLine(banner, cols, theme)}</Text> : null}
    </Box>
  );
}

function readingPosition(total: number, top: number, rows: number): string {
  const max = Math.max(1, total - rows);
  return `${Math.round((Math.min(top, max) / max) * 100)}%`;
}

/** The briefer's view: the slide, its notes, the next slide, and the time. */
function PresenterPane(props: {
  deck: Deck;
  cache: RenderCache;
  theme: Theme;
  state: State;
  cols: number;
  rows: number;
  slideLines: string[];
  margin: number;
  mark: (lines: string[]) => string[];
  now: number;
}) {
  const { deck, cache, theme, state, cols, rows, slideLines, margin, mark, now } = props;
  const index = Math.min(state.index, deck.slides.length - 1);
  const p = presenterLayout(cols, Math.max(1, rows - 1));
  const side = Math.max(10, p.sideCols - 2);
  const notes = mark(cache.notesOf(index, side));
  const next = deck.slides[index + 1];
  const nextTitle = next ? `Next: ${index + 2}/${deck.slides.length}  ${next.title || '(untitled)'}` : 'Next: end of the deck';
  const preview = next && p.nextRows > 2 ? cache.slide(next.index, side, 0).slice(0, p.nextRows - 2) : [];

  const plan: Plan = {
    minutes: deck.meta.duration,
    sections: deck.sections.map((s) => ({ first: s.first, last: s.last, minutes: s.minutes })),
  };
  const spent = elapsed(state.timer, now);
  const pc = pace(plan, index, spent);
  const budgets = sectionBudgets(plan);
  const sIndex = sectionOf(state, index);
  const timing = timingLine(
    {
      elapsed: spent,
      running: state.timer.running,
      started: state.timer.started,
      clock: wallClock(new Date(now)),
      remaining: pc?.remaining,
      ahead: pc?.ahead,
      section: budgets
        ? { title: deck.sections[sIndex].title || 'start', spent: spent - state.sectionEntry, budget: budgets[sIndex] }
        : undefined,
    },
    cols,
    theme,
    clock,
  );

  const nextBlock = (
    <Box flexDirection="column" height={p.nextRows} overflow="hidden">
      <Text>{theme.notesLabel(' ' + truncate(nextTitle, Math.max(1, p.sideCols - 2)) + ' ')}</Text>
      {preview.length ? <Text>{theme.muted(preview.map((l) => ' ' + l.replace(/\u001b\[[0-9;]*m/g, '')).join('\n'))}</Text> : null}
    </Box>
  );
  if (p.wide) {
    return (
      <Box flexDirection="column" height={rows}>
        <Box flexDirection="row" height={rows - 1}>
          <Box flexDirection="column" width={p.slideCols} height={rows - 1} overflow="hidden">
            <Text>{slideAreaLines(slideLines, rows - 1, margin, false).join('\n')}</Text>
          </Box>
          <Box width={1} height={rows - 1} marginX={1}>
            <Text>{theme.rule(Array.from({ length: rows - 1 }, () => '│').join('\n'))}</Text>
          </Box>
          <Box flexDirection="column" width={p.sideCols} height={rows - 1} overflow="hidden">
            <Text>{notesPaneLines(notes, p.notesRows, 1, p.sideCols, theme, state.notesScroll).join('\n')}</Text>
            {nextBlock}
          </Box>
        </Box>
        <Text>{timing}</Text>
      </Box>
    );
  }
  return (
    <Box flexDirection="column" height={rows}>
      <Text>
        {[
          ...slideAreaLines(slideLines, p.slideRows, margin, false),
          ...notesPaneLines(notes, p.notesRows, margin, cols, theme, state.notesScroll),
        ].join('\n')}
      </Text>
      {nextBlock}
      <Text>{timing}</Text>
    </Box>
  );
}
