import { createHash, randomBytes } from 'node:crypto';
import net from 'node:net';
import { ID_BYTES, LineBuffer, decode, partner, type FitReport, type Hello, type Message, type Position, type Role } from './protocol.js';
import { Clients, sendTo as send } from './hub.js';
import { Peers, SharedTimer, Stamped, SyncState, samePos, type Link, type LinkStatus, type Remote } from './sync.js';
import { identity, ownOnly, pathProblem, removeSocket, socketDir, socketFits, socketPath } from './folder.js';
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
  /** The socket itself (`--socket`, e.g. one forwarded by ssh), in place of the channel's in the folder. */
  path?: string;
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
 *
 * A follower only connects (it never listens, and never answers a hello):
 * many can watch one presenter. The terminal that listens passes a
 * follower's messages to no other follower, and an answer to a hello only to
 * the terminal that said it; every connection has a bounded outbox (outbox.ts),
 * so one that stops reading never holds up the others.
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
  const path = opts.path ?? socketPath(opts.channel, dir);
  const follower = role === 'follower';
  const remoteCbs = new Set<(r: Remote) => void>();
  const statusCbs = new Set<(s: LinkStatus) => void>();
  let status: LinkStatus = 'alone';
  let reason: string | undefined;
  let closed = false;
  let server: net.Server | null = null;
  let upstream: net.Socket | null = null;
  const clients = new Clients();
  /** The audience screen's last fit report (sent again to a presenter that joins). */
  let lastFit: FitReport | null = null;
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
  /** To the others on the channel: upstream, and (on the hub) the clients but `except`. */
  const broadcast = (m: Message, except?: net.Socket, about: Role = m.role) => {
    if (upstream && upstream !== except) send(upstream, m);
    clients.relay(m, except, about);
  };

  /** What a partner's message changes here. */
  const apply = (m: Message) => {
    if (m.type === 'ask') {
      if (role === 'presenter') tell({ type: 'ask', command: m.command, count: m.count });
      return;
    }
    if (m.type === 'fit') {
      if (role === 'presenter') tell({ type: 'fit', fit: { pos: m.pos, pages: m.pages, cols: m.cols, rows: m.rows } });
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
      clients.heard(sock, m);
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
      // A terminal that has just come hears from everyone as they are now (the timer as it reads now); followers keep quiet.
      if (!m.reply && !follower) broadcast(hello({ reply: true, to: m.id }));
      // A presenter that joins hears how the audience screen fits.
      if (role === 'audience' && m.role === 'presenter' && lastFit) broadcast({ v: 2, type: 'fit', deck, id, role, ...lastFit });
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
        const gone = clients.remove(sock);
        if (gone.id) broadcast({ v: 2, type: 'bye', deck, id: gone.id, role }, undefined, gone.role);
      });
      send(sock, hello({ others: clients.answering() }));
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
      ownOnly(path);
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
      // A follower waits for a presenter's channel: it never listens, nor removes a socket.
      if (follower) return schedule();
      if (err.code === 'ECONNREFUSED') {
        // Nobody listened: a socket left by a crash. Remove it and listen here,
        // unless another terminal has done so meanwhile (then join it next time).
        if (seen === undefined || identity(path) !== seen) return schedule();
        removeSocket(path);
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
    // No private folder, or no way to the socket: present without linking, and say why.
    const why = pathProblem(path, opts.path === undefined ? dir : undefined, uid);
    if (why) return off(why);
    connect();
  };

  const shutdown = () => {
    closed = true;
    retry?.();
    upstream?.destroy();
    clients.destroyAll();
    if (server) {
      server.close();
      server = null;
      removeSocket(path);
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
    // A follower says nothing but hello: it moves, times and blanks nobody.
    moved(pos) {
      if (closed || follower || samePos(pos, sync.pos)) return;
      broadcast(sync.local(pos, now()));
    },
    ask(command, count) {
      if (!closed && !follower) broadcast({ v: 2, type: 'ask', deck, id, role, command, count });
    },
    timer(t) {
      if (!closed && !follower) broadcast({ v: 2, type: 'timer', deck, id, role, timer: timer.local(t, now()) });
    },
    blank(on) {
      if (!closed && !follower) broadcast({ v: 2, type: 'blank', deck, id, role, blank: blank.local(on, now()) });
    },
    fit(report) {
      if (closed || role !== 'audience') return;
      const l = lastFit;
      if (l && samePos(l.pos, report.pos) && l.pages === report.pages && l.cols === report.cols && l.rows === report.rows) return;
      lastFit = report;
      broadcast({ v: 2, type: 'fit', deck, id, role, ...report });
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

/** A deck's fingerprint: a hash of its slides' parts (for the channel: each slide's title, text and steps). */
export function deckFingerprint(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16);
}
