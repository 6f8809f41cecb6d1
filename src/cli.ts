import { fstatSync, readFileSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { neutraliseControls } from './deck/clean.js';
import { deckToJson, jsonText } from './deck/json.js';
import { DeckError } from './deck/parse.js';
import type { Dialect } from './deck/types.js';
import { createMarkdownRenderer } from './render/markdown.js';
import { renderPlainDeck } from './render/plain.js';
import { applyGlobalColorLevel, colorLevel, makeTheme, noColor, type ColorLevel } from './render/theme.js';
import { ThemeError } from './render/themefile.js';
import { detectImageProtocol, imageReplies, throughTmux, type ImageProtocol, type ImageProtocolChoice } from './render/images/detect.js';
import type { PictureMode } from './ui/pictures.js';
import type { CellPixels, TerminalAnswers } from './ui/termquery.js';
import { parseArgs, usage, UsageError } from './cli/args.js';
import { LoadError, readStreamText, STDIN_NAME } from './io/load.js';
import { READ_WORKER_ARG, readDeck, readInWorker, serveReads, type ReadRequest } from './io/read-worker.js';
import { initialState } from './state/reducer.js';
import type { Preset } from './state/keymap.js';
import { presenterMarkdown } from './ui/frame.js';
import { shapeOf } from './ui/geometry.js';
import { openTerminalInput, TerminalGuard } from './ui/terminal.js';
import { drawsScaledText, looksLikeKitty, mayScaleText } from './ui/textsize.js';
import type { Launch } from './launch.js';

declare const __VERSION__: string | undefined;
/** The launcher (src/launch.ts), when the program runs from the build. */
declare const __launch: Launch | undefined;

function version(): string {
  if (typeof __VERSION__ === 'string') return __VERSION__;
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** The briefing shipped in the package's slides/ folder. */
function bundledDeck(): string {
  return fileURLToPath(new URL('../slides/', import.meta.url)).replace(/[\\/]$/, '');
}

/** The folder a deck's theme file is relative to: the deck's own folder, or the folder it is. */
function deckFolder(path: string): string {
  try {
    if (statSync(path).isDirectory()) return resolve(path);
  } catch {
    // read already: a path that went away in between leaves its parent
  }
  return dirname(resolve(path));
}

function realDeckPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** The terminal, while the presenter owns it: given back before any last word. */
let terminal: TerminalGuard | null = null;

function fail(message: string, code: number): never {
  terminal?.restore();
  process.stderr.write(`brief-present: ${neutraliseControls(message.split('\n')[0])}\n`);
  process.exit(code);
}

/**
 * Standard output was closed (`>&-`): Node then opens /dev/null in its place,
 * read-write, where a shell's `>/dev/null` opens it write-only. Linux only
 * (elsewhere there is no way to tell, and nothing is said).
 */
function stdoutClosed(): boolean {
  if (process.platform !== 'linux' || process.stdout.isTTY) return false;
  try {
    if (readlinkSync('/proc/self/fd/1') !== '/dev/null') return false;
    const flags = /^flags:\s*([0-7]+)/m.exec(readFileSync('/proc/self/fdinfo/1', 'utf8'));
    return flags !== null && (parseInt(flags[1], 8) & 3) === 2;
  } catch {
    return false;
  }
}

/**
 * The deck's text when it comes from standard input: always for `-`; with no
 * deck named, when standard input is not a terminal and brings something (an
 * empty one, as from `</dev/null` or a closed pipe, leaves the bundled deck).
 */
async function pipedDeck(deck: string | undefined): Promise<string | undefined> {
  if (deck !== '-' && (deck !== undefined || process.stdin.isTTY)) return undefined;
  // Node reads a folder given as standard input (`< slides/`) as empty: say what it is.
  if (stdinIsFolder()) throw new LoadError(`${STDIN_NAME}: is a folder`);
  const text = await readStreamText(process.stdin);
  return text === '' && deck === undefined ? undefined : text;
}

function stdinIsFolder(): boolean {
  try {
    return fstatSync(0).isDirectory();
  } catch {
    return false;
  }
}

/** Run a command; the exit status it asks for (the presenter's is 0). */
async function main(argv: string[]): Promise<number> {
  const opts = parseArgs(argv);
  if (stdoutClosed()) throw new OutputError('standard output is closed: nothing can be written');
  if (opts.help) {
    process.stdout.write(usage(version()) + '\n');
    return 0;
  }
  if (opts.version) {
    process.stdout.write(version() + '\n');
    return 0;
  }
  if (opts.command === 'init' || opts.command === 'draft') {
    const scaffold = await import('./cli/scaffold.js');
    (opts.command === 'init' ? scaffold.initCommand : scaffold.draftCommand)(opts);
    return 0;
  }
  const piped = await pipedDeck(opts.deck);
  const presenter = opts.flags.has('notes') || opts.flags.has('presenter');
  if (opts.flags.has('takeover') && !presenter) throw new UsageError('option --takeover is for a presenter (--notes or --presenter)');
  if (opts.flags.has('audience') && presenter) throw new UsageError('option --audience is for the audience terminal, not a presenter');
  const follower = opts.flags.has('follow');
  if (follower && (presenter || opts.flags.has('audience'))) throw new UsageError('option --follow is for a follower, not a presenter or the audience terminal');
  if (piped !== undefined && opts.flags.has('watch')) {
    throw new UsageError('option --watch needs a deck file to watch, not standard input');
  }
  const deckPath = piped !== undefined ? STDIN_NAME : (opts.deck ?? bundledDeck());
  const dialect = opts.values.dialect as Dialect | undefined;
  const request: ReadRequest = { path: deckPath, pauses: !opts.flags.has('no-pauses'), dialect, text: piped };
  const read = () => readDeck(request);
  if (opts.command === 'check') {
    const { runCheck } = await import('./cli/check.js');
    return runCheck(opts, deckPath, () => read().deck);
  }
  const { deck, folder, sources } = read();
  if (opts.command === 'export') {
    await (await import('./cli/export.js')).exportCommand(deck, opts, sources);
    return 0;
  }

  if (opts.json) {
    const { slideImagesJson } = await import('./cli/images.js');
    const json = deckToJson(deck);
    const slides = json.slides.map((s, n) => ({ ...s, images: slideImagesJson(deck.slides[n]) }));
    process.stdout.write(jsonText({ ...json, slides }) + '\n');
    return 0;
  }
  // Keys come from standard input, or from the terminal itself (/dev/tty) when standard
  // input brought the deck: read to its end, it has no keys left, even if it was the
  // terminal (`-`, the deck typed in, then Ctrl-D).
  const fromTerminal = piped !== undefined && process.stdout.isTTY;
  const keys = fromTerminal ? openTerminalInput() : process.stdin;
  const tty = Boolean(process.stdout.isTTY && keys?.isTTY);
  // A dumb terminal has no cursor addressing, alternate screen or colour: it gets text, line by line.
  const dumb = tty && process.env.TERM === 'dumb';
  const level = dumb ? 0 : colorLevel(process.env, tty);
  applyGlobalColorLevel(level);
  if (opts.command === 'rehearse' && (!tty || !keys || dumb)) {
    throw new UsageError('rehearse needs a terminal that can present the deck full-screen');
  }
  // What can fail does so before the terminal is taken (the background question takes it).
  const view = opts.command === 'read' ? 'reading' : presenter ? 'presenter' : 'slides';
  const watch = opts.flags.has('watch');
  const audienceOnly = opts.flags.has('audience') || follower;
  const socket = opts.values.socket === undefined ? undefined : resolve(opts.values.socket);
  const channel = opts.values.channel ?? `deck:${piped === undefined ? realDeckPath(deckPath) : STDIN_NAME}`;
  const takeover = opts.flags.has('takeover');
  // One presenter per channel: a second one is refused before it takes the screen, unless it takes over.
  if (tty && !dumb && presenter && !takeover && (await (await import('./link/probe.js')).presenterThere(channel, undefined, undefined, socket))) {
    throw new UsageError('another presenter is on this channel already (--takeover takes over from it)');
  }
  const { recorder, rehearsed } =
    tty && !dumb && (opts.command === 'rehearse' || opts.values.timings !== undefined)
      ? (await import('./cli/rehearse.js')).rehearsalFor(opts, deck, piped === undefined ? deckPath : undefined)
      : {};
  // Asking the terminal for its background needs raw input: the guard takes the terminal first.
  const guard = tty && !dumb && keys ? new TerminalGuard(1, keys) : undefined;
  // Inside tmux, whether pictures can pass through it: asked while the rest starts.
  const imageChoice = (opts.values['image-protocol'] ?? 'auto') as ImageProtocolChoice;
  const passing = guard && level > 0 && imageChoice === 'auto' && process.env.TMUX ? import('./cli/tmux.js').then((m) => m.askTmuxPassthrough(process.env)) : undefined;
  const [{ chooseTheme }, { askTerminal }] = await Promise.all([import('./cli/theme.js'), import('./ui/termquery.js')]);
  // One question at start-up: the background (when the theme needs it) and, for big titles, the terminal's version.
  const sizing = guard !== undefined && mayScaleText(process.env);
  let asked: ReturnType<typeof askTerminal> | undefined;
  const ask = (background: boolean) =>
    (asked ??= (guard!.enter(), (terminal = guard!), askTerminal(keys!, process.stdout, { background, version: sizing })));
  const choosing = chooseTheme({
    flag: opts.values.theme,
    frontMatter: deck.meta.theme,
    deckDir: piped !== undefined ? process.cwd() : deckFolder(deckPath),
    env: process.env,
    ask: guard && level > 0 ? async () => (await ask(true)).background : undefined,
  });
  // The presenter loads while the terminal thinks about its answer.
  const presentModule = guard ? import('./ui/present.js') : undefined;
  const spec = await choosing;
  const bigTitles = sizing && (asked !== undefined || looksLikeKitty(process.env)) && drawsScaledText((await ask(false)).version);
  // Pictures: the same answers, when the terminal was asked anyway (never a question of their own).
  const answers: TerminalAnswers = asked ? await asked : {};
  const replies = { ...imageReplies(answers), tmuxPassthrough: await passing };
  // NO_COLOR on a terminal drops colour, not bold, italic and the rest.
  const theme = makeTheme(level, { spec, structure: level > 0 || (tty && !dumb && noColor(process.env)) });
  const width = Math.max(20, Math.min(process.stdout.columns || 80, 100));
  if (!tty || !keys || (dumb && opts.command === 'read')) {
    process.stdout.write(renderPlainDeck(deck, width, createMarkdownRenderer(theme), theme));
    return 0;
  }
  if (dumb) {
    const { presentLines } = await import('./ui/lines.js');
    await presentLines(deck, { input: keys, output: process.stdout, width, md: createMarkdownRenderer(theme), theme });
    return 0;
  }
  terminal = guard!;
  const { present } = await presentModule!;
  await present(deck, theme, {
    md: presenterMarkdown(theme, process.env.BRIEF_PRESENT_FAULT),
    guard: guard!,
    input: keys,
    state: initialState(shapeOf(deck), { view, watch, hints: !opts.flags.has('no-hints'), keys: (opts.values.keys ?? 'brief') as Preset, audienceOnly, follower }),
    // Read again on a worker thread: the presenter answers keys and signals meanwhile.
    source:
      piped === undefined
        ? { path: deckPath, folder, load: () => readInWorker(new URL(import.meta.url), request) }
        : undefined,
    // Reading the deck (notes included) is for one terminal: it joins no channel.
    link: opts.command === 'read' ? undefined : { channel, role: presenter ? 'presenter' : follower ? 'follower' : 'audience', takeover, path: socket },
    onPainted: () => {
      if (typeof __launch !== 'undefined') __launch.painted();
    },
    rehearsal: recorder,
    rehearsed,
    bigTitles,
    pictures: pictureMode(detectImageProtocol({ env: process.env, level, choice: imageChoice, replies }), level, answers.cell),
  });
  return recorder?.failed ? 1 : 0;
}

/** How pictures are drawn, for a protocol (half blocks, and in views drawn by Ink, at the terminal's colour level), and a cell's pixels if the terminal said. */
function pictureMode(protocol: ImageProtocol, level: ColorLevel, cell: CellPixels | undefined): PictureMode {
  return protocol === 'none' ? { kind: 'none' } : { kind: protocol, level: level === 0 ? 1 : level, tmux: throughTmux(process.env, protocol), cell };
}

/** Standard output cannot take what is written to it. */
class OutputError extends Error {}

/**
 * End with `code` once all that was written has been taken by standard output
 * and standard error: a pipe takes 64 KiB at a time, and the rest waits in
 * the process until its reader catches up (`| less`, a slow JSON reader).
 */
function finish(code: number): void {
  let pending = 2;
  const done = () => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write('', (err) => (err ? writeFailed(err) : done()));
  process.stderr.write('', done);
}

/** A reader that went away (`| head`) is not an error; anything else is. */
function writeFailed(err: NodeJS.ErrnoException): void {
  if (err.code === 'EPIPE') process.exit(0);
  fail(`cannot write to standard output: ${err.message}`, 1);
}

process.stdout.on('error', writeFailed);

// Last resort: whatever escapes is one line and exit 1 (the presenter's own
// exit handler has already given the terminal back by the time this prints).
process.on('uncaughtException', (err) => fail(`unexpected error: ${err?.message ?? String(err)}`, 1));
process.on('unhandledRejection', (err) =>
  fail(`unexpected error: ${err instanceof Error ? err.message : String(err)}`, 1),
);

if (process.argv[2] === READ_WORKER_ARG) serveReads(process.env.BRIEF_PRESENT_FAULT);
else main(process.argv.slice(2)).then(finish, (err: unknown) => {
  if (err instanceof OutputError) fail(err.message, 1);
  if (err instanceof UsageError || err instanceof LoadError || err instanceof ThemeError) fail(err.message, 2);
  if (err instanceof DeckError) fail(err.describe(), 2);
  const msg = err instanceof Error ? err.message : String(err);
  fail(`unexpected error: ${msg}`, 1);
});
