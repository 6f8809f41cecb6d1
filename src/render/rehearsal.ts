/**
 * The table printed after a rehearsal: time per section against its budget,
 * over or under, and the total. Plain text (it is printed on the main screen,
 * where it stays); the time format is given, as for the presenter's timing line.
 */
import { plainInline } from '../deck/titles.js';
import { displayWidth, truncate } from './wrap.js';

export interface ReportRow {
  title: string;
  /** Milliseconds spent. */
  spent: number;
  /** Milliseconds planned, when known. */
  budget?: number;
}

const TITLE_MAX = 40;

/** Over or under, in words: `0:27 over`, `1:15 under`, `on time`. */
export function overUnder(spent: number, budget: number | undefined, fmt: (ms: number) => string): string {
  if (budget === undefined) return '';
  const diff = Math.round(spent / 1000) - Math.round(budget / 1000);
  if (diff === 0) return 'on time';
  return `${fmt(Math.abs(diff) * 1000)} ${diff > 0 ? 'over' : 'under'}`;
}

/** The report's lines: a heading, one row per section, and the total. */
export function rehearsalReport(
  deckTitle: string,
  rows: readonly ReportRow[],
  fmt: (ms: number) => string,
): string[] {
  const planned = rows.some((r) => r.budget !== undefined);
  const total: ReportRow = {
    title: 'Total',
    spent: rows.reduce((a, r) => a + r.spent, 0),
    budget: planned ? rows.reduce((a, r) => a + (r.budget ?? 0), 0) : undefined,
  };
  const cells = [...rows.map((r) => ({ ...r, title: truncate(plainInline(r.title) || '(start)', TITLE_MAX) })), total].map(
    (r) => [r.title, fmt(r.spent), r.budget === undefined ? '-' : fmt(r.budget), overUnder(r.spent, r.budget, fmt)],
  );
  const head = ['Section', 'Time', 'Budget', planned ? 'Over/under' : ''];
  const widths = [0, 1, 2].map((c) => Math.max(...[head, ...cells].map((row) => displayWidth(row[c]))));
  const line = (row: string[]) => {
    const title = row[0] + ' '.repeat(widths[0] - displayWidth(row[0]));
    const cols = [title, row[1].padStart(widths[1]), row[2].padStart(widths[2]), row[3]];
    return ('  ' + cols.join('  ')).trimEnd();
  };
  const name = plainInline(deckTitle) || 'the deck';
  return [
    `Rehearsal of ${name}: ${fmt(total.spent)}${planned ? ` of ${fmt(total.budget!)} planned` : ' (no time planned)'}`,
    line(head),
    ...cells.map(line),
  ];
}
