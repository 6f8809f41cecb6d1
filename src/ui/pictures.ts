/**
 * The pictures of the slides being shown: each file read and decoded once,
 * after the screen that first needs it is painted (its slide's text is on
 * the terminal at once, its pictures as soon as they are ready), and kept
 * fitted to each size asked for, so paging back and forth decodes nothing
 * again. Decoders load on the first picture.
 */
import { createRequire } from 'node:module';
import type { Slide } from '../deck/types.js';
import type { Rgba } from '../render/images/decode.js';
import { halfBlockLines, type BlockLevel } from '../render/images/blocks.js';
import type { Picture, PictureLookup } from '../render/images/place.js';
import { imagesIn, isRemote, type ImageRef } from '../render/images/refs.js';
import { fitImage, fitSize, scaleImage } from '../render/images/scale.js';
import { readImageBytes, resolveImagePath } from '../io/images.js';
import type { CellPixels } from './termquery.js';

/**
 * How pictures are drawn: half blocks at a colour level, a graphics protocol
 * (`tmux`: wrapped for tmux's passthrough, kitty's then drawn by Unicode
 * placeholders, render/images/placeholders.ts; `cell`: the pixels of a cell, as
 * the terminal told them, else CELL_PIXELS), or not at all (their labels stay).
 */
export type PictureMode = { kind: 'blocks' | GraphicsProtocol; level: BlockLevel; tmux?: boolean; cell?: CellPixels } | { kind: 'none' };

export type GraphicsProtocol = 'kitty' | 'iterm2' | 'sixel';

/**
 * What draws a picture of a graphics protocol: one sequence written at its
 * place, or (kitty's placeholders) rows of text written one under the other,
 * the first sending the image, with what deletes the image when it goes.
 */
export type Drawing = string | { rows: readonly string[]; remove: string };

/**
 * The pixels one cell is taken to have when the terminal did not say (see
 * termquery.ts `cellPixels`): what a picture is sent at (kitty and iTerm2
 * fit it to its cells; sixel draws it so).
 */
export const CELL_PIXELS: CellPixels = { width: 8, height: 16 };

type Entry = { state: 'loading' } | { state: 'ready'; image: Rgba } | { state: 'failed'; reason: string };

/** Decoded pictures kept at full size (the most recently used); fitted ones are kept apart. */
const DECODED_KEPT = 1;
const FITTED_KEPT = 64;

/** The slides' pictures for the painters: what each is at a size (`blocks`: half blocks, whatever the protocol). */
export interface SlidePictures {
  refs(slide: Slide): readonly ImageRef[];
  lookup(slide: Slide, blocks?: boolean): PictureLookup;
}

export class PictureStore implements SlidePictures {
  private entries = new Map<string, Entry>();
  private fitted = new Map<string, Picture>();
  /** What draws each picture of a graphics protocol, by key. */
  private sequences = new Map<string, Drawing>();
  /** The next kitty image id for placeholders: 24-bit from a random start, or 16–255 in 256 colours. */
  private nextId = 0;
  /** The encoders of the graphics protocols, loaded with the decoders (never at start-up). */
  private encoders: Protocols | null = null;
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

  lookup(slide: Slide, blocks = false): PictureLookup {
    return (ref, cols, rows) => {
      if (isRemote(ref.href)) return { kind: 'failed', reason: 'not shown (not a local file)' };
      const path = resolveImagePath(ref.href, slide.source.path);
      const fitted = this.fitted.get(this.key(path, cols, rows, blocks));
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
      return this.fit(path, entry.image, cols, rows, blocks);
    };
  }

  private key(path: string, cols: number, rows: number, blocks: boolean): string {
    return `${blocks && this.protocol ? 'blocks:' : ''}${cols}x${rows}:${path}`;
  }

  /** Forget every picture read (the deck was read again: its pictures may have changed too). */
  forget(): void {
    for (const [path, e] of this.entries) if (e.state !== 'loading') this.entries.delete(path);
    this.fitted.clear();
    this.sequences.clear();
  }

  /** What draws a picture placed by a graphics protocol. */
  sequence(key: string): Drawing | undefined {
    return this.sequences.get(key);
  }

  /** The graphics protocol pictures are drawn with, if any. */
  get protocol(): GraphicsProtocol | null {
    const k = this.mode.kind;
    return k === 'kitty' || k === 'iterm2' || k === 'sixel' ? k : null;
  }

  /** Whether every picture asked for so far has been read. */
  get idle(): boolean {
    return this.queue.length === 0 && !this.scheduled;
  }

  private fit(path: string, image: Rgba, cols: number, rows: number, blocks: boolean): Picture {
    const key = this.key(path, cols, rows, blocks);
    let pic = this.fitted.get(key);
    if (!pic) {
      const mode = this.mode;
      if (mode.kind === 'none') return { kind: 'pending' };
      if (mode.kind === 'blocks' || blocks) {
        pic = { kind: 'lines', lines: halfBlockLines(fitImage(image, cols, rows, 2), mode.level) };
      } else {
        // The pixels it gets in the area (never more than it has), then the cells they cover.
        const { width: cw, height: ch } = mode.cell ?? CELL_PIXELS;
        const placeholders = mode.kind === 'kitty' && mode.tmux === true;
        const most = placeholders ? this.encoders!.MAX_PLACEHOLDER_CELLS : Infinity;
        const px = fitSize(image.width, image.height, Math.min(cols, most) * cw, Math.min(rows, most) * ch, 1);
        const box = { cols: Math.min(cols, Math.ceil(px.width / cw)), rows: Math.min(rows, Math.ceil(px.height / ch)) };
        const scaled = scaleImage(image, px.width, px.height);
        if (placeholders) this.sequences.set(key, this.placeholders(scaled, box.cols, box.rows, mode.level));
        else {
          const seq = graphicsSequence(this.encoders!, mode.kind, scaled, box.cols, box.rows);
          // Inside tmux, passed through it to the terminal outside.
          this.sequences.set(key, mode.tmux ? this.encoders!.tmuxPassthrough(seq) : seq);
        }
        pic = { kind: 'graphic', cols: box.cols, rows: box.rows, key };
      }
      this.fitted.set(key, pic);
      if (this.fitted.size > FITTED_KEPT) {
        const old = this.fitted.keys().next().value!;
        this.fitted.delete(old);
        this.sequences.delete(old);
      }
    }
    return pic;
  }

  /** kitty inside tmux: the image sent through tmux with a virtual placement, then drawn as placeholder cells. */
  private placeholders(img: Rgba, cols: number, rows: number, level: BlockLevel): Drawing {
    const p = this.encoders!;
    if (this.nextId === 0) this.nextId = level >= 3 ? 0x10000 + Math.floor(Math.random() * 0xe00000) : 16;
    const id = this.nextId;
    this.nextId = level >= 3 ? id + 1 : id >= 255 ? 16 : id + 1;
    const lines = p.placeholderRows(id, cols, rows, level);
    lines[0] = p.tmuxPassthrough(p.kittyVirtualSequence(img, id, cols, rows)) + lines[0];
    return { rows: lines, remove: p.tmuxPassthrough(p.kittyDeleteImage(id)) };
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
    const { decodeImage, pngOf } = await import('../render/images/decode.js');
    if (this.protocol) {
      const [protocols, placeholders] = await Promise.all([import('../render/images/protocols.js'), import('../render/images/placeholders.js')]);
      this.encoders ??= { ...protocols, ...placeholders, pngOf };
    }
    while (this.queue.length) {
      const path = this.queue.shift()!;
      // Room first: only the newest decoded pictures stay, this one counted.
      if (this.forgetOld(DECODED_KEPT - 1)) collectGarbage();
      const file = this.read(path);
      const decoded = 'error' in file ? file : decodeImage(file.bytes);
      this.entries.set(path, 'error' in decoded ? { state: 'failed', reason: decoded.error } : { state: 'ready', image: decoded.image });
      this.forgetOld();
      // A decoder leaves several picture-sized buffers behind, held until a
      // collection that would otherwise come only tens of megabytes later.
      collectGarbage();
      // One picture at a time: keys pressed meanwhile are read between them.
      await new Promise((r) => setImmediate(r));
      this.onReady();
    }
    this.scheduled = false;
  }

  /** Only the most recent decoded pictures stay; older ones are read again if shown again at a new size. */
  private forgetOld(kept = DECODED_KEPT): boolean {
    const ready = [...this.entries].filter(([, e]) => e.state === 'ready');
    const old = ready.slice(0, Math.max(0, ready.length - kept));
    for (const [path] of old) this.entries.delete(path);
    return old.length > 0;
  }
}

let gc: (() => void) | null | undefined;

/**
 * A full garbage collection, through V8's `gc` (exposed once, on first use,
 * in a context of its own: the program's flags are not changed for it).
 */
function collectGarbage(): void {
  if (gc === undefined) {
    try {
      const require = createRequire(import.meta.url);
      (require('node:v8') as typeof import('node:v8')).setFlagsFromString('--expose-gc');
      gc = (require('node:vm') as typeof import('node:vm')).runInNewContext('gc') as () => void;
    } catch {
      gc = null;
    }
  }
  gc?.();
}

type Protocols = typeof import('../render/images/protocols.js') &
  typeof import('../render/images/placeholders.js') & { pngOf: typeof import('../render/images/decode.js').pngOf };

function graphicsSequence(p: Protocols, protocol: GraphicsProtocol, img: Rgba, cols: number, rows: number): string {
  if (protocol === 'kitty') return p.kittySequence(img, cols, rows);
  if (protocol === 'iterm2') return p.iterm2Sequence(p.pngOf(img), cols, rows);
  return p.sixelSequence(img);
}
