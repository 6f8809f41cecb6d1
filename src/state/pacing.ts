/**
 * Pacing: where a briefer should be by now, from the deck's planned minutes
 * (front matter `duration:`) and optional per-section minutes.
 */

export interface PlanSection {
  first: number;
  last: number;
  /** Planned minutes for this section, when given. */
  minutes?: number;
  /** Backup slides: no time is planned for them, and the plan's total is the main slides'. */
  backup?: boolean;
}

export interface Plan {
  /** Planned minutes for the whole deck, when given. */
  minutes?: number;
  sections: readonly PlanSection[];
}

const MIN = 60_000;

/** Planned milliseconds for each section; undefined when there is no plan at all. */
export function sectionBudgets(plan: Plan): number[] | undefined {
  const main = plan.sections.filter((s) => !s.backup);
  const known = main.reduce((a, s) => a + (s.minutes ?? 0), 0);
  const hasSection = main.some((s) => s.minutes !== undefined);
  if (plan.minutes === undefined && !hasSection) return undefined;
  const total = Math.max(plan.minutes ?? known, known);
  const rest = total - known;
  const unknownSlides = main
    .filter((s) => s.minutes === undefined)
    .reduce((a, s) => a + (s.last - s.first + 1), 0);
  return plan.sections.map((s) => {
    if (s.backup) return 0;
    if (s.minutes !== undefined) return s.minutes * MIN;
    return unknownSlides ? (rest * MIN * (s.last - s.first + 1)) / unknownSlides : 0;
  });
}

/** Planned time (ms from the start) at which slide `index` should begin (on a backup slide: the end of the plan). */
export function plannedStart(plan: Plan, index: number): number | undefined {
  const budgets = sectionBudgets(plan);
  if (!budgets) return undefined;
  let t = 0;
  for (let i = 0; i < plan.sections.length; i++) {
    const s = plan.sections[i];
    if (index > s.last) {
      t += budgets[i];
      continue;
    }
    const n = s.last - s.first + 1;
    return t + (budgets[i] * Math.max(0, index - s.first)) / n;
  }
  return t;
}

export interface Pace {
  /** Planned total (ms). */
  total: number;
  /** Time left of the plan (ms), negative when over. */
  remaining: number;
  /** Ahead (positive) or behind (negative) the plan, in ms. */
  ahead: number;
}

export function pace(plan: Plan, index: number, elapsedMs: number): Pace | undefined {
  const budgets = sectionBudgets(plan);
  const start = plannedStart(plan, index);
  if (!budgets || start === undefined) return undefined;
  const total = budgets.reduce((a, b) => a + b, 0);
  return { total, remaining: total - elapsedMs, ahead: start - elapsedMs };
}

/** `m:ss` (or `h:mm:ss`), with a sign when asked. */
export function clock(ms: number, signed = false): string {
  const sign = ms < 0 ? '-' : signed ? '+' : '';
  let s = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h ? `${sign}${h}:${pad(m)}:${pad(s)}` : `${sign}${m}:${pad(s)}`;
}

/** The wall clock, `HH:MM`. */
export function wallClock(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}
