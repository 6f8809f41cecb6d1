/**
 * The pictures of the slides being shown: each file read and decoded once,
 * after the screen that first needs it is painted (its slide's text is on
 * the terminal at once, its pictures as soon as they are ready), and kept
 * fitted to each size asked for, so paging back and forth decodes nothing
 * again. Decoders load on the first picture.
 */
import type { Slide } from '../deck/types.js';
import type { Rgba } from '../render/images/decode.js';
import { halfBlockLines, type BlockLevel } from '../render/images/blocks.js';
import type { Picture, PictureLookup } from '../render/images/place.js';
import { imagesIn, isRemote, type ImageRef } from '../render/images/refs.js';
import { fitImage } from '../render/images/scale.js';
import { readImageBytes, resolveImagePath } from '../io/images.js';

/** How pictures are drawn: half blocks at a colour level, or not at all (their labels stay). */
export type PictureMode = { kind: 'blocks'; level: BlockLevel } | { kind: 'none' };

type Entry = { state: 'loading' } | { state: 'ready'; image: Rgba } | { state: 'failed'; reason: string };

/** Decoded pictures kept at full size (the most recently used); fitted ones are kept apart. */
const DECODED_KEPT = 4;
const FITTED_KEPT = 64;

/** The slides' pictures for the painter: what each is at a size, and a call when one becomes ready. */
export interface SlidePictures {
  refs(slide: Slide): readonly ImageRef[];
  lookup(slide: Slide): PictureLookup;
}

export class PictureStore implements SlidePictures {
  private entries = new Map<string, Entry>();
  private fitted = new Map<string, Picture>();
  private refsBySlide = new WeakMap<Slide, readonly ImageRef[]>();
  private queue: string[] = [];
  private scheduled = false;
  /** Told when a picture has been read (ready or not): the screen showing it can be drawn again. */
  onReady: () => void = () => {};

  constructor(
    readonly mode: PictureMode,
    private readonly read = readImageBytes,
  ) {}

  refs(slide: Slide): readonly ImageRef[] {
    let refs = this.refsBySlide.get(slide);
    if (!refs) {
      refs = this.mode.kind === 'none' ? [] : imagesIn(slide.body);
      this.refsBySlide.set(slide, refs);
    }
    return refs;
  }

  lookup(slide: Slide): PictureLookup {
    return (ref, cols, rows) => {
      if (isRemote(ref.href)) return { kind: 'failed', reason: 'not shown (not a local file)' };
      const path = resolveImagePath(ref.href, slide.source.path);
      const fitted = this.fitted.get(`${cols}x${rows}:${path}`);
      if (fitted) return fitted;
      const entry = this.entries.get(path);
      if (!entry) {
        this.load(path);
        return { kind: 'pending' };
      }
      if (entry.state === 'loading') return { kind: 'pending' };
      if (entry.state === 'failed') return { kind: 'failed', reason: entry.reason };
      // Most recently used last.
      this.entries.delete(path);
      this.entries.set(path, entry);
      return this.fit(path, entry.image, cols, rows);
    };
  }

  /** Whether every picture asked for so far has been read. */
  get idle(): boolean {
    return this.queue.length === 0 && !this.scheduled;
  }

  private fit(path: string, image: Rgba, cols: number, rows: number): Picture {
    const key = `${cols}x${rows}:${path}`;
    let pic = this.fitted.get(key);
    if (!pic) {
      const mode = this.mode;
      if (mode.kind === 'none') return { kind: 'pending' };
      pic = { kind: 'lines', lines: halfBlockLines(fitImage(image, cols, rows, 2), mode.level) };
      this.fitted.set(key, pic);
      if (this.fitted.size > FITTED_KEPT) this.fitted.delete(this.fitted.keys().next().value!);
    }
    return pic;
  }

  private load(path: string): void {
    this.entries.set(path, { state: 'loading' });
    this.queue.push(path);
    if (this.scheduled) return;
    this.scheduled = true;
    // After the paint that asked: the slide's text is on the screen first.
    setImmediate(() => void this.drain());
  }

  private async drain(): Promise<void> {
    const { decodeImage } = await import('../render/images/decode.js');
    while (this.queue.length) {
      const path = this.queue.shift()!;
      const file = this.read(path);
      const decoded = 'error' in file ? file : decodeImage(file.bytes);
      this.entries.set(path, 'error' in decoded ? { state: 'failed', reason: decoded.error } : { state: 'ready', image: decoded.image });
      this.forgetOld();
      // One picture at a time: keys pressed meanwhile are read between them.
      await new Promise((r) => setImmediate(r));
      this.onReady();
    }
    this.scheduled = false;
  }

  /** Only the most recent decoded pictures stay; older ones are read again if shown again at a new size. */
  private forgetOld(): void {
    const ready = [...this.entries].filter(([, e]) => e.state === 'ready');
    for (const [path] of ready.slice(0, Math.max(0, ready.length - DECODED_KEPT))) this.entries.delete(path);
  }
}
