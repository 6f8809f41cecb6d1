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

function isPos(p: unknown): p is Position {
  const o = p as Position;
  return !!o && Number.isInteger(o.index) && Number.isInteger(o.step) && o.index >= 0 && o.step >= 0;
}

function isStamp(s: unknown): s is Stamp {
  const o = s as Stamp;
  return !!o && typeof o.t === 'number' && Number.isFinite(o.t) && typeof o.id === 'string';
}

/** Parse one line; anything malformed is dropped (never thrown). */
export function decode(line: string): Message | null {
  let m: unknown;
  try {
    m = JSON.parse(line);
  } catch {
    return null;
  }
  const o = m as Record<string, unknown>;
  if (!o || o.v !== 1 || typeof o.deck !== 'string' || typeof o.id !== 'string') return null;
  if (o.type === 'nav' && isPos(o.pos) && isStamp(o.stamp)) return o as unknown as Message;
  if (o.type === 'hello' && isPos(o.pos) && isStamp(o.stamp) && (o.role === 'audience' || o.role === 'notes')) {
    return o as unknown as Message;
  }
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

/** What a view needs from the link between terminals. */
export type LinkStatus = 'alone' | 'linked' | 'lost';

export interface Link {
  role: Role;
  /** Report a move made here. */
  moved(pos: Position): void;
  /** Called with positions from other terminals; returns an unsubscribe function. */
  onRemote(cb: (pos: Position) => void): () => void;
  onStatus(cb: (status: LinkStatus) => void): () => void;
  close(): void;
}
