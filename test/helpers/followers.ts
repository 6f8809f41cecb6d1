// Followers as a test (or the bench) plays them: socket clients that speak the
// link protocol, as many as wanted in one process. Each says hello as a
// follower and records the positions the presenter sends; one may stall (it
// stops reading its socket, as a follower whose machine froze).
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { ID_BYTES, LineBuffer, decode, encode } from '../../src/link/protocol.js';

export interface FakeFollower {
  /** The slide (0-based) the presenter last sent, and when it arrived (performance.now()). */
  index: number;
  at: number;
  /** Resolves when the presenter's position is `index`. */
  reaches(index: number, timeoutMs?: number): Promise<number>;
  close(): void;
}

/**
 * A follower on the socket at `path`, showing the deck with fingerprint
 * `deck`; `stalled`: it reads nothing once it has said hello. A presenter
 * makes its socket just after its first screen: until it is there (at most
 * `waitMs`), the follower tries again.
 */
export async function fakeFollower(path: string, deck: string, stalled = false, waitMs = 10_000): Promise<FakeFollower> {
  const until = performance.now() + waitMs;
  for (;;) {
    try {
      return await connectFollower(path, deck, stalled);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if ((code !== 'ENOENT' && code !== 'ECONNREFUSED') || performance.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

function connectFollower(path: string, deck: string, stalled: boolean): Promise<FakeFollower> {
  return new Promise((resolve, reject) => {
    const sock = net.connect(path);
    const id = randomBytes(ID_BYTES).toString('hex');
    const waiters = new Set<{ index: number; done: (at: number) => void }>();
    const f: FakeFollower = {
      index: -1,
      at: 0,
      reaches(index, timeoutMs = 10_000) {
        if (f.index === index) return Promise.resolve(f.at);
        return new Promise((ok, fail) => {
          const timer = setTimeout(() => fail(new Error(`no position ${index} within ${timeoutMs} ms (last: ${f.index})`)), timeoutMs);
          waiters.add({ index, done: (at) => (clearTimeout(timer), ok(at)) });
        });
      },
      close: () => sock.destroy(),
    };
    const buf = new LineBuffer();
    sock.setEncoding('utf8');
    sock.on('error', reject);
    sock.on('connect', () => {
      const still = { t: 0, id: '' };
      sock.write(
        encode({
          v: 2,
          type: 'hello',
          deck,
          id,
          role: 'follower',
          pos: { index: 0, step: 0 },
          stamp: still,
          timer: { value: { elapsed: 0, running: false, started: false }, stamp: still },
          blank: { value: false, stamp: still },
        }),
      );
      if (stalled) sock.pause();
      resolve(f);
    });
    sock.on('data', (chunk: string) => {
      for (const line of buf.push(chunk)) {
        const m = decode(line);
        if (!m || m.role !== 'presenter' || (m.type !== 'nav' && m.type !== 'hello')) continue;
        f.index = m.pos.index;
        f.at = performance.now();
        for (const w of waiters) if (w.index === f.index) (waiters.delete(w), w.done(f.at));
      }
    });
  });
}
