/**
 * Where the link's socket lives, and what is checked before it is used: a
 * folder of the user's own (mode 0700, not a link), a socket path that fits
 * the platform's limit, nothing at the socket's path but the user's own socket.
 */
import { chmodSync, lstatSync, mkdirSync, unlinkSync, type Stats } from 'node:fs';
import { createHash } from 'node:crypto';
import { homedir, tmpdir } from 'node:os';
import { isAbsolute, join, sep } from 'node:path';

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

/** Which file is at `path` (inode and change time), if any: a socket made again in its place is another one. */
export function identity(path: string): string | undefined {
  try {
    const st = lstatSync(path, { bigint: true });
    return `${st.dev}:${st.ino}:${st.ctimeNs}`;
  } catch {
    return undefined;
  }
}

/**
 * A path short enough for the status line: ~ for the home folder, and of a
 * long one only its last folders.
 */
export function shortPath(path: string, home = homedir()): string {
  const p = home && home !== sep && (path === home || path.startsWith(home + sep)) ? '~' + path.slice(home.length) : path;
  const chars = Array.from(p);
  const room = 24;
  if (chars.length <= room) return p;
  const tail = chars.slice(-(room - 1)).join('');
  const cut = tail.indexOf(sep);
  return '…' + (cut >= 0 ? tail.slice(cut) : tail);
}

/**
 * Make sure the socket folder is there and private: a folder (not a link to
 * one), the user's own, mode 0700 (a looser one is tightened). Checked with
 * lstat, so a symbolic link is never followed. Returns why not, if not.
 */
export function privateDir(dir: string, uid: number | undefined): string | undefined {
  const name = shortPath(dir);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch {
    return `cannot make ${name}`;
  }
  try {
    let st = lstatSync(dir);
    if (!st.isDirectory()) return `${name} is not a folder`;
    if (uid !== undefined && st.uid !== uid) return `${name} is not yours`;
    if ((st.mode & 0o777) !== 0o700) {
      chmodSync(dir, 0o700);
      st = lstatSync(dir);
      if (!st.isDirectory() || (st.mode & 0o777) !== 0o700) return `${name} is not private`;
    }
  } catch {
    return `${name} is not private`;
  }
  return undefined;
}

/**
 * Before connecting: whatever is at the socket's path must be a socket of the
 * user's own. Anything else (a socket another user planted while the folder
 * was open to others, a file, a link) is removed; the folder is the user's, so
 * it can be. Returns why not, if it cannot.
 */
export function clearPath(path: string, uid: number | undefined): string | undefined {
  let st: Stats;
  try {
    st = lstatSync(path);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : `cannot read ${shortPath(path)}`;
  }
  if (st.isSocket() && (uid === undefined || st.uid === uid)) return undefined;
  try {
    unlinkSync(path);
    return undefined;
  } catch {
    return `${shortPath(path)} is in the way`;
  }
}

/**
 * A socket named on the command line (`--socket`): nothing but a socket may
 * be at its path (nothing else is ever removed). Returns why not, if not.
 */
export function givenPath(path: string): string | undefined {
  try {
    return lstatSync(path).isSocket() ? undefined : `${shortPath(path)} is not a socket`;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : `cannot read ${shortPath(path)}`;
  }
}

/**
 * Before connecting: why the socket's path cannot be used, if it cannot. In
 * the channel's folder `dir`: the folder must be private and nothing but the
 * user's socket at the path; a socket named on the command line (no `dir`):
 * its folder is the user's choice, and only a socket may be in the way.
 */
export function pathProblem(path: string, dir: string | undefined, uid: number | undefined): string | undefined {
  if (dir === undefined) return givenPath(path);
  if (process.platform === 'win32') return undefined;
  return privateDir(dir, uid) ?? clearPath(path, uid);
}

/** The socket just made is for its owner only (best effort: its folder is private already). */
export function ownOnly(path: string): void {
  if (process.platform === 'win32') return;
  try {
    chmodSync(path, 0o600);
  } catch {
    // best effort
  }
}

/** Remove a socket (left by a crash, or this terminal's own at the end); one already gone is fine. */
export function removeSocket(path: string): void {
  if (process.platform === 'win32') return;
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}
