import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, unlinkSync } from 'node:fs';
import net from 'node:net';
import {
  ID_BYTES,
  LineBuffer,
  SyncState,
  decode,
  encode,
  type Link,
  type LinkStatus,
  type Message,
  type Position,
  type Role,
} from './protocol.js';
import { clearPath, identity, privateDir, socketDir, socketFits, socketPath } from './folder.js';

export interface LinkOptions {
  /** What terminals meet on: the deck's path, or a name given with --channel. */
  channel: string;
  /** Fingerprint of the deck: terminals showing different decks never exchange positions. */
  deckId: string;
  role: Role;
  /** Folder for the socket (tests); default: $XDG_RUNTIME_DIR/brief-present or a per-user temp folder. */
  dir?: string;
  /** Where this terminal starts. */
  start?: Position;
  now?: () => number;
  /** Runs `fn` after `ms` and returns a way to cancel it (tests); default: an unref'd setTimeout. */
  later?: (fn: () => void, ms: number) => () => void;
}

/** The first retry comes after at most RETRY_MIN_MS, each later one after up to twice as long, never more than RETRY_MAX_MS. */
export const RETRY_MIN_MS = 100;
export const RETRY_MAX_MS = 5000;

/** How long to wait after `failures` attempts in a row came to nothing: doubling, capped, with some jitter. */
export function retryDelay(failures: number, random: () => number = Math.random): number {
  const ms = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** Math.min(failures, 16));
  return Math.round(ms * (0.75 + 0.25 * random()));
}

function laterTimer(fn: () => void, ms: number): () => void {
  const timer = setTimeout(fn, ms);
  timer.unref?.();
  return () => clearTimeout(timer);
}

/**
 * Join the channel: listen on its socket when nobody does (and relay between
 * the terminals that connect), or connect to the one that does. When the
 * other side goes away, keep trying: connect again, or take over listening.
 * A socket left behind by a crash is removed. Each attempt connects or
 * listens at most once; an attempt that comes to nothing (nobody answers,
 * the path is taken, the other side hangs up before saying hello) is tried
 * again later and later (retryDelay). No network port is opened.
 */
export function openLink(opts: LinkOptions): Link {
  const now = opts.now ?? Date.now;
  const later = opts.later ?? laterTimer;
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  const id = randomBytes(ID_BYTES).toString('hex');
  const sync = new SyncState(id, opts.deckId, opts.start ?? { index: 0, step: 0 });
  const dir = opts.dir ?? socketDir();
  const path = socketPath(opts.channel, dir);
  const remoteCbs = new Set<(pos: Position) => void>();
  const statusCbs = new Set<(s: LinkStatus) => void>();
  let status: LinkStatus = 'alone';
  let reason: string | undefined;
  let closed = false;
  let server: net.Server | null = null;
  let upstream: net.Socket | null = null;
  const clients = new Set<net.Socket>();
  let retry: (() => void) | null = null;
  /** Attempts in a row that came to nothing: how long the next retry waits. */
  let failures = 0;

  const setStatus = (s: LinkStatus) => {
    if (s === status) return;
    status = s;
    for (const cb of statusCbs) cb(s);
  };
  /** The link is off for this run; `why` is shown on the notes terminal's status line. */
  const off = (why: string) => {
    closed = true;
    reason = why;
    setStatus('unavailable');
  };
  /**
   * Each connection (to the hub, or to a terminal connected here) and what
   * its messages said: nothing yet, this deck, or only another version of it
   * (a different fingerprint: positions are not exchanged).
   */
  const peers = new Map<net.Socket, 'quiet' | 'same' | 'other'>();
  const refreshStatus = () => {
    if (closed) return;
    const heard = [...peers.values()];
    if (heard.includes('same')) setStatus('linked');
    else if (heard.includes('other')) setStatus('mismatch');
    else if (status === 'linked' || status === 'mismatch') setStatus('lost');
  };

  const apply = (m: Message) => {
    const pos = sync.receive(m);
    if (pos) for (const cb of remoteCbs) cb(pos);
    return pos !== null;
  };

  const send = (sock: net.Socket, m: Message) => {
    if (!sock.destroyed) sock.write(encode(m));
  };

  const wire = (sock: net.Socket, onLine: (m: Message) => void, onGone: () => void) => {
    const buf = new LineBuffer();
    sock.setEncoding('utf8');
    peers.set(sock, 'quiet');
    sock.on('data', (chunk: string) => {
      for (const line of buf.push(chunk)) {
        const m = decode(line, now());
        if (!m) continue;
        failures = 0; // another terminal is there
        const heard = m.deck === opts.deckId ? 'same' : 'other';
        if (peers.get(sock) !== 'same' && peers.get(sock) !== heard) {
          peers.set(sock, heard);
          refreshStatus();
        }
        if (heard === 'same') onLine(m);
      }
    });
    sock.on('error', () => sock.destroy());
    sock.on('close', () => {
      peers.delete(sock);
      onGone();
      refreshStatus();
    });
  };

  const schedule = () => {
    if (closed || retry) return;
    retry = later(() => {
      retry = null;
      join();
    }, retryDelay(failures++));
  };

  const listen = () => {
    const srv = net.createServer((sock) => {
      clients.add(sock);
      wire(
        sock,
        (m) => {
          apply(m);
          // Relay to everyone else on the channel (what was checked, not what came in).
          const line = encode(m);
          for (const other of clients) if (other !== sock && !other.destroyed) other.write(line);
        },
        () => clients.delete(sock),
      );
      send(sock, sync.hello(opts.role));
    });
    srv.on('error', () => {
      // Taken (another terminal listened first) or not possible: connect or listen on the next attempt.
      srv.close();
      schedule();
    });
    srv.listen(path, () => {
      if (closed) return srv.close();
      server = srv;
      failures = 0;
      if (process.platform !== 'win32') {
        try {
          chmodSync(path, 0o600);
        } catch {
          // best effort: the folder is private already
        }
      }
    });
  };

  const connect = () => {
    const seen = identity(path);
    const sock = net.connect(path);
    let connected = false;
    sock.on('connect', () => {
      if (closed) return sock.destroy();
      connected = true;
      upstream = sock;
      send(sock, sync.hello(opts.role));
    });
    sock.on('error', (err: NodeJS.ErrnoException) => {
      sock.destroy();
      if (connected || closed) return;
      if (err.code === 'ECONNREFUSED') {
        // Nobody listened: a socket left by a crash. Remove it and listen here,
        // unless another terminal has done so meanwhile (then join it next time).
        if (seen === undefined || identity(path) !== seen) return schedule();
        try {
          unlinkSync(path);
        } catch {
          // someone else removed it
        }
        listen();
      } else if (err.code === 'ENOENT') {
        listen();
      } else {
        schedule();
      }
    });
    wire(
      sock,
      (m) => apply(m),
      () => {
        if (upstream === sock) {
          upstream = null;
          schedule();
        }
      },
    );
  };

  /** One attempt: check the folder and the socket's path again (either may have changed), then connect. */
  const join = () => {
    if (closed || server || upstream) return;
    if (process.platform !== 'win32') {
      const why = privateDir(dir, uid) ?? clearPath(path, uid);
      // No private folder, or no way to the socket: present without linking, and say why.
      if (why) return off(why);
    }
    connect();
  };

  // Cut short, the socket would land elsewhere, with nobody to remove it.
  if (!socketFits(path)) off('socket path too long');
  else join();

  return {
    role: opts.role,
    get reason() {
      return reason;
    },
    moved(pos) {
      if (closed) return;
      if (pos.index === sync.pos.index && pos.step === sync.pos.step) return;
      const m = sync.local(pos, now());
      if (upstream) send(upstream, m);
      for (const c of clients) send(c, m);
    },
    onRemote(cb) {
      remoteCbs.add(cb);
      return () => remoteCbs.delete(cb);
    },
    onStatus(cb) {
      statusCbs.add(cb);
      cb(status);
      return () => statusCbs.delete(cb);
    },
    close() {
      closed = true;
      retry?.();
      upstream?.destroy();
      for (const c of clients) c.destroy();
      if (server) {
        server.close();
        if (process.platform !== 'win32') {
          try {
            unlinkSync(path);
          } catch {
            // already gone
          }
        }
      }
    },
  };
}

/** A deck's fingerprint for the channel: its slide count and titles. */
export function deckFingerprint(titles: readonly string[]): string {
  return createHash('sha256').update(titles.join('\u0000')).digest('hex').slice(0, 16);
}
