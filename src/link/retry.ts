/** When a link tries again after an attempt that came to nothing. */

/** The first retry comes after at most RETRY_MIN_MS, each later one after up to twice as long, never more than RETRY_MAX_MS. */
export const RETRY_MIN_MS = 100;
export const RETRY_MAX_MS = 5000;

/** How long to wait after `failures` attempts in a row came to nothing: doubling, capped, with some jitter. */
export function retryDelay(failures: number, random: () => number = Math.random): number {
  const ms = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** Math.min(failures, 16));
  return Math.round(ms * (0.75 + 0.25 * random()));
}

export function laterTimer(fn: () => void, ms: number): () => void {
  const timer = setTimeout(fn, ms);
  timer.unref?.();
  return () => clearTimeout(timer);
}
