/**
 * The presenter for a dumb terminal (TERM=dumb: no cursor addressing, no
 * alternate screen, no colour): one slide at a time as plain text, the same
 * text as the piped output gives for that slide, then a prompt line; the
 * answer is read as a line, in the terminal's own line mode (no raw input).
 * Whole slides with their notes: no reveal steps, views, link or watching.
 */
import { createInterface } from 'node:readline';
import { mainCount } from '../deck/backup.js';
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

/** The prompt after slide `index` (0-based) of `count`, `main` of them before the backup slides. */
export function linePrompt(index: number, count: number, main = count): string {
  const backup = index >= main;
  const place = backup ? `backup ${index - main + 1}/${count - main}` : `slide ${index + 1}/${main}`;
  const last = index === (backup ? count : main) - 1;
  const go = main < count ? 'number or b+number+Enter go to' : 'number+Enter go to';
  return last
    ? `-- ${place}, the last -- Enter or q quit, p previous, ${go}: `
    : `-- ${place} -- Enter next, p previous, q quit, ${go}: `;
}

/** Present `deck` line by line until q, Enter on the last slide, or the end of input. */
export async function presentLines(deck: Deck, o: LinePresenterOptions): Promise<void> {
  const count = deck.slides.length;
  const main = mainCount(deck);
  const write = (s: string) => o.output.write(s);
  let index = 0;
  const show = () => write(renderPlainSlide(deck, deck.slides[index], o.width, o.md, o.theme, main).join('\n') + '\n\n');
  show();
  write(linePrompt(index, count, main));
  const lines = createInterface({ input: o.input, terminal: false, crlfDelay: Infinity });
  let ended = true;
  for await (const line of lines) {
    const answer = line.trim().toLowerCase();
    if (answer === 'q' || answer === 'quit') {
      ended = false;
      break;
    }
    const backupNumber = /^b(\d+)$/.exec(answer);
    if (answer === '' || answer === 'n') {
      // The last main slide is the end: backup slides are reached by b and their number.
      if (index === count - 1 || index === main - 1) {
        ended = false;
        break;
      }
      index++;
      show();
    } else if (answer === 'p') {
      if (index === 0 || index === main) write(`(this is the first ${index ? 'backup ' : ''}slide)\n`);
      else {
        index--;
        show();
      }
    } else if (/^\d+$/.test(answer) && Number(answer) >= 1 && Number(answer) <= main) {
      index = Number(answer) - 1;
      show();
    } else if (backupNumber && Number(backupNumber[1]) >= 1 && Number(backupNumber[1]) <= count - main) {
      index = main + Number(backupNumber[1]) - 1;
      show();
    } else {
      const backups = main < count ? `, or b1 to b${count - main}` : '';
      write(`(type Enter, p, q or a slide number from 1 to ${main}${backups})\n`);
    }
    write(linePrompt(index, count, main));
  }
  lines.close();
  // The input ended (Ctrl-D) after a prompt: end its line.
  if (ended) write('\n');
}
