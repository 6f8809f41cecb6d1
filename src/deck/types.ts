import type { Dialect } from './dialects/index.js';

export type { Dialect } from './dialects/index.js';

/** One Markdown file of a deck, as read from disk (or made up by a test). */
export interface SourceFile {
  /** Path as the user should see it in messages (relative or absolute). */
  path: string;
  text: string;
}

export interface DeckMeta {
  title?: string;
  subtitle?: string;
  author?: string;
  date?: string;
  classification?: string;
  /** Front matter `theme:` when it is text: a theme's name or a theme file (or another presenter's theme). */
  theme?: string;
  /** Planned length of the briefing in minutes (front matter `duration:`). */
  duration?: number;
}

export interface Slide {
  /** 0-based position in the deck. */
  index: number;
  /** Plain-text title (Markdown removed); '' when the slide has none. */
  title: string;
  /** Index into Deck.sections. */
  section: number;
  /** The slide's Markdown with notes and directives removed. */
  body: string;
  /**
   * Incremental reveal: what each step shows (the body up to each pause, then
   * the whole body). One entry for a slide without pauses.
   */
  steps: string[];
  /** Speaker notes (Markdown); '' when none. */
  notes: string;
  /** How many separate notes were joined into `notes` (0 when none). */
  noteCount?: number;
  kind: 'title' | 'content';
  /** Centred on the screen (front matter `center`, a section's opening slide, presenterm's `jump_to_middle`). */
  center?: boolean;
  /**
   * Columns, blank lines and alignment (presenterm's layout commands, Slidev's
   * `two-cols`): the blocks of each step, as `steps`. Absent when the slide is
   * its Markdown top to bottom. `body` and `steps` hold the columns one after
   * the other (for search, handouts, and a screen too narrow for them).
   */
  layout?: LayoutBlock[][];
  /**
   * A backup slide (after `<!-- backup -->`, or in a folder file with
   * `backup: true`): kept after every main slide, not counted, not reached by next.
   */
  backup?: true;
  /** Where the slide starts (1-based line) in which file. */
  source: { path: string; line: number };
}

export type Align = 'left' | 'center' | 'right';

/** Markdown across the slide's width, or blank lines. */
export type TextBlock = { kind: 'text'; markdown: string; align?: Align } | { kind: 'space'; lines: number };

/** A part of a laid-out slide: text, or a row of columns in proportions (`[2, 1]`). */
export type LayoutBlock = TextBlock | { kind: 'columns'; widths: number[]; columns: TextBlock[][] };

export interface Section {
  /** '' for the untitled first section. */
  title: string;
  /** Planned minutes for this section, when the deck gives them. */
  minutes?: number;
  /** First and last slide index (inclusive). */
  first: number;
  last: number;
  /** A section of backup slides: after every main section. */
  backup?: true;
}

export interface Deck {
  meta: DeckMeta;
  sections: Section[];
  slides: Slide[];
  /** The presenter the deck was written for (detected, or from --dialect); always set by parseFiles. */
  dialect?: Dialect;
  /** Things worth telling the author, found while reading (for `check`); always set by parseFiles. */
  diagnostics?: Diagnostic[];
}

export type DiagnosticCode =
  | 'unknown-directive'
  | 'note-in-code'
  | 'unclosed-fence'
  | 'unclosed-comment'
  | 'mixed-separators'
  | 'missing-import'
  | 'bad-import'
  | 'too-many-steps';

/** Something worth telling the author about, found while reading: a file line and a message. */
export type Report = (line: number, code: DiagnosticCode, message: string, severity?: 'error') => void;

/** A problem found while reading a deck that does not stop it from being presented. */
export interface Diagnostic {
  path: string;
  line: number;
  code: DiagnosticCode;
  message: string;
  /** 'error' when presenting shows something else than the author wrote (a missing import); else a warning. */
  severity?: 'error';
}

/** A problem with the deck's content that stops it from being presented. */
export class DeckError extends Error {
  constructor(
    message: string,
    readonly path?: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'DeckError';
  }

  /** One line: `path:line: message` (as much of the place as is known). */
  describe(): string {
    const where = this.path ? `${this.path}${this.line ? `:${this.line}` : ''}: ` : '';
    return where + this.message;
  }
}
