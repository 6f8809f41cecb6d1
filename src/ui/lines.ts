/**
 * The presenter for a dumb terminal (TERM=dumb: no cursor addressing, no
 * alternate screen, no colour): one slide at a time as plain text, the same
 * text as the piped output gives for that slide, then a prompt line; the
 * answer is read as a line, in the terminal's own line mode (no raw input).
 * Whole slides with their notes: no reveal steps, views, link or watching.
 */
import { createInterface } from 'node:readline';
import type { Deck } from '../deck/types.js';
import type { MarkdownRenderer } from '../render/markdown.js';
import { renderPlainSlide } from '../render/plain.js';
import type { Theme } from '../render/theme.js';

export interface LinePresenterOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Columns to wrap at (as for piped output). */
  width: number;
  md: MarkdownRenderer;
  theme: Theme;
}

/** The prompt after slide `index` (0-based) of `count`. */
export function linePrompt(index: number, count: number): string {
  const last = index === count - 1;
  return last
    ? `-- slide ${index + 1}/${count}, the last -- Enter or q quit, p previous, number+Enter go to: `
    : `-- slide ${index + 1}/${count} -- Enter next, p previous, q quit, number+Enter go to: `;
}

/** Present `deck` line by line until q, Enter on the last slide, or the end of input. */
export async function presentLines(deck: Deck, o: LinePresenterOptions): Promise<void> {
  const count = deck.slides.length;
  const write = (s: string) => o.output.write(s);
  let index = 0;
  const show = () => write(renderPlainSlide(deck, deck.slides[index], o.width, o.md, o.theme).join('\n') + '\n\n');
  show();
  write(linePrompt(index, count));
  const lines = createInterface({ input: o.input, terminal: false, crlfDelay: Infinity });
  let ended = true;
  for await (const line of lines) {
    const answer = line.trim().toLowerCase();
    if (answer === 'q' || answer === 'quit') {
      ended = false;
      break;
    }
    if (answer === '' || answer === 'n') {
      if (index === count - 1) {
        ended = false;
        break;
      }
      index++;
      show();
    } else if (answer === 'p') {
      if (index === 0) write('(this is the first slide)\n');
      else {
        index--;
        show();
      }
    } else if (/^\d+$/.test(answer) && Number(answer) >= 1 && Number(answer) <= count) {
      index = Number(answer) - 1;
      show();
    } else {
      write(`(type Enter, p, q or a slide number from 1 to ${count})\n`);
    }
    write(linePrompt(index, count));
  }
  lines.close();
  // The input ended (Ctrl-D) after a prompt: end its line.
  if (ended) write('\n');
}
