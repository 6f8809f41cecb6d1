import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

/**
 * Call `onChange` when a deck's files change on disk. A one-file deck is
 * watched through its folder, because editors often save by replacing the
 * file. Bursts of events (an editor's save) are folded into one call after
 * `debounceMs` of quiet. File-system events only: no polling, no CPU while
 * nothing changes.
 */
export function watchDeck(path: string, folder: boolean, onChange: () => void, debounceMs = 80): () => void {
  const dir = folder ? path : dirname(path);
  const name = folder ? null : basename(path);
  let timer: NodeJS.Timeout | null = null;
  let watcher: FSWatcher | null = null;
  const fire = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      onChange();
    }, debounceMs);
  };
  try {
    watcher = watch(dir, { persistent: false }, (_event, file) => {
      if (name && file && file.toString() !== name) return;
      if (folder && file && !/\.(md|markdown)$/i.test(file.toString())) return;
      fire();
    });
    watcher.on('error', () => undefined);
  } catch {
    // Nothing to watch (the folder went away): reloading by hand still works.
  }
  return () => {
    if (timer) clearTimeout(timer);
    watcher?.close();
  };
}
