/**
 * Keeping terminals on the same slide: the messages they exchange and who
 * wins when both move at once. Every position carries a stamp (time, then
 * the sender's id to break ties); a terminal applies a position only when its
 * stamp is newer than the newest it has seen, so the last navigation wins
 * and every terminal converges on it. A terminal that has not moved yet has
 * stamp 0, so one that starts (or restarts) late takes the others' slide.
 */

export interface Position {
  index: number;
  step: number;
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

export type Role = 'audience' | 'notes';

export type Message =
  | { v: 1; type: 'hello'; deck: string; role: Role; id: string; pos: Position; stamp: Stamp }
  | { v: 1; type: 'nav'; deck: string; id: string; pos: Position; stamp: Stamp };

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

/**
 * How far ahead of the receiver's clock a stamp may be. The terminals share
 * one machine and its clock, and a local stamp runs ahead of the clock only
 * by a millisecond per move made while it was behind; a stamp far in the
 * future would win over every move made after it, for good.
 */
export const MAX_AHEAD_MS = 60_000;

function isPos(p: unknown): p is Position {
  const o = p as Position;
  return !!o && typeof o === 'object' && Number.isSafeInteger(o.index) && Number.isSafeInteger(o.step) && o.index >= 0 && o.step >= 0;
}

function isStamp(s: unknown, now: number): s is Stamp {
  const o = s as Stamp;
  if (!o || typeof o !== 'object') return false;
  if (o.t === 0 && o.id === '') return true; // a terminal that has not moved yet
  return Number.isSafeInteger(o.t) && o.t > 0 && o.t <= now + MAX_AHEAD_MS && typeof o.id === 'string' && ID.test(o.id);
}

/**
 * Parse one line; anything malformed is dropped (never thrown): bad JSON, a
 * field missing or of the wrong kind, an id or deck not in their format, a
 * stamp more than MAX_AHEAD_MS ahead of `now`. What is returned holds only
 * the known fields.
 */
export function decode(line: string, now: number = Date.now()): Message | null {
  let m: unknown;
  try {
    m = JSON.parse(line);
  } catch {
    return null;
  }
  const o = m as Record<string, unknown>;
  if (!o || typeof o !== 'object' || o.v !== 1) return null;
  if (typeof o.deck !== 'string' || !DECK.test(o.deck) || typeof o.id !== 'string' || !ID.test(o.id)) return null;
  if (!isPos(o.pos) || !isStamp(o.stamp, now)) return null;
  const base = {
    v: 1 as const,
    deck: o.deck,
    id: o.id,
    pos: { index: o.pos.index, step: o.pos.step },
    stamp: { t: o.stamp.t, id: o.stamp.id },
  };
  if (o.type === 'nav') return { ...base, type: 'nav' };
  if (o.type === 'hello' && (o.role === 'audience' || o.role === 'notes')) return { ...base, type: 'hello', role: o.role };
  return null;
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

/**
 * One terminal's view of the shared position. `local` records a move made
 * here and returns the message to send; `receive` applies a peer's message
 * when it is newer and returns the position to show, or null.
 */
export class SyncState {
  latest: Stamp = ZERO;
  pos: Position;

  constructor(
    readonly id: string,
    readonly deck: string,
    pos: Position,
  ) {
    this.pos = pos;
  }

  local(pos: Position, now: number): Message {
    this.latest = nextStamp(this.latest, now, this.id);
    this.pos = pos;
    return { v: 1, type: 'nav', deck: this.deck, id: this.id, pos, stamp: this.latest };
  }

  hello(role: Role): Message {
    return { v: 1, type: 'hello', deck: this.deck, role, id: this.id, pos: this.pos, stamp: this.latest };
  }

  receive(m: Message): Position | null {
    if (m.deck !== this.deck || m.id === this.id) return null;
    if (!newer(m.stamp, this.latest)) return null;
    this.latest = m.stamp;
    this.pos = m.pos;
    return m.pos;
  }
}

/**
 * A view's moves as the link should hear them: every move made here, but not
 * a position that has just come from another terminal (sending it back would
 * only echo it).
 */
export class LinkEcho {
  private remote: Position | null = null;

  /** A position arrived from the link. */
  received(pos: Position): void {
    this.remote = pos;
  }

  /** The view now shows `pos`: whether to report it. */
  shouldSend(pos: Position): boolean {
    const r = this.remote;
    if (r && r.index === pos.index && r.step === pos.step) return false;
    this.remote = null;
    return true;
  }
}

/**
 * What a view needs from the link between terminals. Its status: 'alone'
 * (nobody else on the channel yet), 'linked', 'mismatch' (connected, but
 * only to terminals showing another version of the deck: no position is
 * exchanged), 'lost' (the others went away; it keeps trying), 'unavailable'
 * (the link is off for this run; `reason` says why).
 */
export type LinkStatus = 'alone' | 'linked' | 'mismatch' | 'lost' | 'unavailable';

export interface Link {
  role: Role;
  /** Report a move made here. */
  moved(pos: Position): void;
  /** Called with positions from other terminals; returns an unsubscribe function. */
  onRemote(cb: (pos: Position) => void): () => void;
  onStatus(cb: (status: LinkStatus) => void): () => void;
  /** Why the link is 'unavailable', short enough for the status line. */
  readonly reason?: string;
  close(): void;
}
