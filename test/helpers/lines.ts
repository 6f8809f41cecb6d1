// The line presenter (TERM=dumb) fed keys through a stream, for tests: what it
// wrote, and each slide as it writes it.
import { PassThrough } from 'node:stream';
import type { Deck } from '../../src/deck/types.js';
import { createMarkdownRenderer } from '../../src/render/markdown.js';
import { renderPlainSlide } from '../../src/render/plain.js';
import { makeTheme } from '../../src/render/theme.js';
import { presentLines } from '../../src/ui/lines.js';

/** Present `deck` a line at a time with `keys` as its input, at `width` columns, without colour. */
export async function presentLinesText(deck: Deck, keys: string, width = 60) {
  const theme = makeTheme(0);
  const md = createMarkdownRenderer(theme);
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (c: Buffer) => (text += c.toString()));
  input.end(keys);
  await presentLines(deck, { input, output, width, md, theme });
  /** Slide `i` as the presenter writes it, before its prompt. */
  const slide = (i: number) => renderPlainSlide(deck, deck.slides[i], width, md, theme).join('\n') + '\n\n';
  return { text, slide };
}
