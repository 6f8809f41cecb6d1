/**
 * The slides view without Ink. A briefer mostly steps through slides: that
 * view is one pure function of the state (slidesViewScreen), so it needs
 * neither React nor the layout engine, which together hold about a third of
 * the presenter's memory and run on every key. This runs it: keys from the
 * terminal (named as Ink names them, rawkeys.ts) go through the reducer, with
 * the key context the Ink container would give (geometry.ts), and each new
 * state's screen is written at once.
 *
 * When a key leads to anything else (menu, help, index, presenter, reading)
 * or the terminal is too small, the view ends and hands its state to the Ink
 * interface, which carries on from there.
 */
import type { RenderCache } from '../render/slide.js';
import type { Deck } from '../deck/types.js';
import type { Theme } from '../render/theme.js';
import { reducer, type State } from '../state/reducer.js';
import { LinkEcho, type Link, type LinkStatus } from '../state/sync.js';
import { paintScreen, slidesViewScreen, slidesViewState } from './frame.js';
import { geometry, keyContext, linkText, readingDoc, renderNeighbours, shapeOf } from './geometry.js';
import { layout } from './layout.js';
import { KeyReader } from './rawkeys.js';

/** What is on screen: the last deck that parsed, and the error of a newer one that did not. */
export interface Shown {
  deck: Deck;
  cache: RenderCache;
  error?: string;
  /** Bumped by every reload, with the slide to show (-1: stay). */
  reload: { version: number; index: number };
}

export interface LightOptions {
  shown: () => Shown;
  theme: Theme;
  state: State;
  link?: Link;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  now: () => number;
  /** The watch setting, now and whenever it changes. */
  onWatch: (on: boolean) => void;
  /** The state's screen as it is on the terminal already (painted before this view loaded). */
  painted?: string[];
}

/** How the view ended: the user quit, or the Ink interface takes over from this state. */
export type LightEnd = { quit: true } | { quit: false; state: State };

export class LightView {
  private state: State;
  private readonly reader: KeyReader;
  private linkStatus: LinkStatus = 'alone';
  private readonly echo = new LinkEcho();
  private readonly offs: (() => void)[] = [];
  private reloads: number;
  private warm: NodeJS.Timeout | undefined;
  private finish: ((end: LightEnd) => void) | null = null;
  /** The screen as last painted, and at which size: a new frame writes only the lines that differ. */
  private last: { lines: string[]; cols: number; rows: number } | null = null;
  private readonly onResize = () => this.show();

  constructor(private readonly o: LightOptions) {
    this.state = o.state;
    this.reloads = o.shown().reload.version;
    this.reader = new KeyReader(o.stdin, (names) => this.keys(names));
  }

  /** Run until the user quits or the view needs Ink. */
  run(): Promise<LightEnd> {
    return new Promise((resolve) => {
      this.finish = resolve;
      if (!this.fits()) return this.end({ quit: false, state: this.state });
      const { link } = this.o;
      this.reader.start();
      this.o.stdout.on('resize', this.onResize);
      if (link) {
        this.offs.push(
          link.onStatus((s) => {
            const changed = s !== this.linkStatus;
            this.linkStatus = s;
            if (changed && this.finish) this.show();
          }),
          link.onRemote((pos) => {
            this.echo.received(pos);
            this.update(reducer(this.state, { type: 'remote', index: pos.index, step: pos.step, now: this.o.now() }));
          }),
        );
        link.moved({ index: this.state.index, step: this.state.step });
      }
      this.o.onWatch(this.state.watch);
      if (this.o.painted) {
        this.last = { lines: this.o.painted, ...this.size() };
        this.prepareNeighbours();
      } else {
        this.show();
      }
    });
  }

  /** The deck was read again (or failed to): show what is now shown. */
  refresh(): void {
    if (!this.finish) return;
    const shown = this.o.shown();
    const before = this.state;
    if (shown.reload.version !== this.reloads) {
      this.reloads = shown.reload.version;
      this.update(reducer(this.state, { type: 'reload', deck: shapeOf(shown.deck), index: shown.reload.index }));
    }
    // The same state over a new deck, or a new error line: still a new screen.
    if (this.state === before) this.show();
  }

  /** Stop reading keys and listening (leaves the terminal as it is). */
  stop(): void {
    this.reader.stop();
    this.o.stdout.off('resize', this.onResize);
    for (const off of this.offs.splice(0)) off();
    if (this.warm) clearTimeout(this.warm);
  }

  private end(end: LightEnd): void {
    const finish = this.finish;
    this.finish = null;
    this.stop();
    finish?.(end);
  }

  private size(): { cols: number; rows: number } {
    return { cols: this.o.stdout.columns || 80, rows: this.o.stdout.rows || 24 };
  }

  private fits(): boolean {
    const { cols, rows } = this.size();
    return !layout(cols, rows, { banner: false, notes: false }).tooSmall;
  }

  private keys(names: string[]): void {
    if (!this.finish) return;
    const { deck, cache, error } = this.o.shown();
    const { cols, rows } = this.size();
    const g = geometry(deck, this.state, cols, rows, error);
    const ctx = keyContext(cache, this.state, g, readingDoc(cache, g.readWidth, g.fixedRows), this.o.now());
    let next = this.state;
    for (const key of names) next = reducer(next, { type: 'key', key, ctx });
    this.update(next);
  }

  private update(next: State): void {
    const before = this.state;
    if (next === before || !this.finish) return;
    this.state = next;
    if (next.watch !== before.watch) this.o.onWatch(next.watch);
    const { link } = this.o;
    if (link && (next.index !== before.index || next.step !== before.step)) {
      const pos = { index: next.index, step: next.step };
      if (this.echo.shouldSend(pos)) link.moved(pos);
    }
    if (next.quit) return this.end({ quit: true });
    this.show();
  }

  /** Draw the state, or hand it to Ink when this view cannot. */
  private show(): void {
    if (!this.finish) return;
    if (!slidesViewState(this.state) || !this.fits()) return this.end({ quit: false, state: this.state });
    const { cols, rows } = this.size();
    const frame = this.frame();
    if (frame) {
      // At a new size the screen is cleared and drawn whole.
      const same = this.last && this.last.cols === cols && this.last.rows === rows;
      const out = paintScreen(frame, { clear: !same, previous: same ? this.last!.lines : undefined });
      if (out) this.o.stdout.write(out);
      this.last = { lines: frame, cols, rows };
    }
    this.prepareNeighbours();
  }

  /** The state's screen at the terminal's size (null when too small). */
  private frame(): string[] | null {
    const { deck, cache, error } = this.o.shown();
    const { cols, rows } = this.size();
    return slidesViewScreen({
      deck,
      cache,
      theme: this.o.theme,
      cols,
      rows,
      state: this.state,
      link: linkText(this.linkStatus, this.o.link),
      error,
    });
  }

  /** While this slide is shown, render the next and the previous, so the next key finds them ready. */
  private prepareNeighbours(): void {
    if (this.warm) clearTimeout(this.warm);
    this.warm = setTimeout(() => {
      this.warm = undefined;
      const { deck, cache, error } = this.o.shown();
      const { cols, rows } = this.size();
      const g = geometry(deck, this.state, cols, rows, error);
      renderNeighbours(cache, deck.slides.length, g.cur, g.width);
    }, 0);
  }
}
