/**
 * The connections of the terminal that listens (the hub), and writing to any
 * connection through its bounded outbox (outbox.ts).
 */
import type net from 'node:net';
import { encode, type Message, type Role } from './protocol.js';
import { Outbox, kindOf } from './outbox.js';

const outboxes = new WeakMap<net.Socket, Outbox>();
let seq = 0;

/** Write `m` to `sock` without ever waiting; a connection that takes nothing while more and more waits is given up on. */
export function sendTo(sock: net.Socket, m: Message): void {
  if (sock.destroyed) return;
  let box = outboxes.get(sock);
  if (!box) {
    const made = new Outbox((data) => sock.write(data));
    sock.on('drain', () => made.drained());
    outboxes.set(sock, (box = made));
  }
  if (!box.send(kindOf(m, seq++), encode(m))) sock.destroy();
}

/** The hub's clients: each connection, and the terminal (id, role) at its other end once it has spoken. */
export class Clients {
  private readonly who = new Map<net.Socket, { id?: string; role?: Role }>();

  add(sock: net.Socket): void {
    this.who.set(sock, {});
  }

  has(sock: net.Socket): boolean {
    return this.who.has(sock);
  }

  /** A message came in on `sock`: the first names the terminal at its other end. */
  heard(sock: net.Socket, m: Message): void {
    const w = this.who.get(sock);
    if (w && w.id === undefined && m.type !== 'bye') Object.assign(w, { id: m.id, role: m.role });
  }

  /** The connection closed: who was at its other end. */
  remove(sock: net.Socket): { id?: string; role?: Role } {
    const w = this.who.get(sock) ?? {};
    this.who.delete(sock);
    return w;
  }

  /** How many terminals on the hub answer a hello (followers never do). */
  answering(): number {
    let n = 0;
    for (const w of this.who.values()) if (w.role !== undefined && w.role !== 'follower') n++;
    return n;
  }

  /**
   * To every client but `except`: a hello meant for one terminal only to it,
   * and what a follower says (or a bye of one: `about` is the role of the
   * terminal a message is from or about) to no other follower.
   */
  relay(m: Message, except?: net.Socket, about: Role = m.role): void {
    const to = m.type === 'hello' ? m.to : undefined;
    for (const [c, w] of this.who) {
      if (c === except || (to !== undefined && w.id !== to)) continue;
      if (about === 'follower' && w.role === 'follower') continue;
      sendTo(c, m);
    }
  }

  destroyAll(): void {
    for (const c of this.who.keys()) c.destroy();
  }
}
