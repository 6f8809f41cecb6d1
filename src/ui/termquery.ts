/**
 * Asking the terminal: send queries (OSC 11 for the background colour; later
 * the kitty graphics query, DA1 for sixel) and collect the replies until they
 * are complete or a deadline passes. Replies come in on the same input as key
 * presses: `ReplyFilter` tells them apart, here and in the key reader
 * (keyreader.ts), so a late reply is never taken for keys.
 *
 * The replies it knows: OSC (`ESC ] 11 ; rgb:… BEL` or `… ESC \`), APC
 * (`ESC _ G … ESC \`, kitty graphics), DCS (`ESC P … ESC \`) and the device
 * attributes reply (`ESC [ ? 62 ; 22 c`) and xterm's window size reports
 * (`ESC [ 6 ; 20 ; 10 t`: a cell in pixels; `4`: the text area, `8`: in
 * cells). Strings here are bytes as latin1.
 *
 * `askTerminal` is the one question at start-up: its answers choose the theme
 * (cli/theme.ts), big titles (textsize.ts) and the pictures' protocol
 * (render/images/detect.ts).
 */
import { isLight, parseOscColor } from '../render/palette.js';

const ESC = '\u001b';
/** Device attributes (DA1): nearly every terminal answers it, so its reply marks the end of the others. */
export const DA1 = `${ESC}[c`;
/** Ask for the background colour. */
export const OSC11 = `${ESC}]11;?${ESC}\\`;
/** Ask for the terminal's name and version (XTVERSION): `DCS > | kitty(0.40.1) ST`. */
export const XTVERSION = `${ESC}[>q`;

/** Ask for the size of a cell in pixels (xterm window ops): `CSI 6 ; height ; width t`. */
export const CELL_SIZE = `${ESC}[16t`;
/** Ask for the size of the text area in pixels: `CSI 4 ; height ; width t`. */
export const TEXT_AREA_SIZE = `${ESC}[14t`;

const DA1_REPLY = /^\u001b\[\?([\d;]*)c/;
/** A window size report: `CSI 4|6|8 ; height ; width t`. */
const SIZE_REPLY = /^\u001b\[([468]);(\d+);(\d+)t/;
/** The beginning of a reply that may not have arrived whole yet. */
const REPLY_START = /^\u001b(?:\][\d;]*|_G?|P|\[(?:\?[\d;]*|[468](?:;\d*){0,2})?)$/;
/** What follows ESC in a string reply: `]` OSC (a number first), `_G` kitty graphics, `P` DCS. */
const STRING_START = /^\u001b(?:\]\d|_G|P[\d>!|$+]?)/;

/**
 * Splits terminal input into key presses and replies. A reply cut in two by
 * the read is held back until the rest arrives (`pending` says so: the
 * caller gives it back as keys if nothing follows soon, see `flush`).
 */
export class ReplyFilter {
  private held = '';

  get pending(): boolean {
    return this.held !== '';
  }

  /** The keys in a chunk, with every whole reply taken out and passed to `onReply`. */
  push(chunk: string, onReply: (reply: string) => void): string {
    const s = this.held + chunk;
    this.held = '';
    let keys = '';
    let i = 0;
    while (i < s.length) {
      const at = s.indexOf(ESC, i);
      if (at < 0) {
        keys += s.slice(i);
        break;
      }
      keys += s.slice(i, at);
      const end = replyEnd(s, at);
      if (end === 'partial') {
        this.held = s.slice(at);
        break;
      }
      if (end === undefined) {
        keys += ESC;
        i = at + 1;
        continue;
      }
      onReply(s.slice(at, end));
      i = end;
    }
    return keys;
  }

  /** What was held back, given up as keys. */
  flush(): string {
    const s = this.held;
    this.held = '';
    return s;
  }
}

/** Where the reply starting at `at` ends; 'partial' when it may go on in the next read; undefined when it is not one. */
function replyEnd(s: string, at: number): number | 'partial' | undefined {
  const head = s.slice(at, at + 64);
  const da = DA1_REPLY.exec(head) ?? SIZE_REPLY.exec(head);
  if (da) return at + da[0].length;
  if (STRING_START.test(head)) {
    for (let k = at + 2; k < s.length; k++) {
      const c = s.charCodeAt(k);
      if (c === 0x07) return k + 1;
      if (c === 0x1b) return s[k + 1] === '\\' ? k + 2 : k + 1 === s.length ? 'partial' : undefined;
      if (c < 0x20 || c === 0x7f) return undefined;
    }
    return s.length - at > 4096 ? undefined : 'partial';
  }
  const rest = s.slice(at, at + 32);
  return rest.length > 1 && REPLY_START.test(rest) && at + rest.length === s.length ? 'partial' : undefined;
}

export interface QueryOptions {
  /** Give up after this long. */
  timeoutMs: number;
  /** The replies so far are all there is to wait for (e.g. the DA1 reply has come). */
  complete: (replies: string[]) => boolean;
}

/**
 * Send `query` and collect the terminal's replies until `complete` says so or
 * the time-out passes. Input must be raw (no echo, no line buffering). Keys
 * typed meanwhile are put back on `input` for the key reader.
 */
export function queryTerminal(
  input: NodeJS.ReadStream,
  output: { write(s: string): unknown },
  query: string,
  options: QueryOptions,
): Promise<string[]> {
  return new Promise((resolve) => {
    const filter = new ReplyFilter();
    const replies: string[] = [];
    let keys = '';
    const finish = () => {
      clearTimeout(timer);
      input.off('data', onData);
      input.pause();
      keys += filter.flush();
      if (keys) input.unshift(Buffer.from(keys, 'latin1'));
      resolve(replies);
    };
    const onData = (chunk: Buffer | string) => {
      keys += filter.push(typeof chunk === 'string' ? chunk : chunk.toString('latin1'), (r) => replies.push(r));
      if (options.complete(replies)) finish();
    };
    const timer = setTimeout(finish, options.timeoutMs);
    input.on('data', onData);
    input.resume();
    output.write(query);
  });
}

/** The OSC reply to `OSC code ; ?` among replies: what follows `code;`, without its terminator. */
export function oscReply(replies: string[], code: number): string | undefined {
  return stringReply(replies, `${ESC}]${code};`);
}

/** The terminal's name and version among replies (XTVERSION), e.g. `kitty(0.40.1)`. */
export function versionReply(replies: string[]): string | undefined {
  return stringReply(replies, `${ESC}P>|`);
}

/** What follows `prefix` in the first string reply that starts with it, without its terminator. */
function stringReply(replies: string[], prefix: string): string | undefined {
  const r = replies.find((x) => x.startsWith(prefix));
  return r?.slice(prefix.length).replace(/(?:\u0007|\u001b\\)$/, '');
}

export function isDa1Reply(reply: string): boolean {
  return DA1_REPLY.test(reply);
}

/** The parameters of the terminal's DA1 reply (`CSI ? 62 ; 4 ; 22 c` → 62, 4, 22), when it gave one. */
export function deviceAttributes(replies: string[]): number[] | undefined {
  const r = replies.find(isDa1Reply);
  return r === undefined ? undefined : (DA1_REPLY.exec(r)?.[1] ?? '').split(';').filter(Boolean).map(Number);
}

/** Pixels a cell is drawn with. */
export interface CellPixels {
  width: number;
  height: number;
}

/**
 * The size of a cell in pixels among replies: the terminal's answer to
 * `CSI 16 t`, else its text area (`CSI 14 t`) shared among its `cols` × `rows`
 * cells; undefined when it said neither (or said nothing sensible).
 */
export function cellPixels(replies: string[], cols: number | undefined, rows: number | undefined): CellPixels | undefined {
  const size = (kind: string) => {
    for (const r of replies) {
      const m = SIZE_REPLY.exec(r);
      if (m && m[1] === kind) return { height: Number(m[2]), width: Number(m[3]) };
    }
    return undefined;
  };
  const sane = (c: CellPixels | undefined) => (c && c.width >= 1 && c.height >= 1 && c.width <= 1000 && c.height <= 1000 ? c : undefined);
  const cell = sane(size('6'));
  if (cell) return cell;
  const area = size('4');
  if (!area || !cols || !rows) return undefined;
  return sane({ width: Math.floor(area.width / cols), height: Math.floor(area.height / rows) });
}

/** How long to wait for a terminal that answers neither OSC 11 nor DA1. */
export const BACKGROUND_QUERY_MS = 40;

/**
 * Ask the terminal for its background: OSC 11, then DA1 as a sentinel (a
 * terminal answers in order, so a DA1 reply with no OSC 11 reply before it
 * means no answer is coming). Input must be raw.
 */
export async function askBackground(input: NodeJS.ReadStream, output: { write(s: string): unknown }): Promise<'light' | 'dark' | undefined> {
  return (await askTerminal(input, output, { background: true, version: false })).background;
}

export interface TerminalAnswers {
  background?: 'light' | 'dark';
  /** Its name and version (XTVERSION), e.g. `kitty(0.40.1)`. */
  version?: string;
  /** The parameters of its DA1 reply (a `4` among them: it draws sixel). */
  attributes?: number[];
  /** The pixels of one of its cells (`CSI 16 t`, else `CSI 14 t` over its columns and rows). */
  cell?: CellPixels;
}

/**
 * Ask the terminal, in one round trip, for its background (OSC 11), its
 * name and version (XTVERSION, asked first: it is answered first) and the
 * size of its cells in pixels (`CSI 16 t` and `CSI 14 t`, asked before the
 * background, whose answer may end the wait), with DA1 as the sentinel.
 * Input must be raw.
 */
export async function askTerminal(
  input: NodeJS.ReadStream,
  output: { write(s: string): unknown; columns?: number; rows?: number },
  ask: { background: boolean; version: boolean },
): Promise<TerminalAnswers> {
  const query = (ask.version ? XTVERSION : '') + CELL_SIZE + TEXT_AREA_SIZE + (ask.background ? OSC11 : '') + DA1;
  const replies = await queryTerminal(input, output, query, {
    timeoutMs: BACKGROUND_QUERY_MS,
    complete: (r) => r.some(isDa1Reply) || (ask.background && oscReply(r, 11) !== undefined),
  });
  const answer = oscReply(replies, 11);
  const rgb = answer === undefined ? undefined : parseOscColor(answer);
  const background = rgb ? (isLight(rgb) ? 'light' : 'dark') : undefined;
  const cell = cellPixels(replies, output.columns, output.rows);
  return { background, version: versionReply(replies), attributes: deviceAttributes(replies), ...(cell && { cell }) };
}
