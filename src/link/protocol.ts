/**
 * What linked terminals say to each other (pure): one JSON line per message,
 * of a version (VERSION), each naming its sender, its role and its deck. A
 * presenter's position, the shared timer and the blanked screen carry a
 * stamp (time, then the sender's id to break ties); a terminal takes a value
 * only when its stamp is newer than the newest it has seen, so the last
 * change wins and every terminal converges on it. A terminal that has not
 * moved yet has stamp 0, so one that starts (or restarts) late takes the
 * others' slide. A message of another version, or of a type not known here,
 * is dropped: a later version may add messages without confusing this one.
 * Added within version 2 (an older terminal drops or ignores them): the
 * audience screen's page in a position, the audience screen's fit (`fit`),
 * and a hello's addressee (`to`), so that an answer reaches only the terminal
 * that said hello.
 */

export interface Position {
  index: number;
  step: number;
  /** The audience screen's page of a slide too tall for it (0, the top, when absent). */
  page?: number;
}

/** How the audience screen fits a position: its size, and how many pages the slide takes there. */
export interface FitReport {
  pos: Position;
  pages: number;
  cols: number;
  rows: number;
}

export interface Stamp {
  t: number;
  id: string;
}

export const ZERO: Stamp = { t: 0, id: '' };

export function newer(a: Stamp, b: Stamp): boolean {
  return a.t > b.t || (a.t === b.t && a.id > b.id);
}

/** A stamp for a local move: after everything seen so far, even if the clock is behind. */
export function nextStamp(latest: Stamp, now: number, id: string): Stamp {
  return { t: Math.max(now, latest.t + 1), id };
}

/**
 * What a terminal is on the channel. The presenter (`--notes`, `--presenter`)
 * drives; the audience (a plain run) shows what the presenter shows; a
 * follower only watches the presenter. Only a presenter and an audience (or a
 * follower) are partners: two plain runs of the same deck never link.
 */
export type Role = 'presenter' | 'audience' | 'follower';
const ROLES: readonly Role[] = ['presenter', 'audience', 'follower'];

/** Whose messages a terminal of role `mine` listens to. */
export function partner(mine: Role, theirs: Role): boolean {
  return mine === 'presenter' ? theirs === 'audience' : theirs === 'presenter';
}

/** The shared timer, as its reading when sent (never a wall-clock time): elapsed ms, and whether it runs. */
export interface TimerShare {
  elapsed: number;
  running: boolean;
  started: boolean;
}

/** A value both sides share, with the stamp of its last change (the last change wins, as for positions). */
export interface Shared<T> {
  value: T;
  stamp: Stamp;
}

/** The protocol's version: a message of another version is dropped. */
export const VERSION = 2;

interface Base {
  v: 2;
  deck: string;
  id: string;
  role: Role;
}

export interface Hello extends Base {
  type: 'hello';
  pos: Position;
  stamp: Stamp;
  timer: Shared<TimerShare>;
  blank: Shared<boolean>;
  /** A presenter that takes the channel over from the one there. */
  takeover?: boolean;
  /** An answer to another terminal's hello (never answered itself). */
  reply?: boolean;
  /** From the terminal that listens, on a new connection: how many others will answer. */
  others?: number;
  /** An answer meant for this terminal only (the hub passes it to no other). */
  to?: string;
}

export type Message =
  | Hello
  /** The presenter's position (or the audience's, made while no presenter was linked). */
  | (Base & { type: 'nav'; pos: Position; stamp: Stamp })
  /** A navigation key pressed on the audience terminal, for the presenter to apply. */
  | (Base & { type: 'ask'; command: string; count: number | null })
  | (Base & { type: 'timer'; timer: Shared<TimerShare> })
  | (Base & { type: 'blank'; blank: Shared<boolean> })
  /** From the terminal that listens: terminal `id` went away. */
  | (Base & { type: 'bye' })
  /** From the audience screen: how it fits the position it shows. */
  | (Base & { type: 'fit' } & FitReport);

/** One message per line. */
export function encode(m: Message): string {
  return JSON.stringify(m) + '\n';
}

/**
 * What a well-formed message holds. Terminal ids are 12 lowercase hex digits
 * (ID_BYTES random bytes, made in socket.ts); decks are named by their
 * fingerprint, 16 lowercase hex digits (deckFingerprint in socket.ts).
 */
export const ID_BYTES = 6;
const ID = /^[0-9a-f]{12}$/;
const DECK = /^[0-9a-f]{16}$/;
const COMMAND = /^[a-zA-Z]{1,32}$/;

/**
 * How far ahead of the receiver's clock a stamp may be. The terminals share
 * one machine and its clock, and a local stamp runs ahead of the clock only
 * by a millisecond per move made while it was behind; a stamp far in the
 * future would win over every move made after it, for good.
 */
export const MAX_AHEAD_MS = 60_000;

/** The longest timer reading taken: a year. */
const MAX_ELAPSED = 366 * 24 * 3600_000;

/** The most pages a slide is taken to have, and the largest screen side (in cells) reported. */
export const MAX_PAGES = 1_000_000;
const MAX_SIDE = 10_000;

const count = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;
const upTo = (x: unknown, max: number): x is number => count(x) && x <= max;

function isPos(p: unknown): p is Position {
  const o = p as Position;
  return !!o && typeof o === 'object' && count(o.index) && count(o.step) && (o.page === undefined || upTo(o.page, MAX_PAGES));
}

/** A position as received: only its known fields (a page of 0 is left out). */
function posOf(p: Position): Position {
  return p.page ? { index: p.index, step: p.step, page: p.page } : { index: p.index, step: p.step };
}

function isStamp(s: unknown, now: number): s is Stamp {
  const o = s as Stamp;
  if (!o || typeof o !== 'object') return false;
  if (o.t === 0 && o.id === '') return true; // a terminal that has not moved yet
  return Number.isSafeInteger(o.t) && o.t > 0 && o.t <= now + MAX_AHEAD_MS && typeof o.id === 'string' && ID.test(o.id);
}

function shared<T>(x: unknown, now: number, isValue: (v: unknown) => v is T): Shared<T> | null {
  const o = x as Shared<unknown>;
  if (!o || typeof o !== 'object' || !isValue(o.value) || !isStamp(o.stamp, now)) return null;
  return { value: o.value, stamp: { t: o.stamp.t, id: o.stamp.id } };
}

function isTimer(x: unknown): x is TimerShare {
  const o = x as TimerShare;
  return (
    !!o &&
    typeof o === 'object' &&
    Number.isSafeInteger(o.elapsed) &&
    o.elapsed >= 0 &&
    o.elapsed <= MAX_ELAPSED &&
    typeof o.running === 'boolean' &&
    typeof o.started === 'boolean'
  );
}

const isBool = (x: unknown): x is boolean => typeof x === 'boolean';

/**
 * Parse one line; anything malformed is dropped (never thrown): bad JSON, a
 * field missing or of the wrong kind, an id or deck not in their format, a
 * stamp more than MAX_AHEAD_MS ahead of `now`, another version of the
 * protocol, a type it does not know. What is returned holds only the known
 * fields.
 */
export function decode(line: string, now: number = Date.now()): Message | null {
  let m: unknown;
  try {
    m = JSON.parse(line);
  } catch {
    return null;
  }
  const o = m as Record<string, unknown>;
  if (!o || typeof o !== 'object' || o.v !== VERSION) return null;
  if (typeof o.deck !== 'string' || !DECK.test(o.deck) || typeof o.id !== 'string' || !ID.test(o.id)) return null;
  if (!ROLES.includes(o.role as Role)) return null;
  const base: Base = { v: 2, deck: o.deck, id: o.id, role: o.role as Role };
  const at = () => (isPos(o.pos) && isStamp(o.stamp, now) ? { pos: posOf(o.pos), stamp: { t: o.stamp.t, id: o.stamp.id } } : null);
  switch (o.type) {
    case 'nav': {
      const p = at();
      return p && { ...base, type: 'nav', ...p };
    }
    case 'hello': {
      const p = at();
      const timer = shared(o.timer, now, isTimer);
      const blank = shared(o.blank, now, isBool);
      if (!p || !timer || !blank) return null;
      const hello: Hello = { ...base, type: 'hello', ...p, timer, blank };
      if (o.takeover === true) hello.takeover = true;
      if (o.reply === true) hello.reply = true;
      if (count(o.others)) hello.others = o.others;
      if (typeof o.to === 'string' && ID.test(o.to)) hello.to = o.to;
      return hello;
    }
    case 'ask':
      if (typeof o.command !== 'string' || !COMMAND.test(o.command) || !(o.count === null || (count(o.count) && o.count < 1e9))) return null;
      return { ...base, type: 'ask', command: o.command, count: o.count };
    case 'timer': {
      const timer = shared(o.timer, now, isTimer);
      return timer && { ...base, type: 'timer', timer };
    }
    case 'blank': {
      const blank = shared(o.blank, now, isBool);
      return blank && { ...base, type: 'blank', blank };
    }
    case 'bye':
      return { ...base, type: 'bye' };
    case 'fit':
      if (!isPos(o.pos) || !upTo(o.pages, MAX_PAGES) || o.pages < 1 || !upTo(o.cols, MAX_SIDE) || !upTo(o.rows, MAX_SIDE)) return null;
      return { ...base, type: 'fit', pos: posOf(o.pos), pages: o.pages, cols: o.cols, rows: o.rows };
    default:
      return null;
  }
}

/** Splits a byte stream into lines; keeps the unfinished tail. */
export class LineBuffer {
  private tail = '';
  push(chunk: string): string[] {
    const parts = (this.tail + chunk).split('\n');
    this.tail = parts.pop() ?? '';
    if (this.tail.length > 1_000_000) this.tail = ''; // a peer that never ends a line
    return parts.filter((p) => p.trim() !== '');
  }
}
