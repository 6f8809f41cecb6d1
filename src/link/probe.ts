/**
 * Before a presenter takes the screen: is there a presenter on the channel
 * already? (A second one is refused, unless it takes over.)
 */
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { ID_BYTES, LineBuffer, ZERO, decode, encode, type Message } from './protocol.js';
import { identity, socketDir, socketPath } from './folder.js';

/**
 * Whether a presenter is on the channel now: connect (when a socket is
 * there), say hello as a follower, and listen until the terminal that
 * listens and every other it counts have answered, or `timeoutMs` passed.
 * Nothing is removed or made; no answer means no presenter.
 */
export function presenterThere(channel: string, dir = socketDir(), timeoutMs = 3000, given?: string): Promise<boolean> {
  const path = given ?? socketPath(channel, dir);
  return new Promise((resolve) => {
    if (process.platform !== 'win32' && identity(path) === undefined) return resolve(false);
    const sock = net.connect(path);
    const id = randomBytes(ID_BYTES).toString('hex');
    const answered = new Set<string>();
    let expect = Infinity;
    const done = (found: boolean) => {
      clearTimeout(timer);
      sock.destroy();
      resolve(found);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    const buf = new LineBuffer();
    sock.setEncoding('utf8');
    sock.on('error', () => done(false));
    sock.on('connect', () => {
      const still = { value: false, stamp: ZERO };
      const timerShare = { value: { elapsed: 0, running: false, started: false }, stamp: ZERO };
      const deck = '0'.repeat(16);
      const pos = { index: 0, step: 0 };
      send(sock, { v: 2, type: 'hello', deck, id, role: 'follower', pos, stamp: ZERO, timer: timerShare, blank: still });
    });
    sock.on('data', (chunk: string) => {
      for (const line of buf.push(chunk)) {
        const m = decode(line);
        if (!m || m.type !== 'hello') continue;
        if (m.role === 'presenter') return done(true);
        if (m.others !== undefined && !m.reply) expect = m.others + 1;
        if (m.reply) answered.add(m.id);
        if (answered.size >= expect) return done(false);
      }
    });
  });
}

function send(sock: net.Socket, m: Message): void {
  if (!sock.destroyed) sock.write(encode(m));
}
