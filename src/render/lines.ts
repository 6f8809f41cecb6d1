/**
 * Array helpers safe at any length: `out.push(...items)` and
 * `Math.min(...values)` pass every item as an argument, and overflow the
 * stack past about 120,000 of them (a slide of 200,000 list items).
 */

/** Append `items` to `out`; returns `out`. */
export function pushAll<T>(out: T[], items: readonly T[]): T[] {
  for (const item of items) out.push(item);
  return out;
}

/** The smallest of `values`, or `ceiling` when there is none smaller. */
export function minOf(values: Iterable<number>, ceiling = Infinity): number {
  let min = ceiling;
  for (const v of values) if (v < min) min = v;
  return min;
}
