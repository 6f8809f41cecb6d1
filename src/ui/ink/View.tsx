/**
 * Every view but the plain slides view, drawn by Ink: the section menu, the
 * help, the slide index, the presenter view and the reading view. A pure
 * function of the session's screen: no state, no keys (the session reads
 * them), no effects.
 */
import React from 'react';
import { Box, Text } from 'ink';
import { highlightMatches } from '../../render/highlight.js';
import { contentWidth } from '../../render/slide.js';
import { bannerLine, statusLine } from '../../render/status.js';
import { sectionOf, slideAtLine } from '../../state/reducer.js';
import { errorBannerLine, searchPromptLine, statusHint, statusMessage } from '../frame.js';
import { withPictures } from '../picture-screen.js';
import { readingLines } from '../reading-pictures.js';
import { geometry } from '../geometry.js';
import type { Screen } from '../screen.js';
import { Help, SectionMenu, SlideIndex } from './overlays.js';
import { PresenterPane } from './presenter.js';

export function View(props: Screen) {
  const { deck, cache, theme, state, cols, rows, error, now } = props;
  const g = geometry(deck, state, cols, rows, error);
  const { lay, fixedRows, width, margin, tableWidth, bodyRows, readWidth, pictureRows, cur, curStep } = g;
  const banner = deck.meta.classification;
  const query = state.search.active;
  const mark = (lines: string[]) => (query ? lines.map((l) => highlightMatches(l, query, true, theme.match)) : lines);
  // Pictures as half blocks: Ink draws text only (the reading view's: reading-pictures.ts). Matches are marked first, as in the slides view.
  const text = state.view === 'reading' ? [] : cache.slide(cur, width, curStep, tableWidth);
  const pictures = state.view === 'presenter' ? props.pictures : undefined;
  const slideLines = withPictures(mark(text), deck.slides[cur], width, bodyRows, theme, pictures, true);
  const maxScroll = Math.max(0, slideLines.length - bodyRows);
  const prompt = state.overlay === 'search' ? searchPromptLine(state.search.query, theme) : undefined;
  const scroll = Math.min(state.scroll, maxScroll);
  const slide = deck.slides[cur];
  const readingIndex = state.view === 'reading' && state.fit.doc ? slideAtLine(state.fit.doc(), state.readTop) : cur;
  const section = deck.sections[sectionOf(state, readingIndex)];

  const slides = state.view !== 'reading';
  const hint = statusHint({
    message: statusMessage(state),
    watching: state.watch,
    link: props.link,
    digits: state.digits,
    below: slides && scroll < maxScroll,
    above: slides && scroll > 0,
    step: slides ? { at: curStep, of: slide.steps.length } : undefined,
    position: slides ? undefined : readingPosition(cache.reading(readWidth, pictureRows).lines.length, state.readTop, fixedRows),
  });
  const status =
    prompt !== undefined ? (
      <Text>{prompt}</Text>
    ) : (
      <Text>
        {statusLine(
          { deckTitle: deck.meta.title ?? '', section: section?.title ?? '', index: readingIndex, count: state.count, main: state.main, hint },
          cols,
          theme,
        )}
      </Text>
    );

  let main: React.ReactNode;
  if (state.overlay === 'menu') {
    main = <SectionMenu deck={deck} state={state} rows={fixedRows} cols={cols} theme={theme} />;
  } else if (state.overlay === 'help') {
    const mode = state.view === 'reading' ? 'reading' : 'slides';
    main = <Help mode={mode} preset={state.keys} rows={fixedRows} cols={cols} top={state.helpTop} theme={theme} />;
  } else if (state.overlay === 'index') {
    main = <SlideIndex deck={deck} state={state} rows={fixedRows} cols={cols} theme={theme} />;
  } else if (state.view === 'reading') {
    const doc = cache.reading(readWidth, pictureRows);
    const lines = readingLines(doc, state.readTop, fixedRows, deck, readWidth, pictureRows, theme, props.pictures, mark);
    main = (
      <Box flexDirection="column" height={fixedRows} paddingLeft={contentWidth(cols).margin} overflow="hidden">
        <Text>{lines.join('\n')}</Text>
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
        slideLines={slideLines.slice(scroll, scroll + bodyRows)}
        margin={margin}
        mark={mark}
        now={now}
        rehearsed={props.rehearsed}
      />
    );
  }

  return (
    // No explicit width: Ink sizes the root to the terminal, so a frame drawn
    // before the new size reaches this component still fits the screen.
    <Box flexDirection="column" height={lay.rows} overflow="hidden">
      {banner ? <Text>{bannerLine(banner, cols, theme)}</Text> : null}
      {error ? <Text>{errorBannerLine(error, cols, theme)}</Text> : null}
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
