/**
 * Rehearsing: how long each slide was on screen, and each section against its
 * budget. Pure: the clock comes in as `now`, the time of each position change
 * the session sees. A slide's time runs while it is the current slide of the
 * slides or presenter view (overlays included: the slide stays behind them),
 * not while the reading view is open.
 */
import { sectionBudgets, type PlanSection } from './pacing.js';
import type { State } from './types.js';

export interface Rehearsal {
  /** Milliseconds each slide has been shown, by slide index. */
  readonly ms: readonly number[];
  /** The slide being timed now, or null (reading view, or ended). */
  readonly at: number | null;
  /** When timing `at` began (ms). */
  readonly since: number;
}

/** The slide a state shows for rehearsal timing: null in the reading view. */
export function timedSlide(state: Pick<State, 'view' | 'index'>): number | null {
  return state.view === 'reading' ? null : state.index;
}

export function startRehearsal(count: number): Rehearsal {
  return { ms: Array.from({ length: count }, () => 0), at: null, since: 0 };
}

/** The time up to `now` banked on the slide being timed, and `slide` timed from `now` on. */
export function rehearsalAt(r: Rehearsal, slide: number | null, now: number): Rehearsal {
  if (slide === r.at && r.at !== null) return r;
  let ms = r.ms;
  if (r.at !== null) {
    const copy = ms.slice();
    while (copy.length <= r.at) copy.push(0);
    copy[r.at] += Math.max(0, now - r.since);
    ms = copy;
  }
  return { ms, at: slide, since: now };
}

/** Stop timing at `now`: every millisecond banked. */
export function endRehearsal(r: Rehearsal, now: number): Rehearsal {
  return rehearsalAt(r, null, now);
}

/** A deck's plan with its sections' titles. */
export interface TitledPlan {
  minutes?: number;
  sections: readonly (PlanSection & { title: string })[];
}

export interface SectionTime {
  title: string;
  /** First and last slide index (inclusive). */
  first: number;
  last: number;
  /** Time spent in the section (ms). */
  spent: number;
  /** Planned time (ms), when the deck plans any. */
  budget?: number;
}

/** Each section's time from its slides' times, with its budget from the plan. */
export function sectionTimes(
  plan: TitledPlan,
  slideMs: readonly number[],
): SectionTime[] {
  const budgets = sectionBudgets(plan);
  return plan.sections.map((s, i) => {
    let spent = 0;
    for (let k = s.first; k <= s.last; k++) spent += slideMs[k] ?? 0;
    const row: SectionTime = { title: s.title, first: s.first, last: s.last, spent };
    if (budgets) row.budget = budgets[i];
    return row;
  });
}

/**
 * A section's time in an earlier rehearsal, matched by title (the n-th
 * section of a title to the n-th of that title), so a deck edited since
 * still finds its sections.
 */
export function matchSections(
  titles: readonly string[],
  recorded: readonly { title: string; seconds: number }[],
): (number | undefined)[] {
  const seen = new Map<string, number>();
  return titles.map((title) => {
    const n = seen.get(title) ?? 0;
    seen.set(title, n + 1);
    const found = recorded.filter((r) => r.title === title)[n];
    return found ? found.seconds * 1000 : undefined;
  });
}

export interface OverBudget {
  section: number;
  title: string;
  spent: number;
  budget: number;
}

/** Sections whose recorded time (ms, as `matchSections` gives) is over their budget. */
export function overBudget(
  plan: TitledPlan,
  recorded: readonly (number | undefined)[],
): OverBudget[] {
  const budgets = sectionBudgets(plan);
  if (!budgets) return [];
  const out: OverBudget[] = [];
  plan.sections.forEach((s, i) => {
    const spent = recorded[i];
    // Whole seconds: what the file keeps to a tenth is not "over" by a rounding.
    if (spent !== undefined && Math.round(spent / 1000) > Math.round(budgets[i] / 1000)) {
      out.push({ section: i, title: s.title, spent, budget: budgets[i] });
    }
  });
  return out;
}
