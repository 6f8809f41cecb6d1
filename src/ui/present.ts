import type { Deck } from '../deck/types.js';
import type { MarkdownRenderer } from '../render/markdown.js';
import { RenderCache } from '../render/cache.js';
import type { Theme } from '../render/theme.js';
import { deckFingerprint, openLink } from '../link/socket.js';
import { watchDeck } from '../io/watch.js';
import { initialState, type State } from '../state/reducer.js';
import type { Role } from '../link/protocol.js';
import { DirectPainter } from './direct.js';
import { PictureStore, type PictureMode } from './pictures.js';
import { presenterMarkdown } from './frame.js';
import { shapeOf } from './geometry.js';
import { KeyReader } from './keyreader.js';
import { Session } from './session.js';
import { TerminalGuard } from './terminal.js';

export interface PresentOptions {
  /** Where to start: the view, slide and watch setting (by default the first slide of the slides view). */
  state?: State;
  /** Join the channel that keeps this terminal in step with others. */
  link?: { channel: string; role: Role; takeover?: boolean; dir?: string; path?: string };
  /** The deck's files, and how to read them again, for watching. */
  source?: { path: string; folder: boolean; load: () => Promise<Deck> };
  /** The renderer for slides (by default the presenter's). */
  md?: MarkdownRenderer;
  guard?: TerminalGuard;
  /**
   * Where keys come from (by default standard input): the terminal opened
   * as /dev/tty when standard input brought the deck. The guard must put
   * this same stream in raw mode.
   */
  input?: NodeJS.ReadStream;
  /** Called once the first screen is on the terminal. */
  onPainted?: () => void;
  /** Record a rehearsal: told of every state, finished once the terminal is given back, however it ends. */
  rehearsal?: { observe(state: State, deck: Deck, now: number): void; finish(): void };
  /** Each section's time in the last rehearsal (ms), for the presenter view. */
  rehearsed?: readonly (number | undefined)[];
  /** Slide titles at twice the size: the terminal draws kitty's text sizing (ui/textsize.ts). */
  bigTitles?: boolean;
  /** How the slides' pictures are drawn (by default they stay labels). */
  pictures?: PictureMode;
}

/**
 * Present a deck full-screen until the user quits; the terminal is restored
 * however it ends. The first screen is painted at once; the link between
 * terminals and the file watcher start after it, and Ink loads only when a
 * view needs it (src/ui/session.ts).
 */
export async function present(deck: Deck, theme: Theme, options: PresentOptions = {}): Promise<void> {
  const md = options.md ?? presenterMarkdown(theme);
  const input = options.input ?? process.stdin;
  const guard = options.guard ?? new TerminalGuard(1, input);
  const stdout = process.stdout;
  guard.enter();
  const pictures = options.pictures ? new PictureStore(options.pictures) : undefined;
  // The reading document keeps room for pictures that are drawn.
  const drawn = Boolean(pictures && pictures.mode.kind !== 'none');
  const session = new Session({
    deck,
    cache: new RenderCache(deck, md, theme, drawn),
    theme,
    state: options.state ?? initialState(shapeOf(deck)),
    size: () => ({ cols: stdout.columns || 80, rows: stdout.rows || 24 }),
    now: Date.now,
    direct: new DirectPainter(stdout, options.bigTitles, pictures),
    pictures,
    ink: async () => (await import('./ink/painter.js')).inkPainter(stdout),
    // A deck read again: a picture saved with it is read again too.
    cacheFor: (next) => (pictures?.forget(), new RenderCache(next, md, theme, drawn)),
    input: keyInput(input),
    observe: options.rehearsal && ((state, shown, now) => options.rehearsal!.observe(state, shown, now)),
    rehearsed: options.rehearsed,
    source: options.source && {
      load: options.source.load,
      watch: (onChange) => watchDeck(options.source!.path, options.source!.folder, onChange),
    },
  });
  const done = session.run();
  options.onPainted?.();

  // The link starts once the first screen is up.
  const link = options.link
    ? openLink({ ...options.link, deckId: linkFingerprint(deck) })
    : undefined;
  if (link) session.join(link);
  // Also on process exit (a signal ends the program through it): the rehearsal is finished after the terminal is back.
  const restore = () => {
    session.stop();
    link?.close();
    guard.restore();
    options.rehearsal?.finish();
  };
  process.on('exit', restore);
  // Signals end the program through the guard, which stops the session first.
  guard.beforeExit = () => {
    session.stop();
    link?.close();
  };
  // Continued after a stop: the terminal is taken again, and the screen drawn whole.
  guard.onResume = () => session.redraw();
  const onResize = () => session.resize();
  stdout.on('resize', onResize);
  // The terminal went away without a hangup signal: leave as if it had sent one.
  const onGone = () => guard.exit('SIGHUP');
  input.once('end', onGone);
  try {
    await done;
  } finally {
    stdout.off('resize', onResize);
    input.off('end', onGone);
    process.off('exit', restore);
    guard.onResume = null;
    restore();
  }
}

/** Key presses from the terminal, named as the key table names them. */
function keyInput(stdin: NodeJS.ReadStream) {
  let reader: KeyReader | null = null;
  return {
    start(onKeys: (names: string[]) => void) {
      reader = new KeyReader(stdin, onKeys);
      reader.start();
    },
    stop() {
      reader?.stop();
    },
  };
}

/** The deck as the link knows it: each slide's title, text and reveal steps (a follower of another version is told). */
export function linkFingerprint(deck: Deck): string {
  return deckFingerprint(deck.slides.map((s) => `${s.title}\u0000${s.body}\u0000${s.steps.length}`));
}
