/**
 * brief-present's own reading of comments, which every dialect starts from:
 * pauses, the directives of every presenter it knows (never shown, never
 * notes), and any other comment as a speaker note.
 */
import type { PartRules } from '../parts.js';
import { PRESENTERM_COMMANDS } from './presenterm.js';

/** Directives that end a reveal step. */
export const PAUSES: ReadonlySet<string> = new Set(['pause', 'stop']);

/**
 * Comments that steer layout or flow in every dialect: never shown and never
 * notes. (presenterm's speaker_note is a note, handled before directives.)
 */
export const DIRECTIVES: ReadonlySet<string> = new Set([
  ...[...PRESENTERM_COMMANDS].filter((name) => name !== 'speaker_note'),
  ...PAUSES,
  'fit',
]);

/**
 * reveal.js attribute comments, and patat's configuration blocks: only a
 * comment that opens exactly `<!--config:` (`<!-- config:` is a note).
 */
function isAttributeComment(content: string, raw: string): boolean {
  return /^\.(element|slide)\b/.test(content) || raw.startsWith('config:');
}

export const BRIEF_PARTS: PartRules = {
  commentNotes: 'all',
  isDirective: (content, name, raw) => isAttributeComment(content, raw) || (name !== null && DIRECTIVES.has(name.toLowerCase())),
  pauses: PAUSES,
  dotPauses: false,
  incrementalLists: false,
};
