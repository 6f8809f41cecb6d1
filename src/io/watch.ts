import { statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { MARKDOWN_FILE } from '../deck/meta.js';

/** How often a folder that went away is looked for (ms), only while it is away. */
export const RETURN_POLL_MS = 500;

/**
 * Call `onChange` when a deck's files change on disk. A one-file deck is
 * watched through its folder, because editors often save by replacing the
 * file. Bursts of events (an editor's save) are folded into one call after
 * `debounceMs` of quiet. File-system events while the folder is there: no CPU
 * while nothing changes. When the folder itself goes away (deleted, moved, or
 * replaced by a `git checkout`), its watch hears no more: the folder is then
 * looked for every `pollMs` until it is back, watched again, and the deck
 * read again.
 */
export function watchDeck(
  path: string,
  folder: boolean,
  onChange: () => void,
  debounceMs = 80,
  pollMs = RETURN_POLL_MS,
): () => void {
  const dir = folder ? path : dirname(path);
  const name = folder ? null : basename(path);
  let timer: NodeJS.Timeout | null = null;
  let poll: NodeJS.Timeout | null = null;
  let watcher: FSWatcher | null = null;
  let stopped = false;
  const fire = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      onChange();
    }, debounceMs);
  };
  const detach = () => {
    watcher?.close();
    watcher = null;
  };
  /** Watch the folder that is there now; false when there is none. */
  const attach = (): boolean => {
    const id = identity(dir);
    if (id === null) return false;
    try {
      watcher = watch(dir, { persistent: false }, (event, file) => {
        // The folder itself removed, moved or replaced: this watch hears no more.
        if (event === 'rename' && identity(dir) !== id) return lost();
        if (name && file && file.toString() !== name) return;
        if (folder && file && !MARKDOWN_FILE.test(file.toString())) return;
        fire();
      });
      watcher.on('error', lost);
      return true;
    } catch {
      detach();
      return false;
    }
  };
  /** The folder went away (or was replaced): watch the new one, or wait for it. */
  const lost = () => {
    detach();
    if (stopped) return;
    fire();
    if (!attach()) awaitReturn();
  };
  const awaitReturn = () => {
    if (poll || stopped) return;
    poll = setInterval(() => {
      if (identity(dir) === null) return;
      clearInterval(poll!);
      poll = null;
      if (attach()) fire();
      else awaitReturn();
    }, pollMs);
    // Like the watch itself, the wait keeps no program running.
    poll.unref();
  };
  if (!attach()) awaitReturn();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    if (poll) clearInterval(poll);
    poll = null;
    detach();
  };
}

/** Which folder is at `dir` now (device and inode), or null when there is none. */
function identity(dir: string): string | null {
  try {
    const s = statSync(dir);
    return s.isDirectory() ? `${s.dev}:${s.ino}` : null;
  } catch {
    return null;
  }
}
