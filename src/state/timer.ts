import type { Timer } from './types.js';

/** Timer reading in ms at `now`. */
export function elapsed(timer: Timer, now: number): number {
  return timer.banked + (timer.running ? Math.max(0, now - timer.since) : 0);
}

export function startTimer(timer: Timer, now: number): Timer {
  return timer.running ? timer : { ...timer, started: true, running: true, since: now };
}
