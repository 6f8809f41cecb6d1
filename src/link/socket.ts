import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, unlinkSync } from 'node:fs';
import net from 'node:net';
import { ID_BYTES, LineBuffer, decode, encode, partner, type Hello, type Message, type Position, type Role } from './protocol.js';
import { Peers, SharedTimer, Stamped, SyncState, type Link, type LinkStatus, type Remote } from './sync.js';
import { clearPath, identity, privateDir, socketDir, socketFits, socketPath } from './folder.js';
import { laterTimer, retryDelay } from './retry.js';

export interface LinkOptions {
  /** What terminals meet on: the deck's path, or a name given with --channel. */
  channel: string;
  /** Fingerprint of the deck: terminals showing different decks never exchange positions. */
  deckId: string;
  role: Role;
  /** A presenter that takes the channel over from the presenter there (who is told, and goes on unlinked). */
  takeover?: boolean;
  /** Folder for the socket (tests); default: $XDG_RUNTIME_DIR/brief-present or a per-user temp folder. */
  dir?: string;
  /** Where this terminal starts. */
  start?: Position;
  now?: () => number;
  /** Runs `fn` after `ms` and returns a way to cancel it (tests); default: an unref'd setTimeout. */
  later?: (fn: () => void, ms: number) => () => void;
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
  const { role, deckId: deck } = opts;
  const sync = new SyncState(id, deck, opts.start ?? { index: 0, step: 0 }, role);
  const timer = new SharedTimer(id);
  const blank = new Stamped<boolean>(id, false);
  const dir = opts.dir ?? socketDir();
  const path = socketPath(opts.channel, dir);
  const remoteCbs = new Set<(r: Remote) => void>();
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
  /** The link is off for this run; `why` is shown on the presenter's status line. */
  const off = (why: string, s: LinkStatus = 'unavailable') => {
    shutdown();
    reason = why;
    setStatus(s);
  };
  /** The other terminals heard of, and the connection each is heard through. */
  const peers = new Peers<net.Socket>(role, deck);
  /** On the hub: the terminal at the other end of each connection. */
  const ids = new Map<net.Socket, string>();
  const refreshStatus = () => {
    if (!closed) setStatus(peers.status(status));
  };
  const tell = (r: Remote) => {
    for (const cb of remoteCbs) cb(r);
  };

  const hello = (extra: Partial<Hello> = {}): Hello => ({
    v: 2,
    type: 'hello',
    deck,
    id,
    role,
    pos: sync.pos,
    stamp: sync.latest,
    timer: timer.reading(now()),
    blank: blank.shared,
    ...(opts.takeover ? { takeover: true } : {}),
    ...extra,
  });
  const send = (sock: net.Socket, m: Message) => {
    if (!sock.destroyed) sock.write(encode(m));
  };
  const broadcast = (m: Message, except?: net.Socket) => {
    if (upstream && upstream !== except) send(upstream, m);
    for (const c of clients) if (c !== except) send(c, m);
  };

  /** What a partner's message changes here. */
  const apply = (m: Message) => {
    if (m.type === 'ask') {
      if (role === 'presenter') tell({ type: 'ask', command: m.command, count: m.count });
      return;
    }
    if (m.type === 'hello' || m.type === 'nav') {
      const pos = sync.receive(m);
      if (pos) tell({ type: 'nav', pos });
    }
    if ((m.type === 'hello' || m.type === 'timer') && timer.receive(m.timer, now())) tell({ type: 'timer', timer: m.timer.value });
    if ((m.type === 'hello' || m.type === 'blank') && blank.receive(m.blank)) tell({ type: 'blank', on: m.blank.value });
  };

  const heard = (sock: net.Socket, m: Message) => {
    failures = 0; // another terminal is there
    if (clients.has(sock)) {
      if (!ids.has(sock) && m.type !== 'bye') ids.set(sock, m.id);
      // Relay to everyone else on the channel (what was checked, not what came in).
      broadcast(m, sock);
    }
    if (m.type === 'bye') peers.gone(m.id);
    else peers.heard(m.id, m.role, m.deck, sock);
    refreshStatus();
    if (m.type === 'bye') return;
    if (m.type === 'hello') {
      // One presenter per channel: one taking over wins; of two started at once (both past the check), one stays.
      const yields = !!m.takeover === !!opts.takeover ? m.id > id : !!m.takeover;
      if (role === 'presenter' && m.role === 'presenter' && yields) return off('another presenter took over', 'replaced');
      // A terminal that has just come hears from everyone as they are now (the timer as it reads now).
      if (!m.reply) broadcast(hello({ reply: true }));
    }
    if (m.deck === deck && partner(role, m.role)) apply(m);
  };

  const wire = (sock: net.Socket, onGone: () => void) => {
    const buf = new LineBuffer();
    sock.setEncoding('utf8');
    sock.on('data', (chunk: string) => {
      for (const line of buf.push(chunk)) {
        const m = decode(line, now());
        if (m && m.id !== id && !closed) heard(sock, m);
      }
    });
    sock.on('error', () => sock.destroy());
    sock.on('close', () => {
      peers.goneVia(sock);
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
      wire(sock, () => {
        clients.delete(sock);
        const gone = ids.get(sock);
        ids.delete(sock);
        if (gone) broadcast({ v: 2, type: 'bye', deck, id: gone, role });
      });
      send(sock, hello({ others: ids.size }));
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
      send(sock, hello());
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
    wire(sock, () => {
      if (upstream === sock) {
        upstream = null;
        schedule();
      }
    });
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

  const shutdown = () => {
    closed = true;
    retry?.();
    upstream?.destroy();
    for (const c of clients) c.destroy();
    if (server) {
      server.close();
      server = null;
      if (process.platform !== 'win32') {
        try {
          unlinkSync(path);
        } catch {
          // already gone
        }
      }
    }
  };

  // Cut short, the socket would land elsewhere, with nobody to remove it.
  if (!socketFits(path)) off('socket path too long');
  else join();

  return {
    role,
    get reason() {
      return reason;
    },
    moved(pos) {
      if (closed) return;
      if (pos.index === sync.pos.index && pos.step === sync.pos.step) return;
      broadcast(sync.local(pos, now()));
    },
    ask(command, count) {
      if (!closed) broadcast({ v: 2, type: 'ask', deck, id, role, command, count });
    },
    timer(t) {
      if (!closed) broadcast({ v: 2, type: 'timer', deck, id, role, timer: timer.local(t, now()) });
    },
    blank(on) {
      if (!closed) broadcast({ v: 2, type: 'blank', deck, id, role, blank: blank.local(on, now()) });
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
    close: shutdown,
  };
}

/** A deck's fingerprint for the channel: its slide count and titles. */
export function deckFingerprint(titles: readonly string[]): string {
  return createHash('sha256').update(titles.join('\u0000')).digest('hex').slice(0, 16);
}
