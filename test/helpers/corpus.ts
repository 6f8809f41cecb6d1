// The corpus of real decks written for other presenters: ../shared/corpus beside
// the repository, shared material that is not copied into it. A clone on its own
// skips the tests that read it, saying why; CI sets BRIEF_PRESENT_REQUIRE_CORPUS,
// and then a missing corpus is a failure.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CORPUS_DIR = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));

/** The reason to skip a test that reads the corpus, or false when it runs. */
export const corpusSkip: string | false =
  existsSync(CORPUS_DIR) || process.env.BRIEF_PRESENT_REQUIRE_CORPUS
    ? false
    : `no shared corpus beside the repository (${CORPUS_DIR}): the decks of other presenters are not read`;

/** The source articles of the bundled briefing: ../shared/source beside the repository. */
export const SOURCE_DIR = fileURLToPath(new URL('../../../shared/source/', import.meta.url));

/** The reason to skip a test that reads a source article, or false when it runs. */
export const sourceSkip: string | false =
  existsSync(SOURCE_DIR) || process.env.BRIEF_PRESENT_REQUIRE_CORPUS
    ? false
    : `no shared sources beside the repository (${SOURCE_DIR}): the briefing's source article is not read`;
