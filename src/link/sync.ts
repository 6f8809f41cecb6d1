/**
 * One terminal's view of what the linked terminals share: the position, the
 * timer and the blanked screen, each with the stamp of its last change (the
 * last change wins, and every terminal converges on it); what a view asks
 * of the link, and what the link tells it.
 */
import { ZERO, newer, nextStamp, partner, type FitReport, type Message, type Position, type Role, type Shared, type Stamp, type TimerShare } from './protocol.js';

/** Whether two positions are the same (slide, step and page). */
export function samePos(a: Position, b: Position): boolean {
  return a.index === b.index && a.step === b.step && (a.page ?? 0) === (b.page ?? 0);
}

/**
 * The shared position. `local` records a move made here and returns the
 * message to send; `receive` applies a peer's position when it is newer and
 * returns the position to show, or null.
 */
export class SyncState {
  latest: Stamp = ZERO;
  pos: Position;

  constructor(
    readonly id: string,
    readonly deck: string,
    pos: Position,
    readonly role: Role = 'audience',
  ) {
    this.pos = pos;
  }

  local(pos: Position, now: number): Extract<Message, { type: 'nav' }> {
    this.latest = nextStamp(this.latest, now, this.id);
    this.pos = pos;
    return { v: 2, type: 'nav', deck: this.deck, id: this.id, role: this.role, pos, stamp: this.latest };
  }

  receive(m: { deck: string; id: string; pos: Position; stamp: Stamp }): Position | null {
    if (m.deck !== this.deck || m.id === this.id) return null;
    if (!newer(m.stamp, this.latest)) return null;
    this.latest = m.stamp;
    this.pos = m.pos;
    return m.pos;
  }
}

/** A shared value (the blanked screen): the last change wins. */
export class Stamped<T> {
  latest: Stamp = ZERO;

  constructor(
    readonly id: string,
    public value: T,
  ) {}

  local(value: T, now: number): Shared<T> {
    this.latest = nextStamp(this.latest, now, this.id);
    this.value = value;
    return this.shared;
  }

  get shared(): Shared<T> {
    return { value: this.value, stamp: this.latest };
  }

  /** Whether `s` is newer than what is held (it is then held). */
  receive(s: Shared<T>): boolean {
    if (!newer(s.stamp, this.latest)) return false;
    this.latest = s.stamp;
    this.value = s.value;
    return true;
  }
}

/**
 * The shared timer: its reading and when it was taken here, so that what is
 * sent later (to a terminal that joins late) is the reading then, as elapsed
 * time, never a wall-clock time.
 */
export class SharedTimer {
  private readonly held: Stamped<TimerShare>;
  private at = 0;

  constructor(id: string) {
    this.held = new Stamped<TimerShare>(id, { elapsed: 0, running: false, started: false });
  }

  local(t: TimerShare, now: number): Shared<TimerShare> {
    this.at = now;
    return this.held.local(t, now);
  }

  receive(s: Shared<TimerShare>, now: number): boolean {
    if (!this.held.receive(s)) return false;
    this.at = now;
    return true;
  }

  /** The reading at `now`, with the stamp of the change it comes from. */
  reading(now: number): Shared<TimerShare> {
    const { value, stamp } = this.held.shared;
    const elapsed = value.elapsed + (value.running ? Math.max(0, Math.round(now - this.at)) : 0);
    return { value: { ...value, elapsed }, stamp };
  }
}

/**
 * The other terminals on the channel, by id: their role, their deck, and the
 * connection they are heard through (`V`); and the link's status from them.
 */
export class Peers<V> {
  private readonly known = new Map<string, { role: Role; deck: string; via: V }>();

  constructor(
    readonly role: Role,
    readonly deck: string,
  ) {}

  heard(id: string, role: Role, deck: string, via: V): void {
    if (!this.known.has(id)) this.known.set(id, { role, deck, via });
  }

  gone(id: string): void {
    this.known.delete(id);
  }

  /** A connection closed: every terminal heard through it is gone. */
  goneVia(via: V): void {
    for (const [id, p] of this.known) if (p.via === via) this.known.delete(id);
  }

  /** The status, from the partners heard of (see LinkStatus), after `was`. */
  status(was: LinkStatus): LinkStatus {
    const partners = [...this.known.values()].filter((p) => partner(this.role, p.role));
    if (partners.some((p) => p.deck === this.deck)) return 'linked';
    if (partners.length) return 'mismatch';
    return was === 'linked' || was === 'mismatch' ? 'lost' : was;
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
    if (r && samePos(r, pos)) return false;
    this.remote = null;
    return true;
  }
}

/**
 * What a view needs from the link between terminals. Its status: 'alone'
 * (no partner on the channel yet: an audience for a presenter, a presenter
 * for the others), 'linked', 'mismatch' (only partners showing another
 * version of the deck: nothing is exchanged), 'lost' (the partner went away;
 * it keeps trying), 'unavailable' (the link is off for this run; `reason`
 * says why), 'replaced' (another presenter took over: this one goes on
 * unlinked).
 */
export type LinkStatus = 'alone' | 'linked' | 'mismatch' | 'lost' | 'unavailable' | 'replaced';

/** What comes from a partner. */
export type Remote =
  | { type: 'nav'; pos: Position }
  /** For a presenter: a navigation command pressed on the audience terminal. */
  | { type: 'ask'; command: string; count: number | null }
  | { type: 'timer'; timer: TimerShare }
  | { type: 'blank'; on: boolean }
  /** For a presenter: how the audience screen fits the position it shows. */
  | { type: 'fit'; fit: FitReport };

export interface Link {
  role: Role;
  /** Report a move made here. */
  moved(pos: Position): void;
  /** Ask the presenter to apply a navigation command (from the audience terminal). */
  ask(command: string, count: number | null): void;
  /** The timer changed here (started, paused, reset). */
  timer(t: TimerShare): void;
  /** The audience screen was blanked or restored here. */
  blank(on: boolean): void;
  /** How this audience screen fits what it shows (sent when it changes, and to a presenter that joins). */
  fit(report: FitReport): void;
  /** Called with what partners send; returns an unsubscribe function. */
  onRemote(cb: (r: Remote) => void): () => void;
  onStatus(cb: (status: LinkStatus) => void): () => void;
  /** Why the link is 'unavailable', short enough for the status line. */
  readonly reason?: string;
  close(): void;
}
