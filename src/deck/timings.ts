/**
 * A rehearsal's timings file (`DECK.timings.json`): what it holds, written as
 * text and read back with every field checked. Pure: text in, data out.
 */

export const TIMINGS_VERSION = 1;

export interface TimedSection {
  title: string;
  /** First and last slide, 1-based. */
  first: number;
  last: number;
  seconds: number;
  /** Planned seconds, when the deck plans any. */
  budget: number | null;
}

export interface TimedSlide {
  /** 1-based slide number. */
  slide: number;
  title: string;
  seconds: number;
}

export interface Timings {
  version: number;
  deck: { title: string; fingerprint: string; slides: number };
  /** When the rehearsal ended (ISO 8601). */
  date: string;
  seconds: number;
  sections: TimedSection[];
  slides: TimedSlide[];
}

/** A timings file that cannot be used: its message is one line. */
export class TimingsError extends Error {}

/** Milliseconds as seconds to a tenth. */
export function seconds(ms: number): number {
  return Math.round(ms / 100) / 10;
}

export function timingsText(t: Timings): string {
  return JSON.stringify(t, null, 2) + '\n';
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isSeconds = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** The timings in `text`; a TimingsError saying what is wrong, naming `name`. */
export function parseTimings(text: string, name: string): Timings {
  const bad = (why: string) => new TimingsError(`${name}: not a brief-present timings file (${why})`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw bad('not JSON');
  }
  if (!isObject(data)) throw bad('not a JSON object');
  if (data.version !== TIMINGS_VERSION) throw bad(`version ${JSON.stringify(data.version ?? null)}, expected ${TIMINGS_VERSION}`);
  const deck = data.deck;
  if (!isObject(deck) || typeof deck.title !== 'string' || typeof deck.fingerprint !== 'string' || !isSeconds(deck.slides)) {
    throw bad('no "deck" with title, fingerprint and slides');
  }
  if (typeof data.date !== 'string' || Number.isNaN(Date.parse(data.date))) throw bad('no "date" of the rehearsal');
  if (!isSeconds(data.seconds)) throw bad('"seconds" is not a number of seconds');
  if (!Array.isArray(data.sections) || !Array.isArray(data.slides)) throw bad('no "sections" and "slides" lists');
  const sections = data.sections.map((s, i): TimedSection => {
    const ok =
      isObject(s) &&
      typeof s.title === 'string' &&
      isSeconds(s.first) &&
      isSeconds(s.last) &&
      isSeconds(s.seconds) &&
      (s.budget === null || isSeconds(s.budget));
    if (!ok) throw bad(`section ${i + 1} needs title, first, last, seconds and budget`);
    return { title: s.title as string, first: s.first as number, last: s.last as number, seconds: s.seconds as number, budget: s.budget as number | null };
  });
  const slides = data.slides.map((s, i): TimedSlide => {
    if (!isObject(s) || !isSeconds(s.slide) || typeof s.title !== 'string' || !isSeconds(s.seconds)) {
      throw bad(`slide ${i + 1} needs slide, title and seconds`);
    }
    return { slide: s.slide, title: s.title, seconds: s.seconds };
  });
  return {
    version: TIMINGS_VERSION,
    deck: { title: deck.title, fingerprint: deck.fingerprint, slides: deck.slides },
    date: data.date,
    seconds: data.seconds,
    sections,
    slides,
  };
}
