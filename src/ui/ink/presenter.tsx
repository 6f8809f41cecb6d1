import React from 'react';
import { Box, Text } from 'ink';
import { slideCounter, timingLine } from '../../render/status.js';
import { truncate } from '../../render/wrap.js';
import { clock, pace, sectionBudgets, wallClock, type Plan } from '../../state/pacing.js';
import { elapsed, sectionOf } from '../../state/reducer.js';
import { notesPaneLines, slideAreaLines } from '../frame.js';
import { presenterLayout } from '../../render/layout.js';
import { stripSgr } from '../../render/ansi.js';
import type { Screen } from '../screen.js';

/** The briefer's view: the slide, its notes, the next slide, and the time. */
export function PresenterPane(
  props: Pick<Screen, 'deck' | 'cache' | 'theme' | 'state' | 'cols' | 'rows' | 'now' | 'rehearsed'> & {
    slideLines: string[];
    margin: number;
    mark: (lines: string[]) => string[];
  },
) {
  const { deck, cache, theme, state, cols, rows, slideLines, margin, mark, now, rehearsed } = props;
  const index = Math.min(state.index, deck.slides.length - 1);
  const p = presenterLayout(cols, Math.max(1, rows - 1));
  const side = Math.max(10, p.sideCols - 2);
  const notes = mark(cache.notesOf(index, side));
  // Next never leaves the main slides for the backup slides, nor the other way.
  const main = Math.min(state.main, deck.slides.length);
  const next = index + 1 === main ? undefined : deck.slides[index + 1];
  const position = next ? slideCounter(next.index, deck.slides.length, main) : undefined;
  const upNext = next
    ? `Next: ${next.index >= main ? 'B' : ''}${position!.at + 1}/${position!.of}  ${next.title || '(untitled)'}`
    : index + 1 === main && main < deck.slides.length
      ? 'Next: end of the briefing'
      : 'Next: end of the deck';
  // The presenter sees it whenever the audience screen is blanked.
  const nextTitle = state.blank ? `■ audience blanked · ${upNext}` : upNext;
  const preview = next && p.nextRows > 2 ? cache.slide(next.index, side, 0).slice(0, p.nextRows - 2) : [];

  const plan: Plan = {
    minutes: deck.meta.duration,
    sections: deck.sections.map((s) => ({ first: s.first, last: s.last, minutes: s.minutes, backup: s.backup })),
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
      section: budgets && !deck.sections[sIndex]?.backup
        ? { title: deck.sections[sIndex].title || 'start', spent: spent - state.sectionEntry, budget: budgets[sIndex], last: rehearsed?.[sIndex] }
        : undefined,
    },
    cols,
    theme,
    clock,
  );

  const nextBlock = (
    <Box flexDirection="column" height={p.nextRows} overflow="hidden">
      <Text>{theme.notesLabel(' ' + truncate(nextTitle, Math.max(1, p.sideCols - 2)) + ' ')}</Text>
      {preview.length ? <Text>{theme.muted(preview.map((l) => ' ' + stripSgr(l)).join('\n'))}</Text> : null}
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
