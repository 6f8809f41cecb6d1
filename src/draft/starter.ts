/**
 * The folder deck `brief-present init` writes: a short briefing about writing a
 * briefing that uses every part of the format (front matter with a title and
 * planned minutes, one file per section, speaker notes, pauses, a table, a
 * backup section). It presents at once and `check` finds nothing in it. Pure.
 */

export interface DeckFile {
  /** File name inside the deck folder. */
  name: string;
  text: string;
}

/** The folder `init` makes when none is named. */
export const STARTER_FOLDER = 'briefing';

const OPENING = `---
title: Your briefing title
subtitle: One line that says what the audience will get
author: Your name
date: Today
duration: 10
section: Opening
---

## Bottom line up front

- The one thing the audience must remember
- What you want from them: a decision, support or attention
- Why now

<!-- notes:
Speaker notes go in comments like this one. The audience never sees them:
press o to show them under the slide, or p for the presenter view with the
next slide and the timer.

The front matter above names the deck and plans 10 minutes for it.
-->

---

## Agenda

| # | Section | The point |
|---|---|---|
| 1 | Opening | the bottom line first |
| 2 | The evidence | what we know, step by step |
| 3 | Closing | the ask, and questions |

<!-- notes:
Each .md file of this folder is a section, in the order of the file names.
Press s for the section menu and a number to jump to a section.
-->
`;

const EVIDENCE = `---
section: The evidence
duration: 6
---

## What we know

- First finding, in a few words
<!-- pause -->
- Second finding, shown on the next key press
<!-- pause -->
- Third finding: one idea per line

<!-- notes:
A pause comment shows the slide up to there first and the rest on the next
key press. Run the presenter with --no-pauses to show whole slides.
-->

---

## What it means

1. The consequence for us
2. The options we have
3. The one we recommend, and why

<!-- notes:
Slides are separated by a line of three dashes between blank lines.
Write the reasoning here, in the notes, and keep the slide short.
-->
`;

const CLOSING = `---
section: Closing
duration: 3
---

## The ask

- **Decision needed:** what, from whom, by when
- **Next step:** who does what next

<!-- notes:
End on the ask. Then take questions; the backup section holds the detail
you may be asked for.
-->

---

## Questions

<!-- notes:
Press i for the slide index, / to search, r to read the whole deck, and ? for
every key.
-->
`;

const BACKUP = `---
section: Backup
backup: true
---

## Backup: the detail behind the evidence

| Figure | Value | Source |
|---|---|---|
| First finding | 42 | where it comes from |
| Second finding | 7% | where it comes from |

<!-- notes:
A backup section holds slides for questions. The backup line in this file's
front matter marks the whole section as backup material.
-->
`;

/** The starter deck's files, in their order. */
export function starterDeck(): DeckFile[] {
  return [
    { name: '01-opening.md', text: OPENING },
    { name: '02-evidence.md', text: EVIDENCE },
    { name: '03-closing.md', text: CLOSING },
    { name: '04-backup.md', text: BACKUP },
  ];
}
