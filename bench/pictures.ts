/**
 * The pictures part of `npm run bench` (bench/startup.ts runs it): decks
 * whose slides each hold a 1,000×1,000 PNG, presented with half blocks.
 *   first text     spawn → the first slide's title on the screen
 *   first picture  spawn → its picture on the screen (half blocks)
 *   next cached    `l` onto a slide whose picture was drawn before (visited,
 *                  then left) → that slide's title and picture on the screen
 *   peak RSS       after paging through ten slides, each its own picture
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PNG } from 'pngjs';
import type { Term } from '../test/helpers/term.js';

export interface PictureSample {
  text: number;
  picture: number;
  nextCached: number;
  rss: number;
}

export interface PictureBenchTools {
  spawn(args: string[]): Term;
  quiet(term: Term, ms?: number): Promise<void>;
  peakRss(pid: number): number;
  timeout: number;
}

const SIZE = 1000;
const SLIDES = 10;

/** A photo-like 1,000×1,000 PNG (gradients with noise: it does not compress to nothing). */
function photo(seed: number): Buffer {
  const png = new PNG({ width: SIZE, height: SIZE });
  let x = seed * 7919 + 1;
  for (let i = 0; i < SIZE * SIZE; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    const px = i % SIZE;
    const py = Math.floor(i / SIZE);
    png.data[i * 4] = (px / 4 + seed * 25 + (x & 15)) & 255;
    png.data[i * 4 + 1] = (py / 4 + ((x >> 4) & 15)) & 255;
    png.data[i * 4 + 2] = ((px + py) / 8 + ((x >> 8) & 15)) & 255;
    png.data[i * 4 + 3] = 255;
  }
  return PNG.sync.write(png);
}

/** The decks' folder: ten pictures and a deck with one on each slide. */
export function pictureDeck(): { dir: string; deck: string } {
  const dir = mkdtempSync(join(tmpdir(), 'bp-bench-pictures-'));
  const slides: string[] = [];
  for (let n = 1; n <= SLIDES; n++) {
    writeFileSync(join(dir, `photo-${n}.png`), photo(n));
    slides.push(`# Picture ${n}\n\n![Photo ${n}](photo-${n}.png)\n`);
  }
  const deck = join(dir, 'pictures.md');
  writeFileSync(deck, slides.join('\n---\n\n'));
  return { dir, deck };
}

export function removePictureDeck(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

const drawn = (title: string) => (screen: string) => screen.includes(title) && screen.includes('▀▀▀▀▀▀▀▀▀▀');

export async function pictureRun(t: PictureBenchTools, cli: string, deck: string): Promise<PictureSample> {
  const t0 = performance.now();
  const term = t.spawn([cli, deck]);
  try {
    await term.waitFor('Picture 1', { timeout: t.timeout });
    const text = performance.now() - t0;
    await term.waitFor(drawn('Picture 1'), { timeout: t.timeout });
    const picture = performance.now() - t0;
    // Slide 2 seen once (its picture decoded and fitted), then back to slide 1.
    await t.quiet(term);
    term.write('l');
    await term.waitFor(drawn('Picture 2'), { timeout: t.timeout });
    term.write('h');
    await term.waitFor(drawn('Picture 1'), { timeout: t.timeout });
    await t.quiet(term);
    const t1 = performance.now();
    term.write('l');
    await term.waitFor(drawn('Picture 2'), { timeout: t.timeout });
    const nextCached = performance.now() - t1;
    for (let n = 3; n <= SLIDES; n++) {
      term.write('l');
      await term.waitFor(drawn(`Picture ${n}`), { timeout: t.timeout });
    }
    await t.quiet(term, 50);
    const rss = t.peakRss(term.pid);
    term.write('q');
    await term.waitForExit({ timeout: t.timeout });
    return { text, picture, nextCached, rss };
  } finally {
    term.dispose();
  }
}
