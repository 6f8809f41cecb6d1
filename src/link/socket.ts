import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, lstatSync, mkdirSync, unlinkSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
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
}

/**
 * The longest socket path the platform takes (sun_path, less its closing
 * NUL): 107 bytes on Linux, 103 on macOS and the BSDs. A longer one is not
 * refused by Node but cut short, which puts the socket somewhere else.
 */
export const MAX_SOCKET_PATH = process.platform === 'linux' ? 107 : 103;

/** Whether a socket path fits (a Windows pipe name always does). */
export function socketFits(path: string): boolean {
  return process.platform === 'win32' || Buffer.byteLength(path) <= MAX_SOCKET_PATH;
}

/**
 * The per-user folder for sockets, created with mode 0700: the first of
 * $XDG_RUNTIME_DIR/brief-present (only when it is an absolute path, as the
 * XDG Base Directory specification says), the temp folder's
 * brief-present-<uid>, and /tmp/brief-present-<uid> where a socket path fits.
 * Every terminal goes through the same choice, so they meet.
 */
export function socketDir(env: NodeJS.ProcessEnv = process.env): string {
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
  const xdg = env.XDG_RUNTIME_DIR;
  const dirs = [
    xdg && isAbsolute(xdg) ? join(xdg, 'brief-present') : '',
    isAbsolute(tmpdir()) ? join(tmpdir(), `brief-present-${uid}`) : '',
    process.platform === 'win32' ? '' : `/tmp/brief-present-${uid}`,
  ].filter(Boolean);
  return dirs.find((dir) => socketFits(socketPath('', dir))) ?? dirs[0];
}

/** The socket (or, on Windows, named pipe) for a channel: a hash of it, so its length is fixed. */
export function socketPath(channel: string, dir = socketDir()): string {
  const hash = createHash('sha256').update(channel).digest('hex').slice(0, 20);
  if (process.platform === 'win32') return `\\\\.\\pipe\\brief-present-${hash}`;
  return join(dir, `${hash}.sock`);
}

function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = lstatSync(dir);
  if (!st.isDirectory()) throw new Error(`${dir} is not a folder`);
  if (typeof process.getuid === 'function' && st.uid !== process.getuid()) throw new Error(`${dir} belongs to another user`);
  if ((st.mode & 0o077) !== 0) chmodSync(dir, 0o700);
}

const RETRY_MS = 250;

/**
 * Join the channel: listen on its socket when nobody does (and relay between
 * the terminals that connect), or connect to the one that does. When the
 * other side goes away, keep trying: connect again, or take over listening.
 * A socket left behind by a crash is removed. No network port is opened.
 */
export function openLink(opts: LinkOptions): Link {
  const now = opts.now ?? Date.now;
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
  let retry: NodeJS.Timeout | null = null;

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
  const peers = () => clients.size + (upstream ? 1 : 0);
  const refreshStatus = () => {
    if (peers() > 0) setStatus('linked');
    else if (status === 'linked') setStatus('lost');
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
    sock.on('data', (chunk: string) => {
      for (const line of buf.push(chunk)) {
        const m = decode(line, now());
        if (m && m.deck === opts.deckId) onLine(m);
      }
    });
    sock.on('error', () => sock.destroy());
    sock.on('close', onGone);
  };

  const schedule = () => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = null;
      join();
    }, RETRY_MS + Math.floor(Math.random() * 100));
    retry.unref?.();
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
        () => {
          clients.delete(sock);
          refreshStatus();
        },
      );
      send(sock, sync.hello(opts.role));
      refreshStatus();
    });
    srv.on('error', (err: NodeJS.ErrnoException) => {
      srv.close();
      if (err.code === 'EADDRINUSE') connect(true);
      else schedule();
    });
    srv.listen(path, () => {
      if (closed) return srv.close();
      server = srv;
      if (process.platform !== 'win32') {
        try {
          chmodSync(path, 0o600);
        } catch {
          // best effort: the folder is private already
        }
      }
    });
  };

  const connect = (afterInUse: boolean) => {
    const sock = net.connect(path);
    let connected = false;
    sock.on('connect', () => {
      if (closed) return sock.destroy();
      connected = true;
      upstream = sock;
      send(sock, sync.hello(opts.role));
      refreshStatus();
    });
    sock.on('error', (err: NodeJS.ErrnoException) => {
      sock.destroy();
      if (connected || closed) return;
      if (afterInUse && (err.code === 'ECONNREFUSED' || err.code === 'ENOENT')) {
        // A socket left by a crashed presenter: remove it and listen ourselves.
        try {
          unlinkSync(path);
        } catch {
          // someone else removed it
        }
        listen();
      } else if (err.code === 'ENOENT' || err.code === 'ECONNREFUSED') {
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
          refreshStatus();
          schedule();
        }
      },
    );
  };

  const join = () => {
    if (closed || server || upstream) return;
    connect(false);
  };

  if (!socketFits(path)) {
    // Cut short, the socket would land elsewhere, with nobody to remove it.
    off('socket path too long');
  } else {
    try {
      if (process.platform !== 'win32') privateDir(dir);
      join();
    } catch (err) {
      // No private folder for the socket: present without linking.
      off(err instanceof Error ? err.message : String(err));
    }
  }

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
      if (retry) clearTimeout(retry);
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
