/**
 * An article's blocks into sections: by its headings where it has them, else
 * by its paragraphs, adjacent ones joined where they share the most words
 * (lexical cohesion, as in TextTiling: the boundaries kept are the gaps
 * between the least similar neighbours). Deterministic. Also the words,
 * sentences and key phrases that name and fill a draft slide. Pure.
 */
import type { Block } from './source.js';

export interface Section {
  /** From a heading, else undefined (named by its key phrase). */
  heading?: string;
  paragraphs: Block[];
}

/** At most this many sections are made from paragraphs alone (about a 20-minute briefing). */
export const MAX_SECTIONS = 9;
/** A paragraph shorter than this (in words) joins a neighbour rather than standing alone. */
export const SHORT_PARAGRAPH = 15;

const STOP = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between ' +
    'both but by can could did do does doing down during each few for from further had has have having he her here ' +
    'hers him his how i if in into is it its itself just like made make many may me more most much must my no nor not ' +
    'now of off on once one only or other our ours out over own same she should so some such than that the their ' +
    'theirs them then there these they this those through to too towards under until up upon us very was we were what ' +
    'when where which while who whom why will with within without would yet you your also well even ever every get ' +
    'got getting goes going make makes means said say says shall since still though thus via whether two three four five ' +
    'six seven eight nine ten less least'
  ).split(' '),
);

export function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)?/gu) ?? [];
}

/** A word as compared: lower case, a plural's s dropped. */
function stem(word: string): string {
  const w = word.toLowerCase().replace(/['\u2019]s$/, '');
  return w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
}

function isStop(word: string): boolean {
  return STOP.has(word.toLowerCase()) || /^\d{1,2}$/.test(word);
}

function bag(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of words(text)) if (!isStop(w)) m.set(stem(w), (m.get(stem(w)) ?? 0) + 1);
  return m;
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, v] of a) {
    na += v * v;
    dot += v * (b.get(k) ?? 0);
  }
  for (const v of b.values()) nb += v * v;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

const ABBREVIATIONS = /(?:^|\s)(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|Gen|Col|Lt|Sgt|Capt|Gov|Sen|Rep|vs|etc|e\.g|i\.e|No|Vol|Fig|[A-Z])\.$/;

/** The sentences of a paragraph, as written. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  const re = /[.!?\u2026]+["\u201d\u2019)\]]*(?=\s+["\u201c\u2018(\[]?[\p{Lu}\p{N}])/gu;
  let from = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + m[0].length;
    if (ABBREVIATIONS.test(text.slice(Math.max(from, end - 12), end))) continue;
    out.push(text.slice(from, end).trim());
    from = end;
  }
  const rest = text.slice(from).trim();
  if (rest) out.push(rest);
  return out.filter((s) => /[\p{L}\p{N}]/u.test(s));
}

/** Sections from headings: the highest level present opens one; text before the first is a section too. */
function byHeadings(blocks: Block[]): Section[] {
  const levels = blocks.filter((b) => b.kind === 'heading').map((b) => (b as { level: number }).level);
  const top = Math.min(...levels);
  const out: Section[] = [];
  let current: Section | undefined;
  for (const b of blocks) {
    if (b.kind === 'heading' && b.level === top) {
      current = { heading: b.text, paragraphs: [] };
      out.push(current);
      continue;
    }
    if (!current) {
      current = { paragraphs: [] };
      out.push(current);
    }
    current.paragraphs.push(b);
  }
  return out.filter((s) => s.paragraphs.some((p) => p.kind === 'para'));
}

/** Sections from paragraphs alone: short ones joined to a neighbour, then the most similar neighbours joined. */
function byCohesion(paras: Block[]): Section[] {
  let groups = paras.map((p) => ({ paragraphs: [p], bag: bag(p.text), words: words(p.text).length }));
  const join = (i: number) => {
    const a = groups[i];
    const b = groups[i + 1];
    const merged = new Map(a.bag);
    for (const [k, v] of b.bag) merged.set(k, (merged.get(k) ?? 0) + v);
    groups.splice(i, 2, { paragraphs: [...a.paragraphs, ...b.paragraphs], bag: merged, words: a.words + b.words });
  };
  const similarity = (i: number) => cosine(groups[i].bag, groups[i + 1].bag);
  for (let i = 0; i < groups.length && groups.length > 1; ) {
    if (groups[i].words >= SHORT_PARAGRAPH) {
      i++;
      continue;
    }
    // Join the short one to the neighbour it shares more with (the next one on a tie).
    const prev = i > 0 ? similarity(i - 1) : -1;
    const next = i + 1 < groups.length ? similarity(i) : -1;
    if (next >= prev) join(i);
    else join(i - 1);
    i = Math.max(0, i - 1);
  }
  // Each gap's similarity, kept up to date as neighbours are joined (the first of equals goes).
  const gaps = groups.slice(0, -1).map((_, i) => similarity(i));
  while (groups.length > MAX_SECTIONS) {
    let best = 0;
    for (let i = 1; i < gaps.length; i++) if (gaps[i] > gaps[best]) best = i;
    join(best);
    gaps.splice(best, 1);
    if (best > 0) gaps[best - 1] = similarity(best - 1);
    if (best < gaps.length) gaps[best] = similarity(best);
  }
  groups = groups.filter((g) => g.paragraphs.length);
  return groups.map((g) => ({ paragraphs: g.paragraphs }));
}

/** The article's sections. */
export function segment(blocks: Block[]): Section[] {
  if (blocks.some((b) => b.kind === 'heading')) return byHeadings(blocks);
  return byCohesion(blocks.filter((b) => b.kind === 'para'));
}

/**
 * Names for sections without a heading: its key phrase, a run of words
 * without stop words, as written, scored by how often its words occur in the
 * section and how rarely in the others (tf-idf), those of the section's
 * first sentence (where a writer states the topic) counting half again; a
 * phrase of several words if one scores at least half the best, else the
 * best two words.
 */
export function keyPhrases(all: Section[]): string[] {
  const df = new Map<string, number>();
  for (const s of all) for (const k of bag(sectionText(s)).keys()) df.set(k, (df.get(k) ?? 0) + 1);
  return all.map((s) => keyPhrase(s, all.length, df));
}

const sectionText = (s: Section) => s.paragraphs.map((p) => p.text).join('\n');

function keyPhrase(section: Section, count: number, df: Map<string, number>): string {
  const text = sectionText;
  const tf = bag(text(section));
  const score = (w: string) =>
    (1 + Math.log(tf.get(stem(w)) ?? 1)) * Math.log((count + 1) / (df.get(stem(w)) ?? 1));
  const firstPara = section.paragraphs.find((p) => p.kind === 'para');
  const lead = new Set(words(sentences(firstPara?.text ?? '')[0] ?? '').map(stem));
  const phrases = new Map<string, { text: string; score: number; first: number }>();
  let order = 0;
  for (const part of text(section).split(/[.,;:!?()"\u201c\u201d\u2018\u2019\[\]{}\u2026\u2014\u2013\n]+|\s-\s/)) {
    let run: string[] = [];
    const end = () => {
      if (run.length && run.length <= 4) {
        const key = run.map((w) => stem(w)).join(' ');
        const p = phrases.get(key);
        const inLead = run.every((w) => lead.has(stem(w)));
        const s = (run.reduce((n, w) => n + score(w), 0) / Math.sqrt(run.length)) * (inLead ? 1.5 : 1);
        if (p) p.score += s;
        else phrases.set(key, { text: run.join(' '), score: s, first: order++ });
      }
      run = [];
    };
    for (const w of part.split(/\s+/)) {
      const bare = w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
      if (!bare || isStop(bare) || !/\p{L}/u.test(bare)) end();
      else run.push(bare);
    }
    end();
  }
  const ranked = [...phrases.values()].sort((a, b) => b.score - a.score || a.first - b.first);
  if (!ranked.length) return words(text(section)).slice(0, 4).join(' ');
  const upper = (s: string) => s[0].toUpperCase() + s.slice(1);
  // A phrase of several words names a topic better than one word, if it scores half as well.
  const multi = ranked.find((p) => p.text.includes(' '));
  if (multi && multi.score * 2 >= ranked[0].score) return upper(multi.text);
  const best = ranked[0].text;
  return ranked[1] ? `${upper(best)}, ${ranked[1].text}` : upper(best);
}
