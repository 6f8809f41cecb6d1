/**
 * Decks written for other presenters: the dialect names, and how one file is
 * read in each (the rules `slides.ts` and `parts.ts` apply). Each presenter's
 * own rules are in its file here; recognising a dialect is `detect.ts`.
 */
import { isMapping } from '../frontmatter.js';
import type { PartRules } from '../parts.js';
import type { SplitRules } from '../slides.js';
import type { DeckMeta } from '../types.js';
import { BRIEF_PARTS } from './brief.js';
import { MARP_DIRECTIVES, marpRules } from './marp.js';
import { pandocRules } from './pandoc.js';
import { presentermRules } from './presenterm.js';
import { revealRules } from './reveal-md.js';
import { slidesRules } from './slides.js';
import { slidevRules } from './slidev.js';

export { detectDialect, type DialectFile } from './detect.js';

export const DIALECTS = ['brief', 'presenterm', 'marp', 'slidev', 'reveal-md', 'slides', 'patat', 'lookatme'] as const;
export type Dialect = (typeof DIALECTS)[number];

export function isDialect(name: string): name is Dialect {
  return (DIALECTS as readonly string[]).includes(name);
}

/** Everything that differs when reading one file of a deck in a dialect. */
export interface FileRules {
  split: SplitRules;
  parts: PartRules;
  /** Does front matter `title` make a title slide? */
  titleSlide: boolean;
  /**
   * A slide that opens a section with `# Section` and `## Title` right under
   * it is titled by the `##` heading (not where the `#` heading is the slide
   * level's own: patat, lookatme).
   */
  titleUnderSection: boolean;
  /** Deck meta written at the top of the body (a `% Title` block, lookatme's lone heading), taken out of it. */
  takeMeta?: (body: string) => { body: string; meta: Pick<DeckMeta, 'title' | 'author' | 'date'> };
}

/** Options shared by every file of a deck (from the first file's front matter). */
export interface DeckRules {
  incrementalLists: boolean;
}

export function deckRules(dialect: Dialect, fm: Record<string, unknown>): DeckRules {
  const options = isMapping(fm.options) ? fm.options : {};
  const patat = isMapping(fm.patat) ? fm.patat : {};
  const incremental =
    fm.incremental_lists === true ||
    fm.incrementalLists === true ||
    (dialect === 'presenterm' && options.incremental_lists === true) ||
    (dialect === 'patat' && patat.incrementalLists === true);
  return { incrementalLists: incremental };
}

/** What a file's rules may depend on. */
export interface RulesContext {
  /** The file's Markdown after its front matter. */
  body: string;
  /** The deck's (first file's) front matter. */
  deckFm: Record<string, unknown>;
  deck: DeckRules;
  /** Is this the deck's first file? */
  first: boolean;
}

/** Where a directive name unknown to the dialect comes from, for a hint. */
function knownElsewhere(dialect: Dialect): (name: string) => string | undefined {
  return (name) => {
    const bare = name.replace(/^_/, '');
    if (dialect !== 'marp' && MARP_DIRECTIVES.has(bare)) return 'marp';
    return undefined;
  };
}

/** How one file is read in a dialect. */
export function fileRules(dialect: Dialect, ctx: RulesContext): FileRules {
  const parts: PartRules = {
    ...BRIEF_PARTS,
    incrementalLists: ctx.deck.incrementalLists,
    knownElsewhere: knownElsewhere(dialect),
  };
  const rules: FileRules = { split: {}, parts, titleSlide: true, titleUnderSection: true };
  switch (dialect) {
    case 'brief':
      // `---` splits even where the deck also uses `<!-- end_slide -->`.
      rules.split.endSlideOnly = false;
      break;
    case 'presenterm':
      presentermRules(rules, isMapping(ctx.deckFm.options) ? ctx.deckFm.options : {});
      break;
    case 'marp':
      marpRules(rules, ctx.deckFm, ctx.body);
      break;
    case 'slidev':
      slidevRules(rules);
      break;
    case 'reveal-md':
      revealRules(rules, ctx.deckFm);
      break;
    case 'slides':
      slidesRules(rules);
      break;
    case 'patat':
    case 'lookatme':
      pandocRules(rules, dialect, ctx);
      break;
  }
  return rules;
}
