/**
 * The presenting session: the one place that owns the state. Key presses
 * (from the one key reader) become actions for the reducer; after each, the
 * state is measured against the screen (a 'fit' action), so every key of a
 * burst acts on the screen the key before it left. The session echoes moves
 * to the link (not the ones that came from it), reads the deck again when it
 * changes on disk, warms up the next slide, and tells a painter to paint:
 * the direct painter for the plain slides view (and the too-small notice),
 * Ink for every other view. Painters take turns, both ways.
 *
 * No Ink, no React, no file system here: painters, input, the link and the
 * deck's source are handed in (src/ui/present.ts wires the real ones).
 */
import { firstChangedSlide } from '../deck/diff.js';
import type { Deck } from '../deck/types.js';
import type { RenderCache } from '../render/cache.js';
import type { Theme } from '../render/theme.js';
import { reducer, type Action, type State } from '../state/reducer.js';
import { LinkEcho, type Link, type LinkStatus, type Remote } from '../link/sync.js';
import { painterFor, type DeckSource, type KeyInput, type Painter, type PainterKind, type Screen } from './screen.js';
import { FitMeasure, geometry, renderNeighbours, shapeOf } from './geometry.js';
import { blanksHere, linkNotice, linkText, remoteAction, reportFit, tellLink, tellMove } from './linkview.js';

export type { DeckSource, KeyInput, Painter, PainterKind, Screen } from './screen.js';
import { tooSmall } from '../render/layout.js';

export interface SessionOptions {
  deck: Deck;
  cache: RenderCache;
  theme: Theme;
  state: State;
  size(): { cols: number; rows: number };
  now(): number;
  direct: Painter;
  /** The Ink painter, loaded when a view first needs it. */
  ink(): Promise<Painter>;
  /** A render cache for a deck read again. */
  cacheFor(deck: Deck): RenderCache;
  input?: KeyInput;
  source?: DeckSource;
  /** Told of every state the session takes, with its deck and the time (a rehearsal's timings). */
  observe?(state: State, deck: Deck, now: number): void;
  /** Each section's time in the last rehearsal (ms), for the presenter view. */
  rehearsed?: readonly (number | undefined)[];
  pictures?: Screen['pictures'] & { onReady: () => void }; // the screen is painted again as each becomes ready
}

export class Session {
  private state: State;
  private shown: { deck: Deck; cache: RenderCache; error?: string };
  private link: Link | undefined;
  private linkStatus: LinkStatus = 'alone';
  private readonly echo = new LinkEcho();
  private readonly measure = new FitMeasure();
  private readonly offs: (() => void)[] = [];
  private active: PainterKind | null = null;
  private ink: Painter | null = null;
  private inkLoading = false;
  private stopWatch: (() => void) | null = null;
  private readonly reading = { busy: false, again: false };
  private warm: NodeJS.Timeout | undefined;
  private tick: NodeJS.Timeout | undefined;
  private finish: (() => void) | null = null;
  private ended = false;
  /** While what a linked terminal sent is applied: it is not sent back. */
  private remote = false;
  /** While the keys of one read are applied: paint once, after the last. */
  private holding = false;
  private dirty = false;

  constructor(private readonly o: SessionOptions) {
    this.shown = { deck: o.deck, cache: o.cache };
    this.state = this.fitted(o.state);
    o.observe?.(this.state, o.deck, o.now());
    if (o.pictures) o.pictures.onReady = () => this.paint();
  }

  /** The state now (for tests and the link). */
  get current(): State {
    return this.state;
  }

  /** Paint the first screen at once, then run until the user quits. */
  run(): Promise<void> {
    const done = new Promise<void>((resolve) => (this.finish = resolve));
    this.paint();
    this.setWatch(this.state.watch);
    this.o.input?.start((names) => this.keys(names));
    return done;
  }

  /** Keep in step with other terminals through `link` from now on. */
  join(link: Link): void {
    if (this.ended) return;
    this.link = link;
    this.offs.push(
      link.onStatus((s) => {
        if (s === this.linkStatus) return;
        this.linkStatus = s;
        const as = s !== 'linked' ? 'none' : link.role === 'presenter' ? 'presenter' : 'audience';
        if (as !== this.state.linked) this.apply({ type: 'linked', as });
        else this.paint();
      }),
      link.onRemote((r) => this.fromLink(r)),
    );
    link.moved({ index: this.state.index, step: this.state.step, page: this.state.page });
    this.paint(); // what the link's status line says from the start (a follower waits for the presenter)
  }

  /** What a linked terminal sent: applied here, never sent back (but a presenter reports where an asked move took it). */
  private fromLink(r: Remote): void {
    const now = this.o.now();
    this.remote = true;
    try {
      if (r.type === 'nav') this.echo.received(r.pos);
      this.apply(remoteAction(r, now));
    } finally {
      this.remote = false;
    }
  }

  /** Key presses (those of one read), named as the key table names them. */
  keys(names: string[]): void {
    const start = this.state;
    this.holding = true;
    try {
      for (const key of names) {
        if (this.ended) return;
        const { cols, rows } = this.o.size();
        // While the terminal is too small, nothing moves unseen: only quitting acts.
        if (tooSmall(cols, rows)) {
          if (key === 'q' || key === 'ctrl+c') this.end();
          continue;
        }
        this.apply({ type: 'key', key, now: this.o.now() });
      }
    } finally {
      this.holding = false;
    }
    // Linked terminals hear one move per read: where its last key left (only the latest position matters).
    if (this.link && !this.ended) tellMove(this.link, this.echo, start, this.state, this.o.size());
    if (this.dirty) this.paint();
  }

  /** The terminal changed size. */
  resize(): void {
    if (this.ended) return;
    this.state = this.fitted(this.state);
    if (this.link) reportFit(this.link, this.state, this.o.size());
    this.paint();
  }

  /**
   * The screen was lost (the program was stopped and the terminal used
   * meanwhile): draw it whole again, with whichever painter, at its size now.
   */
  redraw(): void {
    if (this.ended) return;
    this.ink?.release();
    this.o.direct.release();
    this.active = null;
    this.resize();
  }

  /** Stop everything (the terminal is being given back). */
  stop(): void {
    if (this.ended) return;
    this.ended = true;
    this.o.input?.stop();
    for (const off of this.offs.splice(0)) off();
    this.stopWatch?.();
    this.stopWatch = null;
    clearTimeout(this.warm);
    clearInterval(this.tick);
    this.ink?.release();
  }

  private end(): void {
    this.stop();
    this.finish?.();
  }

  private apply(action: Action): void {
    this.update(this.fitted(reducer(this.state, action)));
  }

  /** The state with its fit measured on the screen it would show. */
  private fitted(state: State): State {
    const { deck, cache, error } = this.shown;
    const { cols, rows } = this.o.size();
    return reducer(state, { type: 'fit', fit: this.measure.measure(deck, cache, state, cols, rows, error) });
  }

  private update(next: State): void {
    const before = this.state;
    if (next === before || this.ended) return;
    this.state = next;
    this.o.observe?.(next, this.shown.deck, this.o.now());
    if (next.reloads !== before.reloads) void this.reload();
    if (next.watch !== before.watch) {
      this.setWatch(next.watch);
      // Edits made while watching was off are read now.
      if (next.watch) void this.reload();
    }
    if (this.link) tellLink(this.link, this.echo, before, next, this.remote, this.o.now(), this.o.size(), this.holding);
    if (next.quit) return this.end();
    if (this.holding) this.dirty = true;
    else this.paint();
  }

  private screen(): Screen {
    const { cols, rows } = this.o.size();
    const { deck, cache, error } = this.shown;
    const link = linkText(this.linkStatus, this.link, this.state);
    const blanked = blanksHere(this.state, this.linkStatus, this.link);
    const notice = linkNotice(this.linkStatus, this.link);
    return { deck, cache, theme: this.o.theme, state: this.state, cols, rows, link, error, now: this.o.now(), rehearsed: this.o.rehearsed, blanked, notice, pictures: this.o.pictures };
  }

  /** Draw the state with the painter for it; the other one, if it was drawing, stands down. */
  private paint(): void {
    this.dirty = false;
    if (this.ended) return;
    const screen = this.screen();
    const kind = painterFor(this.state, screen.cols, screen.rows, screen.blanked || !!screen.notice);
    if (kind === 'ink' && !this.ink) return this.loadInk();
    if (this.active && this.active !== kind) (this.active === 'ink' ? this.ink : this.o.direct)?.release();
    this.active = kind;
    (kind === 'ink' ? this.ink! : this.o.direct).paint(screen);
    this.clock();
    if (kind === 'direct') this.prepareNeighbours();
  }

  private loadInk(): void {
    if (this.inkLoading) return;
    this.inkLoading = true;
    this.o.ink().then((painter) => {
      this.ink = painter;
      this.paint();
    });
  }

  /** The presenter view shows the time: draw it again every second while it is open. */
  private clock(): void {
    const ticking = this.state.view === 'presenter';
    if (ticking && !this.tick) this.tick = setInterval(() => this.paint(), 1000);
    if (!ticking && this.tick) {
      clearInterval(this.tick);
      this.tick = undefined;
    }
  }

  /** While a slide is shown, render the next and the previous, so the next key finds them ready. */
  private prepareNeighbours(): void {
    clearTimeout(this.warm);
    this.warm = setTimeout(() => {
      const { deck, cache, error } = this.shown;
      const { cols, rows } = this.o.size();
      const g = geometry(deck, this.state, cols, rows, error);
      if (!g.lay.tooSmall) renderNeighbours(cache, deck.slides.length, g.cur, g.width);
    }, 0);
  }

  private setWatch(on: boolean): void {
    const source = this.o.source;
    if (on && !this.stopWatch && source) this.stopWatch = source.watch(() => void this.reload());
    else if (!on && this.stopWatch) {
      this.stopWatch();
      this.stopWatch = null;
    }
  }

  /** Read the deck again: one read at a time, and a change during a read is read once it ends. */
  private async reload(): Promise<void> {
    const source = this.o.source;
    if (!source || this.ended) return;
    if (this.reading.busy) {
      this.reading.again = true;
      return;
    }
    this.reading.busy = true;
    let index = -1;
    let next: Deck | null = null;
    try {
      next = await source.load();
      index = firstChangedSlide(this.shown.deck, next);
      this.shown = { deck: next, cache: this.o.cacheFor(next) };
    } catch (err) {
      this.shown = { ...this.shown, error: err instanceof Error ? err.message : String(err) };
    }
    const again = this.reading.again;
    this.reading.busy = this.reading.again = false;
    if (this.ended) return;
    const before = this.state;
    if (next) this.apply({ type: 'reload', deck: shapeOf(next), index });
    // A new deck, or a new error line: a new screen, even when the state stays as it was.
    if (this.state === before) this.resize();
    if (again) void this.reload();
  }
}
