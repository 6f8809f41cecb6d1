/**
 * What is waiting to be written to one connection (pure: the writing is
 * handed in). While the connection takes what is written, it is written at
 * once; once it stops taking it (a terminal that stopped reading its
 * socket, a slow link), messages wait here, and a newer message of the same
 * kind takes the place of the older one: only the latest position, timer
 * and blank screen matter. At most `max` messages wait; one more, and the
 * connection is given up on (`send` returns false). Nothing is ever buffered
 * without bound, and the sender never waits.
 */
import type { Message } from './protocol.js';

/** The most messages waiting for one connection. */
export const OUTBOX_MAX = 64;

/** What a waiting message is replaced by: the next of the same kind (each terminal's hello and bye are their own). */
export function kindOf(m: Message, seq: number): string {
  switch (m.type) {
    case 'hello':
    case 'bye':
      return `${m.type}:${m.id}`;
    case 'ask':
      return `ask:${seq}`; // each asked move counts
    default:
      return m.type;
  }
}

export class Outbox {
  private readonly waiting = new Map<string, string>();
  private blocked = false;

  /** `write` returns false when the connection takes no more for now (then `drained` is called when it does). */
  constructor(
    private readonly write: (data: string) => boolean,
    readonly max = OUTBOX_MAX,
  ) {}

  /** Write `line`, or keep it (in place of one of the same kind) until the connection drains; false: too much waits. */
  send(kind: string, line: string): boolean {
    if (!this.blocked) {
      this.blocked = !this.write(line);
      return true;
    }
    this.waiting.delete(kind); // the newer one goes last, in order of arrival
    this.waiting.set(kind, line);
    return this.waiting.size <= this.max;
  }

  /** How many messages wait. */
  get size(): number {
    return this.waiting.size;
  }

  /** The connection takes more: write what waits, in order. */
  drained(): void {
    this.blocked = false;
    if (this.waiting.size === 0) return;
    const data = [...this.waiting.values()].join('');
    this.waiting.clear();
    this.blocked = !this.write(data);
  }
}
